package io.github.genesysllm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.mojo.ReactorOnce.RunAt;
import io.github.genesysllm.mojo.ReactorOnce.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;

class ReactorOnceTest {

  private static final String GROUP = "io.github.genesysllm";
  private static final String ARTIFACT = "genesys-llm-maven-plugin";

  private final MavenProject parent = module("parent", "provision");
  private final MavenProject a = module("a", "provision");
  private final MavenProject b = module("b", "provision");
  private final MavenProject c = module("c", "provision");
  private final List<MavenProject> reactor = List.of(parent, a, b, c);

  @Test
  void atEndTheLastModuleInReactorOrderRunsItAndTheOthersNameIt() throws Exception {
    ReactorOnce once = new ReactorOnce(sessionData(), reactor, parent, false);
    for (MavenProject module : List.of(parent, a, b)) {
      Turn turn = once.turn(RunAt.END, "register", execution("provision"), module);
      assertFalse(turn.here(), module.getArtifactId());
      assertTrue(turn.line().contains("'c'"), turn.line());
    }
    Turn last = once.turn(RunAt.END, "register", execution("provision"), c);
    assertTrue(last.here());
    assertTrue(last.line().contains("'c'"), last.line());
  }

  @Test
  void eachGoalAndExecutionIsCountedApart() throws Exception {
    ReactorOnce once = new ReactorOnce(sessionData(), reactor, parent, false);
    for (MavenProject module : List.of(parent, a, b)) {
      assertFalse(once.turn(RunAt.END, "register", execution("provision"), module).here());
      assertFalse(once.turn(RunAt.END, "verify", execution("provision"), module).here());
    }
    assertTrue(once.turn(RunAt.END, "register", execution("provision"), c).here());
    assertTrue(once.turn(RunAt.END, "verify", execution("provision"), c).here());
  }

  @Test
  void inParallelTheModulesStillMissingAreNamed() throws Exception {
    ReactorOnce once = new ReactorOnce(sessionData(), reactor, parent, true);
    Turn first = once.turn(RunAt.END, "register", execution("provision"), a);
    assertFalse(first.here());
    assertTrue(
        first.line().contains("'parent', 'b', 'c'"), "all three still missing: " + first.line());
    once.turn(RunAt.END, "register", execution("provision"), parent);
    Turn third = once.turn(RunAt.END, "register", execution("provision"), c);
    assertFalse(third.here());
    assertTrue(third.line().contains("'b'") && !third.line().contains("'c'"), third.line());
    assertTrue(once.turn(RunAt.END, "register", execution("provision"), b).here());
  }

