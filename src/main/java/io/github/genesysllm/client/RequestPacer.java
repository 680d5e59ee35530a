package io.github.genesysllm.client;

import java.time.Duration;

/**
 * Client-side pacing of API calls: a token bucket shared by every thread of a client.
 *
 * <p>For a limit of {@code R} requests per minute the bucket holds a single token and refills
 * continuously at {@code R - 1} per minute: one token at once, then one every {@code 60/(R-1)}
 * seconds. No window of any length {@code W} then sees more than {@code 1 + (R-1)·W/60} requests,
 * at most {@code R} in a minute. The server's window is not known to the client (the platform's is
 * 60 s, an emulator's or a proxy's may be shorter), so there is no burst to spend: a burst sized
 * for a 60-second window overfills a shorter one and draws 429s at its end. A small run pays for
 * this with {@code 60/R} seconds a request (0.2 s at the default 300).
 *
 * <p>A 429 pauses the bucket: no token is handed out until its {@code Retry-After} has passed, and
 * at most one is there at that moment, refilling from then on.
 */
final class RequestPacer {

  private final TimeSource time;
  private final double capacity;
  private final double tokensPerNano;

  /** The bucket's level at {@link #levelAt}; that instant lies in the future while paused. */
  private double level;

  private long levelAt;

  RequestPacer(int requestsPerMinute, TimeSource time) {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("a pacer needs at least one request per minute");
    }
    this.time = time;
    this.capacity = 1;
    this.tokensPerNano = Math.max(requestsPerMinute - capacity, 1) / 60e9;
    this.level = capacity;
    this.levelAt = time.nanoTime();
  }

  /** Takes a token, sleeping (outside the lock) until one is there. */
  void acquire() throws InterruptedException {
    while (true) {
      long waitNanos;
      synchronized (this) {
        long now = time.nanoTime();
        refill(now);
        if (now >= levelAt && level >= 1 - 1e-9) {
          level -= 1;
          return;
        }
        waitNanos =
            Math.max(0, levelAt - now) + (long) Math.ceil(Math.max(0, 1 - level) / tokensPerNano);
      }
      time.sleep(Duration.ofNanos(Math.max(1, waitNanos)));
    }
  }

  /** After a 429: hand out nothing for {@code wait}. */
  synchronized void pause(Duration wait) {
    long now = time.nanoTime();
    refill(now);
    long until = now + wait.toNanos();
    if (until > levelAt) {
      level = Math.min(level, 1);
      levelAt = until;
    }
  }

  private void refill(long now) {
    if (now > levelAt) {
      level = Math.min(capacity, level + (now - levelAt) * tokensPerNano);
      levelAt = now;
    }
  }
}
