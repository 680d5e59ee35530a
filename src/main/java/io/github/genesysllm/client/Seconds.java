package io.github.genesysllm.client;

import java.time.Duration;
import java.util.Locale;

/** Durations as the client's messages show them. */
final class Seconds {

  private Seconds() {}

  /** {@code 2 s}, {@code 0.2 s}, {@code 1.5 s}. */
  static String of(Duration d) {
    double s = d.toNanos() / 1e9;
    return Math.abs(s - Math.rint(s)) < 0.05
        ? String.format(Locale.ROOT, "%d s", Math.round(s))
        : String.format(Locale.ROOT, "%.1f s", s);
  }
}
