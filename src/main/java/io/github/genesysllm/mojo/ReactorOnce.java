package io.github.genesysllm.mojo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * Decides which module of a reactor runs a goal that provisions the organization, so that a build
 * does it once however many modules have the execution (a parent POM's execution is inherited by
 * every module). By default the last module of the reactor to reach the execution runs it, as
 * maven-deploy-plugin's {@code deployAtEnd} does; or the execution root does.
 *
 * <p>What each module reached is kept in the build's repository session data: one per build, shared
 * by the threads of {@code -T}, with an atomic compare-and-set, so that exactly one module claims
 * the work. Only JDK types are stored there, since modules may load the plugin in different class
 * realms.
 */
final class ReactorOnce {

  /** Where a goal runs in a reactor ({@code genesys.runAt}). */
  enum RunAt {
    /** In the last module of the reactor to reach the execution. */
    END,
    /** In the execution root (the project Maven was started in). */
    ROOT,
    /** In every module that has the execution. */
    EACH;

    /**
     * {@code end}, {@code root} or {@code each} (white space around it ignored, any case).
     *
     * @throws MojoFailureException naming the parameter and the value for anything else
     */
    static RunAt parse(String text) throws MojoFailureException {
      String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
      for (RunAt runAt : values()) {
        if (runAt.name().equals(name)) {
          return runAt;
        }
      }
      throw GoalFailures.failure(
          ParameterChecks.theParameter("runAt", "genesys.runAt")
              + " must be end, root or each, got "
              + (text == null ? "nothing" : "'" + text + "'")
              + "; nothing was done. Write -Dgenesys.runAt=end (the last module of the reactor"
              + " to reach the execution runs it), root (the execution root runs it) or each (every"
              + " module runs it).");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether this module does the work, and the line to log about it (null when none is due). */
  record Turn(boolean here, String line) {}

  private static final String KEY_PREFIX = ReactorOnce.class.getName() + "/";

  private final Supplier<SessionData> sessionData;
  private final List<MavenProject> reactor;
  private final MavenProject root;
  private final boolean parallel;

  /**
   * @param sessionData the build's session data, shared by every module and thread; asked for only
   *     when several modules have the execution
   * @param reactor the projects of the build, in reactor order
   * @param root the execution root
   * @param parallel whether modules are built in parallel ({@code -T})
   */
  ReactorOnce(
      Supplier<SessionData> sessionData,
      List<MavenProject> reactor,
      MavenProject root,
      boolean parallel) {
    this.sessionData = sessionData;
    this.reactor = List.copyOf(reactor);
    this.root = root;
    this.parallel = parallel;
  }

  static ReactorOnce of(MavenSession session) {
    return new ReactorOnce(
        () -> session.getRepositorySession().getData(),
        session.getProjects(),
        session.getTopLevelProject(),
        session.isParallel());
  }

  /**
   * Whether {@code current} runs {@code goal} in {@code execution}. A build with one module having
   * the execution runs it there, as a single-module build does, and says nothing.
   *
   * @throws MojoFailureException when the modules disagree on {@code runAt}, or it is {@code root}
   *     and the execution root has not the execution
   */
  Turn turn(RunAt runAt, String goal, MojoExecution execution, MavenProject current)
      throws MojoFailureException {
    List<MavenProject> modules = modulesWith(goal, execution);
    if (modules.size() < 2 || !modules.contains(current)) {
      return new Turn(true, null);
    }
    SessionData data = sessionData.get();
    String base = KEY_PREFIX + goal + "/" + execution.getExecutionId();
    String what = goal + " (execution '" + execution.getExecutionId() + "')";
    requireOneRunAt(data, base + "/runAt", runAt, what, current);
    return switch (runAt) {
      case EACH -> new Turn(true, null);
      case ROOT -> atRoot(what, modules, current);
      case END -> atEnd(data, base, what, modules, current);
    };
  }

  /**
   * The modules of the reactor that run {@code goal} in {@code execution}: every one for a goal
   * called from the command line, else those whose build has the execution with the goal, not bound
   * to the phase {@code none}.
   */
  private List<MavenProject> modulesWith(String goal, MojoExecution execution) {
    if (execution.getSource() == MojoExecution.Source.CLI) {
      return reactor;
    }
    String pluginKey = Plugin.constructKey(execution.getGroupId(), execution.getArtifactId());
    List<MavenProject> modules = new ArrayList<>();
    for (MavenProject project : reactor) {
      Plugin plugin = project.getPlugin(pluginKey);
      PluginExecution declared =
          plugin == null ? null : plugin.getExecutionsAsMap().get(execution.getExecutionId());
      if (declared != null
          && declared.getGoals().contains(goal)
          && !"none".equals(declared.getPhase())) {
        modules.add(project);
      }
    }
    return modules;
  }

  /** Refuses a module whose runAt differs from the first module's: it could run twice or never. */
  private static void requireOneRunAt(
      SessionData data, String key, RunAt runAt, String what, MavenProject current)
      throws MojoFailureException {
    List<String> mine = List.of(runAt.toString(), current.getArtifactId());
    data.set(key, null, mine);
    @SuppressWarnings("unchecked")
    List<String> first = (List<String>) data.get(key);
    if (!first.get(0).equals(mine.get(0))) {
      throw GoalFailures.failure(
          ParameterChecks.theParameter("runAt", "genesys.runAt")
              + " of "
              + what
              + " is "
              + mine.get(0)
              + " in module '"
              + mine.get(1)
              + "' but "
              + first.get(0)
              + " in module '"
              + first.get(1)
              + "'; nothing was done here. Give every module of the reactor the same runAt.");
    }
  }

  private Turn atRoot(String what, List<MavenProject> modules, MavenProject current)
      throws MojoFailureException {
    if (!modules.contains(root)) {
      throw GoalFailures.failure(
          what
              + " is to run in the execution root (genesys.runAt=root), but the root '"
              + root.getArtifactId()
              + "' has not this execution; nothing was done. Give the root the execution, or"
              + " use genesys.runAt=end.");
    }
    if (current.equals(root)) {
      return new Turn(true, hereLine(what, modules, current, "the execution root", RunAt.ROOT));
    }
    return new Turn(false, insteadLine(what, "'" + root.getArtifactId() + "'", RunAt.ROOT));
  }

  private Turn atEnd(
      SessionData data,
      String base,
      String what,
      List<MavenProject> modules,
      MavenProject current) {
    data.set(base + "/reached", null, ConcurrentHashMap.<String>newKeySet());
    @SuppressWarnings("unchecked")
    Set<String> reached = (Set<String>) data.get(base + "/reached");
    reached.add(current.getId());
    List<MavenProject> missing =
        modules.stream().filter(module -> !reached.contains(module.getId())).toList();
    if (!missing.isEmpty()) {
      // without -T the reactor order is the order modules reach it; with -T it is not
      String where =
          !parallel || missing.size() == 1
              ? "'" + missing.get(missing.size() - 1).getArtifactId() + "'"
              : "whichever of "
                  + missing.stream()
                      .map(module -> "'" + module.getArtifactId() + "'")
                      .collect(Collectors.joining(", "))
                  + " reaches it last";
      return new Turn(false, insteadLine(what, where, RunAt.END));
    }
    // with -T, two modules may both find every module reached: one claims the work
    if (data.set(base + "/runner", null, current.getArtifactId())) {
      return new Turn(
          true, hereLine(what, modules, current, "the last of them to reach it", RunAt.END));
    }
    return new Turn(false, insteadLine(what, "'" + data.get(base + "/runner") + "'", RunAt.END));
  }

  /** The line of the module that runs the work for the reactor, {@code role} saying why it. */
  private static String hereLine(
      String what, List<MavenProject> modules, MavenProject current, String role, RunAt runAt) {
    return what
        + " runs once for the "
        + modules.size()
        + " modules that have it: here, in '"
        + current.getArtifactId()
        + "', "
        + role
        + " (genesys.runAt="
        + runAt
        + ").";
  }

  private static String insteadLine(String what, String where, RunAt runAt) {
    return what
        + " runs in "
        + where
        + " instead, once for the reactor (genesys.runAt="
        + runAt
        + ").";
  }
}
