package io.github.genesysllm.faults;

import static io.github.genesysllm.faults.FaultRule.PROVIDERS;
import static io.github.genesysllm.faults.FaultRule.on;
import static io.github.genesysllm.faults.FaultRule.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.reconcile.Action;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tokens that live one second, and provider calls that take 350 ms while tokens come at once: the
 * run outlives its first token. The client renews a token a tenth of its lifetime (100 ms) before
 * it expires; a call sent in the 250 ms before that reaches the emulator after the token expired
 * and is answered 401 credentials.expired. (The threads run in step, a call every 350 ms each, so
 * one of their calls always falls in those 250 ms.) The run completes.
 */
class TokenExpiryTest {

  @Test
  void aTokenThatExpiresMidRunIsRenewedAndTheRunCompletes() {
    try (FaultRig rig = FaultRig.start(EmulatorSettings.builder().tokenTtlSeconds(1))) {
      rig.emulator().setFaultScript(script(on("*", PROVIDERS + "*").delay(350).times(-1)));
      Run run = rig.register(FaultRig.desired(0));
      rig.assertConverged(run, FaultRig.desired(0), Set.of(Action.CREATED));

      assertTrue(run.stats().tokenRequests() >= 2, run.stats().summary());
      long expired = rig.answered(401);
      assertTrue(expired > 0, "some calls met an expired token");
      long renewed =
          run.log().lines("INFO").stream()
              .filter(l -> l.startsWith("401 credentials.expired on "))
              .count();
      assertEquals(
          expired,
          renewed,
          "each call refused for an expired token asked for a new one and went again");
    }
  }
}
