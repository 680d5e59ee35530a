package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitMessageTest {

  @Test
  void readsTheLimitAndTheWindowInThePlatformsWording() {
    assertEquals(
        Optional.of(RateWindow.perMinute(300)),
        RateLimitMessage.parse(
            "Rate limit exceeded the maximum [300] requests within [60] seconds"));
    assertEquals(
        Optional.of(new RateWindow(50, Duration.ofSeconds(5))),
        RateLimitMessage.parse(
            "Rate limit exceeded the maximum [50] requests within [5] seconds; try again later"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "Too many requests",
        "Rate limit exceeded the maximum [0] requests within [60] seconds",
        "Rate limit exceeded the maximum [300] requests within [0] seconds",
        "Rate limit exceeded the maximum [0300] requests within [60] seconds",
        "Rate limit exceeded the maximum [-3] requests within [60] seconds",
        "Rate limit exceeded the maximum [3.5] requests within [60] seconds",
        "Rate limit exceeded the maximum [9999999999] requests within [60] seconds",
        "Rate limit exceeded the maximum [300] requests within [86401] seconds",
        "Rate limit exceeded the maximum [300] requests within [60] minutes"
      })
  void statesNoLimitUnlessBothNumbersArePlainPositiveDecimals(String message) {
    assertEquals(Optional.empty(), RateLimitMessage.parse(message));
  }
}
