package io.github.genesysllm.emulator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} requests per key (an access token, or a client on the token endpoint) in a
 * window of {@code windowSeconds}: a {@linkplain RateWindowKind#FIXED fixed} window that opens with
 * the key's first request, or any {@linkplain RateWindowKind#SLIDING sliding} stretch of that
 * length. Refused requests count too, as the contract says, so a caller that keeps hammering stays
 * refused.
 */
final class RateLimiter {

  private static final int PRUNE_ABOVE = 1_000;
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** One key's requests. */
  private interface Counter {
    /** Counts a request at {@code now}; answers the nanoseconds until one is allowed, 0 if now. */
    long count(long now);

    /** Whether no request of it is in any window at {@code now}. */
    boolean idle(long now);
  }

  private final RateWindowKind kind;
  private final int limit;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<String, Counter> counters = new HashMap<>();

  RateLimiter(RateWindowKind kind, int limit, int windowSeconds) {
    this(kind, limit, windowSeconds, System::nanoTime);
  }

  RateLimiter(RateWindowKind kind, int limit, int windowSeconds, LongSupplier clock) {
    this.kind = kind;
    this.limit = limit;
    this.windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
    this.clock = clock;
  }

  /**
   * Counts a request; empty when it is allowed, else the whole seconds (at least 1) until a request
   * would be.
   */
  synchronized OptionalLong acquire(String key) {
    long now = clock.getAsLong();
    if (counters.size() > PRUNE_ABOVE) {
      counters.values().removeIf(c -> c.idle(now));
    }
    long wait =
        counters
            .computeIfAbsent(
                key, k -> kind == RateWindowKind.FIXED ? new Fixed(now) : new Sliding())
            .count(now);
    return wait == 0
        ? OptionalLong.empty()
        : OptionalLong.of(Math.max(1, (wait + SECOND - 1) / SECOND));
  }

  private final class Fixed implements Counter {
    private long startNanos;
    private long count;

    Fixed(long now) {
      this.startNanos = now;
    }

    @Override
    public long count(long now) {
      if (now - startNanos >= windowNanos) {
        startNanos = now;
        count = 0;
      }
      count++;
      return count <= limit ? 0 : startNanos + windowNanos - now;
    }

    @Override
    public boolean idle(long now) {
      return now - startNanos >= windowNanos;
    }
  }

  private final class Sliding implements Counter {
    /** When the requests in the window came, oldest first. */
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    @Override
    public long count(long now) {
      drop(now);
      times.addLast(now);
      if (times.size() <= limit) {
        return 0;
      }
      // the next request is allowed once all but limit - 1 of these have left the window
      int mustLeave = times.size() - limit; // the index of the last one that must leave
      Iterator<Long> oldestFirst = times.iterator();
      for (int i = 0; i < mustLeave; i++) {
        oldestFirst.next();
      }
      return Math.max(1, oldestFirst.next() + windowNanos - now);
    }

    @Override
    public boolean idle(long now) {
      drop(now);
      return times.isEmpty();
    }

    private void drop(long now) {
      while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
        times.pollFirst();
      }
    }
  }
}
