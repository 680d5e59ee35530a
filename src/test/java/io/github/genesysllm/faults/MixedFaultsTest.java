package io.github.genesysllm.faults;

import static io.github.genesysllm.faults.FaultRule.ITEM;
import static io.github.genesysllm.faults.FaultRule.PROVIDERS;
import static io.github.genesysllm.faults.FaultRule.on;
import static io.github.genesysllm.faults.FaultRule.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.VerifyStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transient faults of every kind mixed, on every kind of request (token, identity, listing,
 * lookups, read-backs, creates, updates), at 5%, 10% and 20%: each run converges at once within a
 * default-ish budget. With a tiny budget the run fails, saying the budget is why, without a
 * duplicate, and the next run converges.
 */
class MixedFaultsTest {

  private static final List<UnaryOperator<FaultRule>> TRANSIENT =
      List.of(
          rule -> rule.status(500),
          rule -> rule.status(502),
          rule -> rule.status(503).retryAfter("0.1"),
          rule -> rule.status(504),
          rule -> rule.status(429).retryAfter("0.1"),
          FaultRule::reset,
          FaultRule::commitThenDrop);

  /** The requests faults are drawn for, by method and path. */
  private static final List<List<String>> TARGETS =
      List.of(
          List.of("POST", "/oauth/token"),
          List.of("GET", "/api/v2/tokens/me"),
          List.of("GET", PROVIDERS + "*"),
          List.of("POST", PROVIDERS),
          List.of("PUT", ITEM));

  /** Faults are drawn for the first this many requests of each target: more than a run sends. */
  private static final int DRAWN = 120;

  /**
   * About one in {@code every} requests of each target meets a transient fault of a random kind,
   * drawn from {@code seed}: rule {@code j} of a target fires on exactly the request drawn for it
   * (the rules before it took {@code j} of the requests it would otherwise have counted).
   */
  static List<FaultRule> seeded(long seed, int every) {
    Random random = new Random(seed);
    List<FaultRule> rules = new ArrayList<>();
    for (List<String> target : TARGETS) {
      int drawn = 0;
      for (int request = 1; request <= DRAWN; request++) {
        if (random.nextInt(every) == 0) {
          FaultRule rule =
              TRANSIENT
                  .get(random.nextInt(TRANSIENT.size()))
                  .apply(on(target.get(0), target.get(1)));
          rules.add(rule.after(request - drawn - 1).times(1));
          drawn++;
        }
      }
    }
    return rules;
  }

  @ParameterizedTest(name = "one fault in {0} requests")
  @ValueSource(ints = {20, 10, 5})
  void createsAndUpdatesConvergeInOneRunAtEachRate(int every) {
    try (FaultRig rig = FaultRig.start()) {
      rig.emulator().setFaultScript(script(seeded(1_000 + every, every)));
      Run created = rig.register(FaultRig.desired(0));
      rig.assertConverged(created, FaultRig.desired(0), Set.of(Action.CREATED));
      Run updated = rig.register(FaultRig.desired(1));
      rig.assertConverged(updated, FaultRig.desired(1), Set.of(Action.UPDATED));

      long requests = rig.journal().size();
      long faults = rig.faultsFired();
      assertTrue(
          faults * every * 2 >= requests && faults * every <= requests * 2,
          faults + " faults in " + requests + " requests, for one in " + every);

      rig.emulator().setFaultScript(FaultScript.none());
      assertEquals(FaultRig.PROVIDERS, rig.verify(FaultRig.desired(1)).count(VerifyStatus.MATCHES));
    }
  }

  @Test
  void aTinyBudgetFailsSayingSoWithoutADuplicateAndTheNextRunConverges() {
    ClientOptions tiny = FaultRig.options().maxRetryTime(Duration.ofMillis(200)).build();
    List<FaultRule> mixed = seeded(7, 5);
    try (FaultRig rig = FaultRig.start()) {
      // creates meet faults (the mix sees to that); every lookup that would settle one is asked to
      // wait 1 s
      List<FaultRule> creates =
          new ArrayList<>(
              List.of(on("GET", PROVIDERS + "*").status(429).retryAfter("1").after(1).times(-1)));
      creates.addAll(mixed);
      rig.emulator().setFaultScript(script(creates));
      Run stopped = rig.register(FaultRig.desired(0), tiny);
      assertStoppedByTheBudget(stopped);
      assertNoDuplicate(rig, FaultRig.desired(0));

      rig.emulator().setFaultScript(FaultScript.none());
      Run next = rig.register(FaultRig.desired(0));
      rig.assertConverged(next, FaultRig.desired(0), Set.of(Action.CREATED, Action.UNCHANGED));

      List<FaultRule> updates =
          new ArrayList<>(List.of(on("PUT", ITEM).status(503).retryAfter("1").after(3).times(1)));
      updates.addAll(mixed);
      rig.emulator().setFaultScript(script(updates));
      Run stoppedUpdating = rig.register(FaultRig.desired(1), tiny);
      assertStoppedByTheBudget(stoppedUpdating);
      assertNoDuplicate(rig, FaultRig.desired(1));

      rig.emulator().setFaultScript(FaultScript.none());
      Run nextUpdate = rig.register(FaultRig.desired(1));
      rig.assertConverged(
          nextUpdate, FaultRig.desired(1), Set.of(Action.UPDATED, Action.UNCHANGED));
    }
  }

  private static void assertStoppedByTheBudget(Run run) {
    FaultRig.assertReadableErrors(run);
    // "would be exceeded: the server asked to wait 1 s (Retry-After)", or "is spent" if the mix
    // spent it first
    assertTrue(
        run.errors().stream().anyMatch(e -> e.contains("The retry budget of 0.2 s ")),
        () -> String.join("\n", run.errors()));
    assertTrue(
        run.errors().stream()
            .allMatch(e -> e.contains("maxRetryTimeSeconds") || e.contains("run the build again")),
        () -> "every error says how to go on:\n" + String.join("\n", run.errors()));
  }

  /** Each configured name at most once, and nothing else. */
  private static void assertNoDuplicate(FaultRig rig, List<DesiredProvider> desired) {
    Set<String> configured = new HashSet<>();
    desired.forEach(d -> configured.add(d.name().toLowerCase(Locale.ROOT)));
    Set<String> seen = new HashSet<>();
    for (Provider p : rig.emulator().store().list()) {
      String name = p.name().toLowerCase(Locale.ROOT);
      assertTrue(seen.add(name), "a duplicate of " + p.name());
      assertTrue(configured.contains(name), "a stray provider " + p.name());
    }
  }
}
