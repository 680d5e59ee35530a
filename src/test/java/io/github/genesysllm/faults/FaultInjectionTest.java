package io.github.genesysllm.faults;

import static io.github.genesysllm.faults.FaultRule.ITEM;
import static io.github.genesysllm.faults.FaultRule.PROVIDERS;
import static io.github.genesysllm.faults.FaultRule.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.reconcile.Action;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each transient fault in turn, from the emulator's fault script, on the listing and on several of
 * the 20 creates (first run) and updates (second run, changed fields): each run converges at once,
 * without a duplicate, every provider CREATED (first run) or UPDATED (second run).
 */
class FaultInjectionTest {

  /** Every n-th create or update meets the fault. */
  private static final int EVERY = 6;

  enum TransientFault {
    STATUS_500(rule -> rule.status(500), 3),
    STATUS_502(rule -> rule.status(502), 3),
    STATUS_503_WITH_RETRY_AFTER(rule -> rule.status(503).retryAfter("1"), 2),
    STATUS_504(rule -> rule.status(504), 3),
    RATE_LIMITED_RETRY_AFTER_WHOLE_SECONDS(rule -> rule.status(429).retryAfter("1"), 1),
    RATE_LIMITED_RETRY_AFTER_FRACTIONAL_SECONDS(rule -> rule.status(429).retryAfter("0.2"), 3),
    RATE_LIMITED_RETRY_AFTER_HTTP_DATE(
        rule -> rule.status(429).retryAfter(FaultRule.httpDateIn(2)), 1),
    CONNECTION_RESET(FaultRule::reset, 3),
    NO_ANSWER_WITHIN_TIMEOUT(rule -> rule.delay(1_500), 2),
    COMMIT_THEN_DROP(FaultRule::commitThenDrop, 3);

    private final UnaryOperator<FaultRule> action;

    /**
     * How many creates (or updates) meet it; fewer for the faults that cost whole seconds (a 429
     * stops every thread).
     */
    final int writes;

    TransientFault(UnaryOperator<FaultRule> action, int writes) {
      this.action = action;
      this.writes = writes;
    }

    /**
     * Once on the first listing, then on every {@value #EVERY}-th write of {@code method} to {@code
     * path}.
     */
    FaultScript script(String method, String path) {
      return FaultRule.script(
          action.apply(on("GET", PROVIDERS)).times(1),
          action.apply(on(method, path)).every(EVERY).times(writes));
    }

    ClientOptions options() {
      // the delayed answers come 1.5 s late: past a 1 s timeout
      return FaultRig.options()
          .timeout(this == NO_ANSWER_WITHIN_TIMEOUT ? Duration.ofSeconds(1) : Duration.ofSeconds(2))
          .build();
    }

    boolean honoursRetryAfter() {
      return name().contains("RETRY_AFTER");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TransientFault.class)
  void createsUpdatesAndListingsConvergeInOneRun(TransientFault fault) {
    try (FaultRig rig = FaultRig.start()) {
      rig.emulator().setFaultScript(fault.script("POST", PROVIDERS));
      Run created = rig.register(FaultRig.desired(0), fault.options());
      // a create whose answer was lost is found by name and adopted
      rig.assertConverged(created, FaultRig.desired(0), Set.of(Action.CREATED, Action.ADOPTED));
      assertEquals(
          1 + fault.writes, rig.faultsFired(), "faults injected into the listing and the creates");
      assertHandled(fault, created);

      long before = rig.faultsFired();
      rig.emulator().setFaultScript(fault.script("PUT", ITEM));
      Run updated = rig.register(FaultRig.desired(1), fault.options());
      rig.assertConverged(updated, FaultRig.desired(1), Set.of(Action.UPDATED));
      assertEquals(
          1 + fault.writes,
          rig.faultsFired() - before,
          "faults injected into the listing and the updates");
      assertHandled(fault, updated);
    }
  }

  private static void assertHandled(TransientFault fault, Run run) {
    if (fault.honoursRetryAfter()) {
      assertTrue(
          run.log().lines("INFO").stream().anyMatch(l -> l.contains("(Retry-After)"))
              || run.log().lines("WARN").stream().anyMatch(l -> l.contains("(Retry-After)")),
          () -> "a wait for the Retry-After is logged:\n" + run.log().text());
    }
    if (fault.name().startsWith("RATE_LIMITED")) {
      assertEquals(1 + fault.writes, run.stats().rateLimitedResponses(), "429s counted");
    }
    assertTrue(
        run.stats().retries() + run.stats().waits() > 0, "the faults were retried or settled");
  }
}
