package io.github.genesysllm.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to or when slept on; every sleep is recorded, none is real.
 * Public for the emulator's tests, whose lags it moves past.
 */
public final class FakeTime implements TimeSource {

  public static final Instant START = Instant.parse("2026-11-27T01:02:03Z");

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final long origin = nanos.get();
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant now() {
    return START.plusNanos(nanos.get() - origin);
  }

  @Override
  public void sleep(Duration duration) {
    synchronized (sleeps) {
      sleeps.add(duration);
    }
    nanos.addAndGet(duration.toNanos());
  }

  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  public Duration slept() {
    return sleeps().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
