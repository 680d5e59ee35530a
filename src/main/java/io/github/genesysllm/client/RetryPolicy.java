package io.github.genesysllm.client;

import java.time.Duration;

/**
 * Whether a failed attempt is tried again, and after how long: the wait (the server's {@code
 * Retry-After}, never shorter than the backoff), the attempt cap and the client's one retry budget.
 */
final class RetryPolicy {

  /**
   * The most attempts of one request, retries of every kind included: with the default backoff they
   * span about a minute even when the server asks for no wait at all.
   */
  static final int MAX_ATTEMPTS = 10;

  /** How long to wait before the next attempt, and why ({@code Retry-After} or {@code backoff}). */
  record Wait(Duration duration, String why) {}

  private final ClientOptions options;
  private final TimeSource time;
  private final RetryBudget budget;

  RetryPolicy(ClientOptions options) {
    this.options = options;
    this.time = options.timeSource();
    this.budget = new RetryBudget(options.maxRetryTime());
  }

  /**
   * The wait before retry number {@code retries + 1}: {@code retryAfter} (null when the server gave
   * none), or the full-jitter backoff when that is longer, so that a storm of {@code Retry-After:
   * 0} still backs off.
   */
  Wait waitFor(Duration retryAfter, int retries) {
    Duration backoff = backoff(retries);
    return retryAfter != null && retryAfter.compareTo(backoff) >= 0
        ? new Wait(retryAfter, "Retry-After")
        : new Wait(backoff, "backoff");
  }

  /**
   * Charges the call's time since its first attempt and the wait to the budget. Answers null when
   * the call may be tried again, else the sentence saying why not (nothing charged).
   */
  String refusal(long firstAttemptNanos, int attempts, Wait wait) {
    if (attempts >= MAX_ATTEMPTS) {
      return "It was tried " + attempts + " times, the most a request is tried.";
    }
    long now = time.nanoTime();
    if (budget.tryCharge(firstAttemptNanos, now, wait.duration().toNanos())) {
      return null;
    }
    Duration left = budget.remainingAt(firstAttemptNanos, now);
    String asked =
        "Retry-After".equals(wait.why())
            ? "the server asked to wait " + Seconds.of(wait.duration()) + " (Retry-After)"
            : "the next attempt is due in " + Seconds.of(wait.duration()) + " (backoff)";
    return "The retry budget of "
        + Seconds.of(budget.total())
        + (left.isZero()
            ? " is spent"
            : " would be exceeded: " + asked + ", with " + Seconds.of(left) + " of it left")
        + ".";
  }

  /**
   * Charges a wait a caller makes between its own requests (polling for a change to show) to the
   * budget; false, charging nothing, when it does not fit.
   */
  boolean chargeWait(Duration wait) {
    long now = time.nanoTime();
    return budget.tryCharge(now, now, wait.toNanos());
  }

  Duration budgetTotal() {
    return budget.total();
  }

  Duration budgetLeft() {
    return budget.remaining();
  }

  /** A random wait between 0 and min(cap, base × 2^retries) (full jitter). */
  Duration backoff(int retries) {
    double ceiling =
        Math.min(
            options.backoffCap().toNanos(), options.backoffBase().toNanos() * Math.pow(2, retries));
    return Duration.ofNanos((long) (options.jitter().getAsDouble() * ceiling));
  }
}
