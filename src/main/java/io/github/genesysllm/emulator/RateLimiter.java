package io.github.genesysllm.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} requests per key (an access token, or a client on the token endpoint) in a
 * fixed window of {@code windowSeconds} that opens with the key's first request. Refused requests
 * count too, as the contract says, so a caller that keeps hammering stays refused until the window
 * closes.
 */
final class RateLimiter {

  private static final int PRUNE_ABOVE = 1_000;

  private static final class Window {
    long startNanos;
    long count;

    Window(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  private final int limit;
  private final long windowNanos;
  private final Map<String, Window> windows = new HashMap<>();

  RateLimiter(int limit, int windowSeconds) {
    this.limit = limit;
    this.windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
  }

  /**
   * Counts a request; empty when it is allowed, else the whole seconds (at least 1) until the
   * window closes.
   */
  synchronized OptionalLong acquire(String key) {
    long now = System.nanoTime();
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> now - w.startNanos >= windowNanos);
    }
    Window window = windows.computeIfAbsent(key, k -> new Window(now));
    if (now - window.startNanos >= windowNanos) {
      window.startNanos = now;
      window.count = 0;
    }
    window.count++;
    if (window.count <= limit) {
      return OptionalLong.empty();
    }
    long remaining = window.startNanos + windowNanos - now;
    return OptionalLong.of(
        Math.max(1, (remaining + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1)));
  }
}
