package io.github.genesysllm.client;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit as the platform states it: at most {@code requests} in any window of {@code window},
 * for example 300 requests per 60 s.
 */
public record RateWindow(int requests, Duration window) {

  public RateWindow {
    Objects.requireNonNull(window, "window");
    if (requests < 1) {
      throw new IllegalArgumentException(
          "a rate limit allows at least one request, got " + requests);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate limit's window must be positive, got " + window);
    }
  }

  /** {@code requests} per 60 s. */
  public static RateWindow perMinute(int requests) {
    return new RateWindow(requests, Duration.ofSeconds(60));
  }

  /**
   * Whether every run of requests that keeps within this limit keeps within {@code other} too: its
   * window is no shorter and it allows no more.
   */
  boolean implies(RateWindow other) {
    return window.compareTo(other.window) >= 0 && requests <= other.requests;
  }

  /** {@code 300 requests per 60 s}. */
  @Override
  public String toString() {
    return requests + (requests == 1 ? " request" : " requests") + " per " + Seconds.of(window);
  }
}
