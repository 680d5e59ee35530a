package io.github.genesysllm.faults;

import static io.github.genesysllm.faults.FaultRule.PROVIDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.reconcile.Action;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No client secret, access token or provider key in a log line (at debug level), an error or a
 * report. Every run of the suite is checked for that ({@link FaultRig#register}); these tests show
 * that the check sees what it must, and meet a server that echoes what it was sent.
 */
class SecretsTest {

  @Test
  void theCheckSeesTheTokensTheDebugLogAndTheReport() {
    try (FaultRig rig = FaultRig.start()) {
      Run run = rig.register(FaultRig.desired(0));
      rig.assertConverged(run, FaultRig.desired(0), Set.of(Action.CREATED));
      assertEquals(1, rig.tap().accessTokens().size(), "the token the run used, seen on the wire");
      assertTrue(
          run.log().lines("DEBUG").stream()
              .anyMatch(l -> l.startsWith("POST " + rig.tap().url() + PROVIDERS)),
          "debug lines of every request are in the log checked");
      assertTrue(
          run.report().get("providers").size() == FaultRig.PROVIDERS,
          "the report checked is the run's");
    }
  }

  @Test
  void aServerThatEchoesTheKeyAndTheTokenIntoItsErrorsIsNotRepeated() {
    try (FaultRig rig = FaultRig.start()) {
      rig.tap().tamper("POST", PROVIDERS, 5, 2, WireTap.ECHO_SECRETS);
      Run run = rig.register(FaultRig.desired(0));
      assertEquals(2, run.result().count(Action.FAILED), run.result().summary());
      FaultRig.assertReadableErrors(run);
      for (String error : run.errors()) {
        // the request, then what it was doing, then the server's answer withheld
        assertTrue(error.contains("POST " + PROVIDERS + ": while "), error);
        assertTrue(
            error.contains(": answered HTTP 400 bad.request: (withheld: it contained a secret)"),
            error);
        assertFalse(error.contains("You sent"), error);
      }

      rig.tap().clearTampering();
      Run next = rig.register(FaultRig.desired(0));
      rig.assertConverged(next, FaultRig.desired(0), Set.of(Action.CREATED, Action.UNCHANGED));
    }
  }

  @Test
  void aLoginThatEchoesTheBasicCredentialsIsNotRepeated() {
    try (FaultRig rig = FaultRig.start()) {
      rig.tap().tamper("POST", "/oauth/token", 1, 1, WireTap.ECHO_SECRETS);
      Run run = rig.register(FaultRig.desired(0));
      assertTrue(run.failed(), "a login refused with 400 stops the run");
      FaultRig.assertReadableErrors(run);
      assertTrue(run.failure().contains("/oauth/token: answered HTTP 400"), run.failure());
      rig.assertStoreEmpty();
    }
  }
}
