package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final long MS = 1_000_000L;

  private final AtomicLong clock = new AtomicLong(5_000 * MS);

  private OptionalLong at(RateLimiter limiter, long millis) {
    clock.set(5_000 * MS + millis * MS);
    return limiter.acquire("token");
  }

  @Test
  void aFixedWindowOpensWithTheFirstRequestAndStartsAfreshWhenItCloses() {
    RateLimiter limiter = new RateLimiter(RateWindowKind.FIXED, 3, 10, clock::get);
    assertEquals(OptionalLong.empty(), at(limiter, 0));
    assertEquals(OptionalLong.empty(), at(limiter, 9_500));
    assertEquals(OptionalLong.empty(), at(limiter, 9_600));
    assertEquals(OptionalLong.of(1), at(limiter, 9_700), "0.3 s until the window closes");
    // a new window: three more within a second of the last three
    assertEquals(OptionalLong.empty(), at(limiter, 10_100));
    assertEquals(OptionalLong.empty(), at(limiter, 10_200));
    assertEquals(OptionalLong.empty(), at(limiter, 10_300));
    assertEquals(OptionalLong.of(10), at(limiter, 10_400));
  }

  @Test
  void aSlidingWindowAllowsNoMoreThanTheLimitInAnyStretchOfItsLength() {
    RateLimiter limiter = new RateLimiter(RateWindowKind.SLIDING, 3, 10, clock::get);
    assertEquals(OptionalLong.empty(), at(limiter, 0));
    assertEquals(OptionalLong.empty(), at(limiter, 9_500));
    assertEquals(OptionalLong.empty(), at(limiter, 9_600));
    // the request at 0 has left: 9.5, 9.6 and this one
    assertEquals(OptionalLong.empty(), at(limiter, 10_000));
    // where a fixed window would have started afresh, the stretch from 0.2 s holds three already
    assertEquals(OptionalLong.of(10), at(limiter, 10_200), "9.5 and 9.6 must leave");
  }

  @Test
  void aSlidingWindowCountsRefusedRequestsToo() {
    RateLimiter limiter = new RateLimiter(RateWindowKind.SLIDING, 2, 10, clock::get);
    at(limiter, 0);
    at(limiter, 1_000);
    assertEquals(OptionalLong.of(9), at(limiter, 2_000), "the requests at 0 and 1 s must leave");
    assertEquals(OptionalLong.of(3), at(limiter, 9_000), "and now the refused one at 2 s too");
    // unlike the two admitted ones, the refused requests at 2 s and 9 s are still in the window
    assertEquals(OptionalLong.of(8), at(limiter, 11_000));
    assertEquals(OptionalLong.empty(), at(limiter, 21_000));
  }

  @Test
  void everyKeyHasItsOwnWindow() {
    RateLimiter limiter = new RateLimiter(RateWindowKind.SLIDING, 1, 10, clock::get);
    assertEquals(OptionalLong.empty(), limiter.acquire("a"));
    assertEquals(OptionalLong.empty(), limiter.acquire("b"));
    assertEquals(OptionalLong.of(10), limiter.acquire("a"));
  }
}
