package io.github.genesysllm.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.reconcile.Action;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Client-side pacing against the emulator's rate limit with its window scaled down from the
 * contract's 60 s to 1 s: 50 requests a second, and 60 providers to create, more requests than one
 * window allows.
 *
 * <p>The pacer is a token bucket of one token refilled at {@code maxRequestsPerMinute - 1} a
 * minute, so a window of W seconds sees at most 1 + W seconds of refill: scaled down to a 1-second
 * window, 400 a minute gives at most 7, well within the emulator's 50.
 */
class PacingTest {

  private static final int LIMIT = 50;
  private static final int CREATES = 60;

  @Test
  void aPacedBulkRunMeetsFewOrNo429s() {
    Run paced = createInBulk(FaultRig.options().maxRequestsPerMinute(400).build());
    assertTrue(
        paced.stats().rateLimitedResponses() * 50 <= paced.stats().requests(),
        paced.stats().summary() + ": more than 2% answered 429");
  }

  /** The same run without pacing meets the limit: what the paced run is compared with. */
  @Test
  void anUnpacedBulkRunMeetsTheLimitAndStillConverges() {
    Run unpaced = createInBulk(FaultRig.options().maxRequestsPerMinute(0).build());
    assertTrue(unpaced.stats().rateLimitedResponses() > 0, unpaced.stats().summary());
  }

  private static Run createInBulk(ClientOptions options) {
    try (FaultRig rig =
        FaultRig.start(EmulatorSettings.builder().rateLimit(LIMIT).rateWindowSeconds(1))) {
      Run run = rig.register(FaultRig.desired(CREATES, 0), options);
      rig.assertConverged(run, FaultRig.desired(CREATES, 0), Set.of(Action.CREATED));
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