  @Test
  void inParallelExactlyOneModuleRunsItHoweverTheyArrive() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(reactor.size());
    try {
      for (int round = 0; round < 200; round++) {
        ReactorOnce once = new ReactorOnce(sessionData(), reactor, parent, true);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Turn>> turns = new ArrayList<>();
        for (MavenProject module : reactor) {
          Callable<Turn> arrive =
              () -> {
                start.await();
                return once.turn(RunAt.END, "register", execution("provision"), module);
              };
          turns.add(threads.submit(arrive));
        }
        start.countDown();
        int here = 0;
        for (Future<Turn> turn : turns) {
          here += turn.get().here() ? 1 : 0;
        }
        assertEquals(1, here, "round " + round);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void atRootTheExecutionRootRunsItWhereverItIsInTheOrder() throws Exception {
    ReactorOnce once = new ReactorOnce(sessionData(), reactor, b, false);
    for (MavenProject module : List.of(parent, a, c)) {
      Turn turn = once.turn(RunAt.ROOT, "register", execution("provision"), module);
      assertFalse(turn.here());
      assertTrue(turn.line().contains("'b'"), turn.line());
    }
    Turn root = once.turn(RunAt.ROOT, "register", execution("provision"), b);
    assertTrue(root.here());
    assertTrue(root.line().contains("'b'"), root.line());
  }

  @Test
  void atRootARootWithoutTheExecutionIsRefusedRatherThanNeverRun() {
    MavenProject aggregator = module("aggregator", "other");
    ReactorOnce once = new ReactorOnce(sessionData(), List.of(aggregator, a, b), aggregator, false);
    MojoFailureException e =
        assertThrows(
            MojoFailureException.class,
            () -> once.turn(RunAt.ROOT, "register", execution("provision"), a));
    assertTrue(e.getMessage().contains("'aggregator'"), e.getMessage());
    assertTrue(e.getMessage().contains("genesys.runAt=end"), e.getMessage());
  }

  @Test
  void eachModuleRunsItWithEach() throws Exception {
    ReactorOnce once = new ReactorOnce(sessionData(), reactor, parent, false);
    for (MavenProject module : reactor) {
      Turn turn = once.turn(RunAt.EACH, "register", execution("provision"), module);
      assertTrue(turn.here());
      assertNull(turn.line());
    }
  }

  @Test
  void modulesThatDisagreeOnRunAtAreRefused() throws Exception {
    ReactorOnce once = new ReactorOnce(sessionData(), reactor, parent, false);
    once.turn(RunAt.END, "register", execution("provision"), parent);
    MojoFailureException e =
        assertThrows(
            MojoFailureException.class,
            () -> once.turn(RunAt.EACH, "register", execution("provision"), a));
    assertTrue(e.getMessage().contains("'parent'") && e.getMessage().contains("'a'"));
  }

  @Test
  void aSingleModuleRunsItAndSaysNothing() throws Exception {
    MavenProject alone = module("alone", "provision");
    // a build of one module needs no session data (a test harness has none)
    ReactorOnce once =
        new ReactorOnce(
            () -> {
              throw new AssertionError("session data asked for in a single-module build");
            },
            List.of(alone),
            alone,
            false);
    for (RunAt runAt : RunAt.values()) {
      Turn turn = once.turn(runAt, "register", execution("provision"), alone);
      assertTrue(turn.here());
      assertNull(turn.line());
    }
  }

  @Test
  void onlyModulesWithTheExecutionCountAndPhaseNoneIsNone() throws Exception {
    MavenProject other = module("other", "another-execution");
    MavenProject off = module("off", "provision");
    off.getBuild().getPlugins().get(0).getExecutions().get(0).setPhase("none");
    ReactorOnce once = new ReactorOnce(sessionData(), List.of(a, other, off), a, false);
    Turn turn = once.turn(RunAt.END, "register", execution("provision"), a);
    assertTrue(turn.here(), "a is the only module that runs the execution");
    assertNull(turn.line());
  }

  @Test
  void aGoalCalledFromTheCommandLineRunsInEveryModuleSoOnceAtTheEnd() throws Exception {
    ReactorOnce once = new ReactorOnce(sessionData(), reactor, parent, false);
    MojoExecution cli =
        new MojoExecution(new MojoDescriptor(), "default-cli", MojoExecution.Source.CLI);
    MavenProject bare = new MavenProject(model("bare"));
    List<MavenProject> withBare = List.of(parent, bare);
    ReactorOnce mixed = new ReactorOnce(sessionData(), withBare, parent, false);
    assertFalse(mixed.turn(RunAt.END, "unregister", cli, parent).here());
    assertTrue(mixed.turn(RunAt.END, "unregister", cli, bare).here());
    assertFalse(once.turn(RunAt.END, "unregister", cli, c).here());
  }

  @Test
  void runAtIsReadStrictly() throws Exception {
    assertEquals(RunAt.END, RunAt.parse("end"));
    assertEquals(RunAt.ROOT, RunAt.parse(" Root "));
    assertEquals(RunAt.EACH, RunAt.parse("EACH"));
    for (String wrong : new String[] {"last", "", "end,root"}) {
      MojoFailureException e = assertThrows(MojoFailureException.class, () -> RunAt.parse(wrong));
      assertTrue(e.getMessage().contains("genesys.runAt"), e.getMessage());
    }
    assertThrows(MojoFailureException.class, () -> RunAt.parse(null));
  }

  /** One build's session data, as Maven gives the same to every module. */
  private static Supplier<SessionData> sessionData() {
    SessionData data = new DefaultSessionData();
    return () -> data;
  }

  private static MojoExecution execution(String id) {
    Plugin plugin = new Plugin();
    plugin.setGroupId(GROUP);
    plugin.setArtifactId(ARTIFACT);
    return new MojoExecution(plugin, "register", id);
  }

  /**
   * A module whose build has the plugin with an execution {@code executionId} of register and
   * verify.
   */
  private static MavenProject module(String artifactId, String executionId) {
    Model model = model(artifactId);
    PluginExecution execution = new PluginExecution();
    execution.setId(executionId);
    execution.setPhase("integration-test");
    execution.setGoals(new ArrayList<>(List.of("register", "verify")));
    Plugin plugin = new Plugin();
    plugin.setGroupId(GROUP);
    plugin.setArtifactId(ARTIFACT);
    plugin.addExecution(execution);
    model.getBuild().addPlugin(plugin);
    return new MavenProject(model);
  }

  private static Model model(String artifactId) {
    Model model = new Model();
    model.setGroupId("it.reactor");
    model.setArtifactId(artifactId);
    model.setVersion("1.0");
    model.setBuild(new Build());
    return model;
  }
}
