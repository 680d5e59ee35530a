package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void readsWholeAndFractionalSeconds() {
    assertEquals(Duration.ofSeconds(2), RetryAfter.parse("2", NOW));
    assertEquals(Duration.ofSeconds(2), RetryAfter.parse(" 2 ", NOW));
    assertEquals(Duration.ofMillis(200), RetryAfter.parse("0.2", NOW));
    assertEquals(Duration.ZERO, RetryAfter.parse("0", NOW));
  }

  @Test
  void readsAnHttpDateRelativeToNowAndAPastDateAsNoWait() {
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Wed, 21 Oct 2015 07:29:30 GMT", NOW));
    assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:27:00 GMT", NOW));
  }

  @Test
  void anythingElseIsUnreadable() {
    assertNull(RetryAfter.parse(null, NOW));
    assertNull(RetryAfter.parse("", NOW));
    assertNull(RetryAfter.parse("-1", NOW));
    assertNull(RetryAfter.parse("soon", NOW));
    assertNull(RetryAfter.parse("1e3", NOW));
  }
}
