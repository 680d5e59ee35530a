package io.github.genesysllm.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.client.LearnedRateLimit;
import io.github.genesysllm.client.RateWindow;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.RateWindowKind;
import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Client-side pacing against an emulator whose limit is far below the configured one: 50 requests a
 * second against a configured 400 a minute, and 120 providers to create, more requests than two
 * windows allow. The pacer cannot know the server's window before its first 429; that 429 states
 * it, the pacer adopts it, and from then on the run keeps to it.
 */
class PacingTest {

  private static final int LIMIT = 50;
  private static final int CREATES = 120;
  private static final int CONCURRENCY = 4;

  /**
   * Only the requests already under way when the first 429 comes back are refused: at most one per
   * worker, then none.
   */
  @ParameterizedTest
  @EnumSource(RateWindowKind.class)
  void aStatedLowerLimitIsLearnedAtTheFirst429AndKeptToFromThenOn(RateWindowKind window) {
    Run paced = createInBulk(window, FaultRig.options().maxRequestsPerMinute(400).build(), CREATES);
    assertTrue(
        paced.stats().rateLimitedResponses() <= CONCURRENCY,
        paced.stats().summary() + ": more than one 429 per worker");
    assertEquals(
        List.of(
            new LearnedRateLimit(
                false, new RateWindow(LIMIT, Duration.ofSeconds(1)), RateWindow.perMinute(400))),
        paced.stats().learnedLimits());
  }

  /** The same run without pacing meets the limit again and again, and still converges. */
  @ParameterizedTest
  @EnumSource(RateWindowKind.class)
  void anUnpacedBulkRunMeetsTheLimitRepeatedlyAndStillConverges(RateWindowKind window) {
    Run unpaced = createInBulk(window, FaultRig.options().maxRequestsPerMinute(0).build(), CREATES);
    assertTrue(unpaced.stats().rateLimitedResponses() > CONCURRENCY, unpaced.stats().summary());
    assertEquals(List.of(), unpaced.stats().learnedLimits(), "pacing off learns nothing");
  }

  private static Run createInBulk(RateWindowKind window, ClientOptions options, int creates) {
    try (FaultRig rig =
        FaultRig.start(
            EmulatorSettings.builder().rateLimit(LIMIT).rateWindowSeconds(1).rateWindow(window))) {
      Run run =
          rig.register(
              FaultRig.desired(creates, 0),
              options,
              ReconcileOptions.defaults().withConcurrency(CONCURRENCY));
      rig.assertConverged(run, FaultRig.desired(creates, 0), Set.of(Action.CREATED));
      assertEquals(
          rig.answered(429),
          run.stats().rateLimitedResponses(),
          "the client counts every 429 the emulator sent");
      assertEquals(
          rig.journal().size(),
          run.stats().requests(),
          "the client counts every request the emulator got");
      return run;
    }
  }
}
