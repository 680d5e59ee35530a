package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlidingWindowPacerTest {

  private static final Duration MINUTE = Duration.ofSeconds(60);

  private final FakeTime time = new FakeTime();

  @Test
  void belowTheLimitNothingWaits() throws Exception {
    SlidingWindowPacer pacer = new SlidingWindowPacer(RateWindow.perMinute(300), time);
    for (int i = 0; i < 300; i++) {
      pacer.acquire().done();
    }
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void aboveTheLimitARunTakesTheBoundAndNoMore() throws Exception {
    SlidingWindowPacer pacer = new SlidingWindowPacer(RateWindow.perMinute(10), time);
    long first = time.nanoTime();
    long last = first;
    for (int i = 0; i < 25; i++) {
      pacer.acquire().done();
      last = time.nanoTime();
    }
    // n requests at C per W take floor((n-1)/C)·W when every answer is immediate
    assertEquals(Duration.ofSeconds(120), Duration.ofNanos(last - first));
    assertEquals(List.of(MINUTE, MINUTE), time.sleeps());
  }

  @Test
  void aRequestLeavesTheWindowWAfterItsAnswerNotAfterItsSending() throws Exception {
    SlidingWindowPacer pacer = new SlidingWindowPacer(RateWindow.perMinute(2), time);
    SlidingWindowPacer.Permit slow = pacer.acquire();
    time.advance(Duration.ofSeconds(5)); // the first request takes 5 s to be answered
    slow.done();
    pacer.acquire().done();
    time.advance(Duration.ofSeconds(1));

    pacer.acquire().done();

    // the third goes 60 s after the first answer (at 5 s), that is 59 s after the second was sent
    assertEquals(List.of(Duration.ofSeconds(59)), time.sleeps());
  }

  @Test
  void aRequestWaitingOnAnAnswerStillDueGoesWAfterThatAnswer() throws Exception {
    SlidingWindowPacer pacer = new SlidingWindowPacer(RateWindow.perMinute(1), time);
    SlidingWindowPacer.Permit inFlight = pacer.acquire();
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Long> second =
          other.submit(
              () -> {
                started.countDown();
                pacer.acquire().done();
                return time.nanoTime();
              });
      started.await();
      Thread.sleep(50); // (real time) the second caller is waiting for the answer by now
      assertFalse(second.isDone(), "no request goes while the only one in the window is due");
      time.advance(Duration.ofSeconds(3));
      long answeredAt = time.nanoTime();
      inFlight.done();

      assertEquals(answeredAt + MINUTE.toNanos(), (long) second.get(10, TimeUnit.SECONDS));
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aPauseHoldsEveryRequestUntilItHasPassedThenTheWindowGoesOn() throws Exception {
    SlidingWindowPacer pacer = new SlidingWindowPacer(RateWindow.perMinute(300), time);
    pacer.acquire().done();
    pacer.pause(Duration.ofSeconds(7));

    pacer.acquire().done();
    pacer.acquire().done();

    assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps());
  }

  @Test
  void aLearnedLimitIsKeptBesideTheConfiguredOne() throws Exception {
    SlidingWindowPacer pacer = new SlidingWindowPacer(RateWindow.perMinute(300), time);
    RateWindow stated = new RateWindow(2, Duration.ofSeconds(10));

    assertTrue(pacer.learn(stated));
    assertFalse(pacer.learn(stated), "learned once");
    assertEquals(List.of(RateWindow.perMinute(300), stated), pacer.limits());
    for (int i = 0; i < 5; i++) {
      pacer.acquire().done();
    }
    assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10)), time.sleeps());
  }

  @Test
  void aStatedLimitThatAKeptOneImpliesIsNotLearned() {
    SlidingWindowPacer pacer = new SlidingWindowPacer(RateWindow.perMinute(300), time);
    assertFalse(pacer.learn(RateWindow.perMinute(300)));
    assertFalse(pacer.learn(RateWindow.perMinute(600)));
    assertFalse(pacer.learn(new RateWindow(300, Duration.ofSeconds(30))));
    assertTrue(pacer.learn(RateWindow.perMinute(150)));
    assertTrue(pacer.learn(new RateWindow(300, Duration.ofSeconds(120))));
    assertEquals(3, pacer.limits().size());
  }

  @Test
  void aPacerKeepsABoundedNumberOfLimits() {
    SlidingWindowPacer pacer = new SlidingWindowPacer(RateWindow.perMinute(300), time);
    for (int seconds = 61; seconds < 61 + 2 * SlidingWindowPacer.MAX_LIMITS; seconds++) {
      pacer.learn(new RateWindow(300, Duration.ofSeconds(seconds)));
    }
    assertEquals(SlidingWindowPacer.MAX_LIMITS, pacer.limits().size());
  }

  /**
   * The test plays the server: each caller notes a time between its request's sending and its
   * answer, as a server counts it, and no 10-s stretch of those times may hold more than the limit.
   */
  @Test
  void parallelCallersWithVaryingLatencyNeverExceedTheLimitInAnyWindow() throws Exception {
    RateWindow limit = new RateWindow(10, Duration.ofSeconds(10));
    SlidingWindowPacer pacer = new SlidingWindowPacer(limit, time);
    List<Long> counted = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        Random random = new Random(t);
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    SlidingWindowPacer.Permit permit = pacer.acquire();
                    time.advance(Duration.ofMillis(random.nextInt(300)));
                    counted.add(time.nanoTime());
                    time.advance(Duration.ofMillis(random.nextInt(300)));
                    permit.done();
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    List<Long> sorted = new ArrayList<>(counted);
    Collections.sort(sorted);
    assertEquals(120, sorted.size());
    for (int i = 0; i + limit.requests() < sorted.size(); i++) {
      long apart = sorted.get(i + limit.requests()) - sorted.get(i);
      assertTrue(
          apart >= limit.window().toNanos(),
          (limit.requests() + 1) + " requests within " + Duration.ofNanos(apart));
    }
  }
}
