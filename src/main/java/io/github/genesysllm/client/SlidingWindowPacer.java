package io.github.genesysllm.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Client-side pacing that mirrors the server's limit of C requests in any window of W: a request is
 * sent at once while fewer than C of the client's own requests lie in the last W, and otherwise
 * waits until the oldest of them leaves it. Below C requests nothing waits; above, the run keeps to
 * the bound without drawing 429s of its own, against a sliding window and against a fixed one alike
 * (a fixed window is one of the windows a sliding limit checks).
 *
 * <p>A request counts from when it is sent (the server counts refused requests too) until W after
 * its answer: the server counted it somewhere in between, so no W-long stretch of the server's
 * clock can hold more than C of them, whatever the latency. The answers are taken in sending order
 * (a request leaves the window no earlier than those sent before it), which keeps the log a queue.
 *
 * <p>Several limits can hold at once: the configured one, and those a server stated in its 429s
 * ({@link #learn}); every one of them is kept. A 429 also {@link #pause}s the pacer: nothing is
 * handed out until its {@code Retry-After} has passed. Shared by every thread of a client; a
 * waiting thread sleeps until the earliest moment it may send, or, while that moment depends on an
 * answer still due, until an answer comes.
 */
final class SlidingWindowPacer {

  /** The most limits one pacer keeps, the configured one included. */
  static final int MAX_LIMITS = 4;

  private static final long IN_FLIGHT = Long.MAX_VALUE;

  /** One request in the log; {@link #done()} once it has its answer (or failed without one). */
  static final class Permit {
    private final SlidingWindowPacer pacer;
    private final long sentAt;
    private long doneAt = IN_FLIGHT;

    private Permit(SlidingWindowPacer pacer, long sentAt) {
      this.pacer = pacer;
      this.sentAt = sentAt;
    }

    /** Marks the request answered (or failed); again does nothing. */
    void done() {
      if (pacer != null) {
        pacer.answered(this);
      }
    }
  }

  /** The permit of a request that is not paced. */
  static final Permit UNPACED = new Permit(null, 0);

  private final TimeSource time;

  /** Times are nanoseconds from this origin, so that none overflows. */
  private final long origin;

  private final List<RateWindow> limits = new ArrayList<>();
  private long longestWindowNanos;

  /** The requests that may still lie in a window, oldest first. */
  private final ArrayDeque<Permit> log = new ArrayDeque<>();

  /** The latest answer among the requests dropped from the log (-1 when none). */
  private long droppedDoneAt = -1;

  private long pausedUntil;

  SlidingWindowPacer(RateWindow limit, TimeSource time) {
    this.time = time;
    this.origin = time.nanoTime();
    limits.add(limit);
    longestWindowNanos = limit.window().toNanos();
  }

  /**
   * Waits until a request may be sent, then counts it as sent now. Call {@link Permit#done()} once
   * it is answered.
   */
  Permit acquire() throws InterruptedException {
    while (true) {
      long waitNanos;
      synchronized (this) {
        long now = now();
        drop(now);
        long readyAt = readyAt();
        if (readyAt <= now) {
          Permit permit = new Permit(this, now);
          log.addLast(permit);
          return permit;
        }
        if (readyAt == IN_FLIGHT) {
          wait(); // answered() notifies
          continue;
        }
        waitNanos = readyAt - now;
      }
      time.sleep(Duration.ofNanos(waitNanos));
    }
  }

  /** After a 429: hands out nothing for {@code wait}. */
  synchronized void pause(Duration wait) {
    pausedUntil = Math.max(pausedUntil, now() + wait.toNanos());
  }

  /**
   * Keeps to {@code stated} as well from now on. Answers false, changing nothing, when a limit kept
   * already implies it, or when {@value #MAX_LIMITS} are kept.
   */
  synchronized boolean learn(RateWindow stated) {
    if (limits.size() >= MAX_LIMITS || limits.stream().anyMatch(l -> l.implies(stated))) {
      return false;
    }
    limits.add(stated);
    longestWindowNanos = Math.max(longestWindowNanos, stated.window().toNanos());
    return true;
  }

  /** The limits kept: the configured one first, then those learned. */
  synchronized List<RateWindow> limits() {
    return List.copyOf(limits);
  }

  private synchronized void answered(Permit permit) {
    if (permit.doneAt == IN_FLIGHT) {
      permit.doneAt = Math.max(now(), permit.sentAt);
      notifyAll();
    }
  }

  /**
   * The earliest time the next request may go: when the pause ends and, for each limit of C per W
   * that the log fills, W after the answer of the request that must leave the window ({@link
   * #IN_FLIGHT} while that answer is due).
   */
  private long readyAt() {
    long readyAt = pausedUntil;
    for (RateWindow limit : limits) {
      int mustLeave = log.size() - limit.requests(); // index of the request that must leave
      if (mustLeave >= 0) {
        long doneAt = doneAtInOrder(mustLeave);
        if (doneAt == IN_FLIGHT) {
          return IN_FLIGHT;
        }
        readyAt = Math.max(readyAt, doneAt + limit.window().toNanos());
      }
    }
    return readyAt;
  }

  /** When the log's request at {@code index} and every one before it were answered. */
  private long doneAtInOrder(int index) {
    long latest = droppedDoneAt;
    Iterator<Permit> permits = log.iterator();
    for (int i = 0; i <= index; i++) {
      latest = Math.max(latest, permits.next().doneAt);
      if (latest == IN_FLIGHT) {
        break;
      }
    }
    return latest;
  }

  /** Drops the requests that have left even the longest window. */
  private void drop(long now) {
    while (!log.isEmpty()) {
      long doneAt = Math.max(droppedDoneAt, log.peekFirst().doneAt);
      if (doneAt == IN_FLIGHT || doneAt + longestWindowNanos > now) {
        return;
      }
      droppedDoneAt = doneAt;
      log.pollFirst();
    }
  }

  private long now() {
    return time.nanoTime() - origin;
  }
}
