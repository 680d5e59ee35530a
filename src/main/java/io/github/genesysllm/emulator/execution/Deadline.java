package io.github.genesysllm.emulator.execution;

/** The moment an execution must be over: {@code timeoutSeconds} after it began. */
final class Deadline {

  private final int seconds;
  private final long endNanos;

  private Deadline(int seconds) {
    this.seconds = seconds;
    this.endNanos = System.nanoTime() + seconds * 1_000_000_000L;
  }

  static Deadline inSeconds(int seconds) {
    return new Deadline(seconds);
  }

  int seconds() {
    return seconds;
  }

  /** Milliseconds left, at least 0. */
  long remainingMillis() {
    return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000L);
  }

  boolean passed() {
    return System.nanoTime() - endNanos >= 0;
  }
}
