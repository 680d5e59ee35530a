package io.github.genesysllm.client;

import java.time.Duration;
import java.time.Instant;

/**
 * The clocks the client reads and the sleeping it does, in one seam: tests pass a fake that records
 * what would have been slept instead of sleeping, so retry and pacing tests are fast and exact.
 */
public interface TimeSource {

  /** A monotonic clock, for intervals (token expiry, pacing, the retry budget). */
  long nanoTime();

  /** The wall clock, for a {@code Retry-After} given as an HTTP-date. */
  Instant now();

  void sleep(Duration duration) throws InterruptedException;

  /** The real clocks and {@link Thread#sleep}. */
  TimeSource SYSTEM =
      new TimeSource() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
          }
        }
      };
}
