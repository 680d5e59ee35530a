package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

  private final FakeTime time = new FakeTime();

  @Test
  void theFirstRequestGoesWithoutWaitingThenOneRequestPerRefill() throws Exception {
    RequestPacer pacer = new RequestPacer(60, time); // a bucket of 1, refilling 59 a minute
    pacer.acquire();
    assertEquals(List.of(), time.sleeps());

    pacer.acquire();
    pacer.acquire();

    assertEquals(2, time.sleeps().size());
    for (Duration slept : time.sleeps()) {
      assertEquals(60_000 / 59, slept.toMillis(), slept.toString());
    }
  }

  @Test
  void noWindowOfAnyLengthSeesMoreThanItsShare() throws Exception {
    RequestPacer pacer = new RequestPacer(600, time);
    List<Long> taken = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      pacer.acquire();
      taken.add(time.nanoTime());
    }
    for (long windowSeconds : new long[] {1, 5, 60}) {
      long window = Duration.ofSeconds(windowSeconds).toNanos();
      long share = 600 * windowSeconds / 60;
      for (int i = 0; i < taken.size(); i++) {
        long start = taken.get(i);
        long inWindow = taken.stream().filter(t -> t >= start && t < start + window).count();
        assertTrue(
            inWindow <= share, inWindow + " requests in a window of " + windowSeconds + " s");
      }
    }
  }

  @Test
  void noMinuteSeesMoreThanTheLimit() throws Exception {
    RequestPacer pacer = new RequestPacer(300, time);
    long start = time.nanoTime();
    int acquired = 0;
    while (time.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
      pacer.acquire();
      acquired++;
    }
    // the last one is taken at or after the minute's end
    assertTrue(acquired - 1 <= 300, "acquired " + acquired);
    assertTrue(acquired - 1 >= 295, "acquired " + acquired);
  }

  @Test
  void aPauseHandsOutNothingUntilItHasPassed() throws Exception {
    RequestPacer pacer = new RequestPacer(300, time);
    pacer.pause(Duration.ofSeconds(5));
    pacer.acquire();
    assertEquals(List.of(Duration.ofSeconds(5)), time.sleeps());
    // one token at the pause's end, then the refill rate
    pacer.acquire();
    assertEquals(2, time.sleeps().size());
    assertEquals(60_000 / 299, time.sleeps().get(1).toMillis());
  }

  @Test
  void parallelCallersNeverGetMoreThanTheBucketAllows() throws Exception {
    RequestPacer pacer = new RequestPacer(60, time);
    AtomicInteger acquired = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    pacer.acquire();
                    acquired.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(200, acquired.get());
    // the fake clock moved at least as much as the callers slept: 1 at once, then 59 a minute
    double allowed = 1 + 59 * (time.slept().toNanos() / 60e9);
    assertTrue(
        acquired.get() <= allowed + 1e-6, acquired.get() + " acquired, " + allowed + " allowed");
  }

  @Test
  void aClientPacesItsCalls() {
    try (StubServer stub = StubServer.start()) {
      stub.grantTokens(86399);
      stub.fallback(
          "GET", "/api/v2/ai/llm/providers", () -> StubServer.Reply.json(200, "{\"entities\":[]}"));
      ClientOptions options =
          ClientOptions.builder().timeSource(time).maxRequestsPerMinute(60).build();
      try (GenesysClient client =
          new GenesysClient(
              GenesysHosts.resolve(null, stub.url(), null),
              OAuthCredentials.clientCredentials(
                  "id", io.github.genesysllm.secret.Secret.of("s"), "test"),
              options,
              io.github.genesysllm.log.BuildLog.SILENT)) {
        for (int i = 0; i < 9; i++) {
          client.listAll();
        }
      }
      // a bucket of 1 (token requests are not paced), then one call every 60/59 s
      assertEquals(8, time.sleeps().size(), time.sleeps().toString());
      assertEquals(9, stub.requests("GET", "/api/v2/ai/llm/providers").size());
    }
  }
}
