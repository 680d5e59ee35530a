package io.github.genesysllm.emulator;

import java.util.Locale;

/** How the emulator's rate limit counts a token's requests. */
public enum RateWindowKind {
  /** Windows one after the other, the first opening with the token's first request. */
  FIXED,
  /** Any stretch of the window's length, as the platform counts. */
  SLIDING;

  /**
   * {@code fixed} or {@code sliding} (trimmed, any case).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static RateWindowKind parse(String text) {
    String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    for (RateWindowKind kind : values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "The emulator rate window must be 'fixed' or 'sliding', got '" + text + "'");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
