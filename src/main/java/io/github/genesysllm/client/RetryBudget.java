package io.github.genesysllm.client;

import java.time.Duration;

/**
 * The one retry budget of a client: the time a run may spend on retries, whatever call and thread
 * they belong to. What is charged is wall-clock time: from a call's first attempt to the end of the
 * wait before its next one, attempts, waits and pacing included; overlapping charges of parallel
 * calls count once (the union of the intervals), so the budget bounds how much retrying lengthens
 * the run, not the sum over threads.
 */
final class RetryBudget {

  private final long totalNanos;
  private long spentNanos;

  /** End of the latest interval charged: time before it is already paid for. */
  private long chargedUntil = Long.MIN_VALUE;

  RetryBudget(Duration total) {
    this.totalNanos = total.toNanos();
  }

  /**
   * Charges the interval from {@code fromNanos} to {@code nowNanos + waitNanos} when the budget
   * covers it; otherwise charges nothing and answers false.
   */
  synchronized boolean tryCharge(long fromNanos, long nowNanos, long waitNanos) {
    long end = nowNanos + waitNanos;
    long cost = Math.max(0, end - Math.max(fromNanos, chargedUntil));
    if (spentNanos + cost > totalNanos) {
      return false;
    }
    spentNanos += cost;
    chargedUntil = Math.max(chargedUntil, end);
    return true;
  }

  /**
   * What is left once the interval from {@code fromNanos} to {@code nowNanos} is paid for: what a
   * wait starting now may take.
   */
  synchronized Duration remainingAt(long fromNanos, long nowNanos) {
    long elapsed = Math.max(0, nowNanos - Math.max(fromNanos, chargedUntil));
    return Duration.ofNanos(Math.max(0, totalNanos - spentNanos - elapsed));
  }

  synchronized Duration remaining() {
    return Duration.ofNanos(Math.max(0, totalNanos - spentNanos));
  }

  Duration total() {
    return Duration.ofNanos(totalNanos);
  }
}
