package io.github.genesysllm.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcileOptionsTest {

  @Test
  void defaultsChangeFourProvidersAtOnceAndReportProgressEveryFiveSeconds() {
    ReconcileOptions defaults = ReconcileOptions.defaults();
    assertFalse(defaults.dryRun());
    assertFalse(defaults.rotateApiKeys());
    assertEquals(4, defaults.concurrency());
    assertEquals(Duration.ofSeconds(5), defaults.progressInterval());
    assertTrue(defaults.withDryRun(true).withRotateApiKeys(true).dryRun());
    assertEquals(7, defaults.withConcurrency(7).concurrency());
  }

  @Test
  void aConcurrencyOutOfRangeIsRefusedSayingTheRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ReconcileOptions.defaults().withConcurrency(0));
    assertEquals(
        "concurrency must be from 1 to 64 (how many providers are changed at once), got 0",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ReconcileOptions.defaults().withConcurrency(65));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReconcileOptions.defaults().withProgressInterval(Duration.ZERO));
  }
}
