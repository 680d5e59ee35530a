package io.github.genesysllm.faults;

import static io.github.genesysllm.faults.FaultRule.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ProviderOutcome;
import io.github.genesysllm.reconcile.VerifyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Two builds register the same 20 providers at the same moment: two clients, two reconcilers, two
 * threads released by one latch. Both list an empty organization and race on every create; the
 * emulator holds each name once, and both builds succeed.
 */
class ConcurrentBuildsTest {

  /**
   * Each request takes this long, so that both listings are answered before either build creates.
   */
  private static final long LATENCY_MILLIS = 40;

  @Test
  void eachProviderIsCreatedByOneBuildAndAdoptedByTheOther() throws Exception {
    try (FaultRig rig = FaultRig.start(EmulatorSettings.builder().latencyMillis(LATENCY_MILLIS))) {
      List<Run> builds = twoBuildsAtOnce(rig);

      for (Run build : builds) {
        rig.assertConverged(
            build, FaultRig.desired(0), Set.of(Action.CREATED, Action.ADOPTED, Action.UNCHANGED));
      }
      for (int i = 0; i < FaultRig.PROVIDERS; i++) {
        ProviderOutcome first = builds.get(0).result().providers().get(i);
        ProviderOutcome second = builds.get(1).result().providers().get(i);
        Set<Action> both = Set.of(first.action(), second.action());
        assertTrue(
            both.equals(Set.of(Action.CREATED, Action.ADOPTED))
                || both.equals(Set.of(Action.CREATED, Action.UNCHANGED)),
            first.describe(Wording.PLAIN) + " / " + second.describe(Wording.PLAIN));
        assertEquals(first.id(), second.id());
      }
      long conflicts = rig.answered(409);
      assertTrue(conflicts > 0, "the builds raced on creates");
      long adopted =
          builds.stream()
              .mapToLong(
                  b ->
                      b.log().lines("INFO").stream()
                          .filter(l -> l.contains("its name was taken meanwhile"))
                          .count())
              .sum();
      assertEquals(
          conflicts, adopted, "every create that lost the race adopted the winner's provider");
      assertEquals(
          conflicts,
          builds.stream().mapToLong(b -> b.result().count(Action.ADOPTED)).sum(),
          "every adoption is reported ADOPTED");
    }
  }

  @Test
  void twoBuildsMeetingTransientFaultsBothSucceedWithoutADuplicate() throws Exception {
    try (FaultRig rig = FaultRig.start(EmulatorSettings.builder().latencyMillis(LATENCY_MILLIS))) {
      rig.emulator().setFaultScript(script(MixedFaultsTest.seeded(99, 10)));
      List<Run> builds = twoBuildsAtOnce(rig);

      for (Run build : builds) {
        rig.assertConverged(
            build, FaultRig.desired(0), Set.of(Action.CREATED, Action.ADOPTED, Action.UNCHANGED));
      }
      for (int i = 0; i < FaultRig.PROVIDERS; i++) {
        int index = i;
        assertTrue(
            builds.stream()
                .anyMatch(b -> b.result().providers().get(index).action() == Action.CREATED),
            "one of the builds created " + FaultRig.desired(0).get(i).name());
      }
      assertTrue(rig.faultsFired() > 0);
      rig.emulator().setFaultScript(FaultScript.none());
      assertEquals(FaultRig.PROVIDERS, rig.verify(FaultRig.desired(0)).count(VerifyStatus.MATCHES));
    }
  }

  private static List<Run> twoBuildsAtOnce(FaultRig rig)
      throws InterruptedException, ExecutionException, TimeoutException {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService builds = Executors.newFixedThreadPool(2);
    try {
      List<Future<Run>> running = new ArrayList<>();
      for (int build = 0; build < 2; build++) {
        running.add(
            builds.submit(
                () -> {
                  start.await();
                  return rig.register(FaultRig.desired(0));
                }));
      }
      start.countDown();
      return List.of(
          running.get(0).get(60, TimeUnit.SECONDS), running.get(1).get(60, TimeUnit.SECONDS));
    } finally {
      builds.shutdownNow();
    }
  }
}
