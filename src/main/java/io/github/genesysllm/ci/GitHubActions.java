package io.github.genesysllm.ci;

import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tells GitHub Actions of a goal's run: appends a Markdown section to the job summary ({@code
 * $GITHUB_STEP_SUMMARY}), and prints workflow commands: {@code ::error} for each configuration
 * problem and each provider that fails the build, {@code ::warning} for each one that only warns
 * (drift with {@code failOnDrift=false}), at the file and line of its place, relative to {@code
 * $GITHUB_WORKSPACE}. A summary that cannot be written is a warning in the build log, never a
 * failed build.
 */
public final class GitHubActions implements CiReporter {

  static final String ENV_GITHUB_ACTIONS = "GITHUB_ACTIONS";
  static final String ENV_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
  static final String ENV_WORKSPACE = "GITHUB_WORKSPACE";

  /** GitHub shows 10 annotations of a kind per step; more than this only floods the log. */
  static final int MAX_ANNOTATIONS = 50;

  /** Parallel modules (-T) append to one summary file: one section at a time. */
  private static final Object SUMMARY_LOCK = new Object();

  private final Path summaryFile;
  private final Path workspace;
  private final PrintStream out;
  private final BuildLog log;

  /**
   * @param summaryFile the job summary to append to, or null to write none
   * @param workspace the checkout that annotation paths are relative to, or null for absolute paths
   */
  GitHubActions(Path summaryFile, Path workspace, PrintStream out, BuildLog log) {
    this.summaryFile = summaryFile;
    this.workspace = workspace == null ? null : workspace.toAbsolutePath().normalize();
    this.out = out;
    this.log = log;
  }

  static GitHubActions fromEnvironment(
      Function<String, String> env, PrintStream out, BuildLog log) {
    return new GitHubActions(path(env, ENV_STEP_SUMMARY), path(env, ENV_WORKSPACE), out, log);
  }

  private static Path path(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value == null || value.isEmpty() ? null : Path.of(value);
  }

  @Override
  public void goalFinished(GoalReport report, SourceFiles sources) {
    appendSummary(MarkdownSummary.of(report));
    int printed = 0;
    for (GoalReport.Row row : report.rows()) {
      if (row.severity() == GoalReport.Severity.NONE) {
        continue;
      }
      if (printed == MAX_ANNOTATIONS) {
        print("notice", null, report.heading(), "more providers to look at: see the goal's report");
        break;
      }
      print(
          row.severity() == GoalReport.Severity.ERROR ? "error" : "warning",
          sources.locate(row.origin()),
          report.heading(),
          "Provider '"
              + row.provider()
              + "' "
              + row.outcome()
              + (row.detail().isEmpty() ? "" : ": " + row.detail()));
      printed++;
    }
  }

  /**
   * One {@code ::error} per problem whose place is in a file (a line of the configuration file, a
   * provider of the build file); when none is (no credentials found, say), one for the whole
   * message.
   */
  @Override
  public void configurationFailed(
      String heading,
      String message,
      List<Problem> problems,
      Wording wording,
      SourceFiles sources) {
    List<String> lines =
        problems.stream().map(problem -> SafeText.of(problem.render(wording))).toList();
    appendSummary(MarkdownSummary.ofProblems(heading, message, lines));
    int printed = 0;
    for (int i = 0; i < problems.size() && printed < MAX_ANNOTATIONS; i++) {
      SourceFiles.Location at = sources.locate(problems.get(i).where());
      if (at != null) {
        print("error", at, heading, lines.get(i));
        printed++;
      }
    }
    if (printed == 0) {
      print("error", null, heading, message);
    }
  }

  private void print(String kind, SourceFiles.Location at, String title, String message) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (at != null) {
      properties.put("file", relative(at.file()));
      properties.put("line", at.line() == null ? null : at.line().toString());
    }
    properties.put("title", title);
    String command = WorkflowCommands.command(kind, properties, message);
    synchronized (out) {
      out.println(command);
      out.flush();
    }
  }

  /** The path from the workspace with {@code /}, as GitHub expects; absolute when outside it. */
  private String relative(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown =
        workspace != null && absolute.startsWith(workspace)
            ? workspace.relativize(absolute)
            : absolute;
    return shown.toString().replace('\\', '/');
  }

  private void appendSummary(String markdown) {
    if (summaryFile == null) {
      log.debug(ENV_STEP_SUMMARY + " is not set: no job summary written");
      return;
    }
    ByteBuffer bytes = ByteBuffer.wrap(markdown.getBytes(StandardCharsets.UTF_8));
    synchronized (SUMMARY_LOCK) {
      try (FileChannel channel =
              FileChannel.open(
                  summaryFile,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          FileLock lock = channel.lock()) {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      } catch (IOException e) {
        log.warn(
            "Could not append to the job summary "
                + summaryFile
                + " ("
                + e
                + "); the build goes on without it");
      }
    }
  }
}
