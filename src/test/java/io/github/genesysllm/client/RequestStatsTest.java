package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestStatsTest {

  @Test
  void summarizesRequestsByMethodInAFixedOrder() {
    RequestStats stats = new RequestStats();
    stats.apiRequest("PUT");
    for (int i = 0; i < 10; i++) {
      stats.apiRequest("GET");
    }
    stats.apiRequest("POST");
    stats.tokenRequest();
    stats.retry();
    stats.rateLimited();

    assertEquals(
        "13 HTTP requests (GET 10, POST 1, PUT 1, token 1), 1 retry, 1 answered 429",
        stats.summary());
    assertEquals(Map.of("GET", 10L, "POST", 1L, "PUT", 1L), stats.apiRequestsByMethod());
  }

  @Test
  void waitsToSettleAreCountedApartFromRetries() {
    RequestStats stats = new RequestStats();
    stats.apiRequest("GET");
    stats.waited();
    stats.waited();

    assertEquals(0, stats.retries());
    assertEquals(2, stats.waits());
    assertEquals("1 HTTP request (GET 1), 0 retries, 2 waits to settle", stats.summary());
  }

  @Test
  void anUnusedClientSaysSo() {
    assertEquals("0 HTTP requests, 0 retries", new RequestStats().summary());
  }
}
