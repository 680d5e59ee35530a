package io.github.genesysllm.client;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the limit a 429 states in its message, in the platform's wording: {@code Rate limit
 * exceeded the maximum [300] requests within [60] seconds}.
 */
final class RateLimitMessage {

  private static final Pattern STATED =
      Pattern.compile("maximum \\[([1-9]\\d{0,8})] requests within \\[([1-9]\\d{0,8})] seconds");

  /** Longer windows are not a pacing matter: a run would wait on them for a day. */
  private static final long MAX_WINDOW_SECONDS = Duration.ofDays(1).toSeconds();

  private RateLimitMessage() {}

  /** The limit the message states, or empty when it states none that can be read. */
  static Optional<RateWindow> parse(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = STATED.matcher(message);
    if (!m.find()) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(m.group(2));
    if (seconds > MAX_WINDOW_SECONDS) {
      return Optional.empty();
    }
    return Optional.of(new RateWindow(Integer.parseInt(m.group(1)), Duration.ofSeconds(seconds)));
  }
}
