package io.github.genesysllm.secret;

import java.util.Objects;

/**
 * A secret value (client secret, access token, provider API key). Its {@code toString} never shows
 * the value, so a secret that ends up in a log line, an exception message or a report stays masked;
 * only {@link #reveal()} gives it, and only code that sends it on the wire calls that.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a non-null value. */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "secret value"));
  }

  /** The value itself: for the wire only, never for a message. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  public int length() {
    return value.length();
  }

  /** Whether {@code text} contains this secret (for redacting server echoes). */
  public boolean occursIn(String text) {
    return text != null && !value.isEmpty() && text.contains(value);
  }

  @Override
  public String toString() {
    return "****";
  }
}
