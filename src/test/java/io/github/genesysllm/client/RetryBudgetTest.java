package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  private static final long S = 1_000_000_000L;

  @Test
  void chargesTheFailedAttemptAndTheWaitUntilTheBudgetIsSpent() {
    RetryBudget budget = new RetryBudget(Duration.ofSeconds(10));
    assertTrue(budget.tryCharge(0, 2 * S, 3 * S)); // 2 s attempt + 3 s wait
    assertEquals(Duration.ofSeconds(5), budget.remaining());
    assertFalse(budget.tryCharge(5 * S, 5 * S, 6 * S), "6 s more than the 5 s left");
    assertEquals(Duration.ofSeconds(5), budget.remaining(), "a refused charge costs nothing");
    assertTrue(budget.tryCharge(5 * S, 5 * S, 5 * S));
    assertEquals(Duration.ZERO, budget.remaining());
  }

  @Test
  void overlappingWaitsOfParallelCallsCountOnce() {
    RetryBudget budget = new RetryBudget(Duration.ofSeconds(10));
    assertTrue(budget.tryCharge(0, 0, 4 * S));
    assertTrue(budget.tryCharge(1 * S, 1 * S, 4 * S)); // 1 s to 5 s: only 4 s to 5 s is new
    assertEquals(Duration.ofSeconds(5), budget.remaining());
  }

  @Test
  void whatIsLeftForAWaitAfterTimeNotYetCharged() {
    RetryBudget budget = new RetryBudget(Duration.ofSeconds(10));
    assertTrue(budget.tryCharge(0, 1 * S, 2 * S)); // charged up to 3 s
    assertEquals(Duration.ofSeconds(6), budget.remainingAt(0, 4 * S), "3 s to 4 s not yet paid");
    assertEquals(Duration.ZERO, budget.remainingAt(0, 20 * S));
    assertEquals(Duration.ofSeconds(7), budget.remaining());
  }
}
