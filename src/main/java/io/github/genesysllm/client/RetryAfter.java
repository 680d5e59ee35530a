package io.github.genesysllm.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads a {@code Retry-After} header: whole or fractional seconds, or an HTTP-date. */
final class RetryAfter {

  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

  private RetryAfter() {}

  /**
   * The wait the header asks for, or null when there is no header or it cannot be read (the caller
   * then backs off on its own). A date in the past asks for no wait.
   */
  static Duration parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (SECONDS.matcher(text).matches()) {
      return Duration.ofNanos(new BigDecimal(text).movePointRight(9).longValue());
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
