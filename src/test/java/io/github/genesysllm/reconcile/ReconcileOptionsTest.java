package io.github.genesysllm.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.problem.Setting;
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
  void aConcurrencyOutOfRangeIsRefusedAtItsSetting() {
    for (int outOfRange : new int[] {0, 65}) {
      RefusedInputException e =
          assertThrows(
              RefusedInputException.class,
              () -> ReconcileOptions.defaults().withConcurrency(outOfRange));
      assertEquals(new Place.OfSetting(Setting.CONCURRENCY), e.problem().where());
      assertEquals(ReconcileHint.OPTION_IN_RANGE, e.problem().hint());
      assertTrue(e.getMessage().contains("1 to 64"), "the range: " + e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> ReconcileOptions.defaults().withProgressInterval(Duration.ZERO));
  }
}
