package io.github.genesysllm.faults;

import static io.github.genesysllm.faults.FaultRule.PROVIDERS;
import static io.github.genesysllm.faults.FaultRule.on;
import static io.github.genesysllm.faults.FaultRule.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Providers changed four at once (the default concurrency, never more) against an emulator with
 * latency, the first creates held back: they finish out of configuration order, yet outcomes,
 * report entries and log lines come in configuration order, and a run that lasts shows its progress
 * at most once per interval.
 */
class ConfigurationOrderTest {

  private static final Pattern PROGRESS = Pattern.compile("(\\d+)/20 providers reconciled");
  private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(150);

  @Test
  void outcomesAndLogLinesFollowTheConfigurationWhateverOrderChangesFinishIn() {
    List<DesiredProvider> desired = FaultRig.desired(0);
    List<String> names = desired.stream().map(DesiredProvider::name).toList();
    try (FaultRig rig = FaultRig.start(EmulatorSettings.builder().latencyMillis(20))) {
      rig.emulator().setFaultScript(script(on("POST", PROVIDERS).delay(400).times(2)));
      long started = System.nanoTime();
      Run run =
          rig.register(
              desired,
              FaultRig.options().build(),
              ReconcileOptions.defaults().withProgressInterval(PROGRESS_INTERVAL));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      rig.assertConverged(run, desired, Set.of(Action.CREATED));
      int parallel = rig.tap().maxInFlight();
      assertTrue(
          parallel > 1 && parallel <= ReconcileOptions.DEFAULT_CONCURRENCY,
          parallel + " requests at once");
      List<String> createdOrder =
          rig.emulator().store().list().stream().map(Provider::name).toList();
      assertNotEquals(names, createdOrder, "the changes finished out of configuration order");

      List<String> outcomeLines =
          run.log().lines("INFO").stream().filter(l -> l.startsWith("CREATED")).toList();
      assertEquals(
          names,
          outcomeLines.stream()
              .map(l -> l.substring("CREATED   ".length(), l.indexOf(" (id")))
              .toList());
      List<String> reported = run.report().get("providers").findValuesAsText("name");
      assertEquals(names, reported);

      List<Integer> progress =
          run.log().lines("INFO").stream()
              .map(PROGRESS::matcher)
              .filter(Matcher::find)
              .map(m -> Integer.valueOf(m.group(1)))
              .toList();
      assertFalse(
          progress.isEmpty(),
          () -> "a run of " + took.toMillis() + " ms shows progress:\n" + run.log().text());
      for (int i = 1; i < progress.size(); i++) {
        assertTrue(progress.get(i) >= progress.get(i - 1), "progress only grows: " + progress);
      }
      assertTrue(
          progress.get(progress.size() - 1) < names.size(),
          "no progress line once all are done: " + progress);
      assertTrue(
          progress.size() <= took.toNanos() / PROGRESS_INTERVAL.toNanos() + 1,
          progress.size()
              + " progress lines in "
              + took.toMillis()
              + " ms: more than one per interval");
    }
  }
}
