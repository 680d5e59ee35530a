package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent requests: of racing creates on one name exactly one wins, and no update is lost. */
class ConcurrencyTest {

  private static final String PROVIDERS = "/api/v2/ai/llm/providers";
  private static final int THREADS = 12;

  private Emulator emulator;
  private ExecutorService pool;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorSettings.builder().rateLimit(100_000).build());
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    emulator.close();
  }

  /** Runs {@code task} on every thread at once (released together) and gives the statuses. */
  private List<Integer> race(int threads, java.util.function.IntFunction<Http.Reply> task)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int index = i;
      results.add(
          pool.submit(
              () -> {
                go.await();
                return task.apply(index).status();
              }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get(20, TimeUnit.SECONDS));
    }
    return statuses;
  }

  @Test
  void ofManyCreatesOnOneNameExactlyOneWins() throws Exception {
    Http http = new Http(emulator);
    String token = http.token(emulator);
    List<Integer> statuses =
        race(
            THREADS,
            i ->
                new Http(emulator)
                    .post(
                        PROVIDERS,
                        token,
                        Http.provider(i % 2 == 0 ? "Racing Gateway" : "RACING gateway")));
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(THREADS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(1, emulator.store().size());
  }

  @Test
  void concurrentUpdatesWithTheRightVersionLoseNothing() throws Exception {
    Http http = new Http(emulator);
    String token = http.token(emulator);
    String path =
        PROVIDERS
            + "/"
            + http.post(PROVIDERS, token, Http.provider("Gateway")).json().get("id").asText();
    int rounds = 5;
    int successes = 0;
    for (int round = 0; round < rounds; round++) {
      long version = http.get(path, token).json().get("version").asLong();
      List<Integer> statuses =
          race(
              THREADS,
              i ->
                  new Http(emulator)
                      .put(
                          path,
                          token,
                          Http.provider("Gateway")
                              .put("version", version)
                              .put("timeout", 1000 + i)));
      long won = statuses.stream().filter(s -> s == 200).count();
      assertEquals(1, won, "of updates with the same version exactly one applies: " + statuses);
      assertEquals(
          THREADS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
      successes += (int) won;
    }
    JsonNode last = http.get(path, token).json();
    assertEquals(1 + successes, last.get("version").asLong());
    assertEquals(1 + rounds, last.get("version").asLong());
  }

  @Test
  void updatesThatReadTheirVersionEachApplyOnce() throws Exception {
    Http http = new Http(emulator);
    String token = http.token(emulator);
    String path =
        PROVIDERS
            + "/"
            + http.post(PROVIDERS, token, Http.provider("Gateway")).json().get("id").asText();
    int perThread = 5;
    List<Integer> applied =
        race(
            THREADS,
            i -> {
              Http own = new Http(emulator);
              int count = 0;
              while (count < perThread) {
                long version = own.get(path, token).json().get("version").asLong();
                Http.Reply reply =
                    own.put(path, token, Http.provider("Gateway").put("version", version));
                if (reply.status() == 200) {
                  count++;
                } else {
                  assertEquals(409, reply.status(), reply.body());
                }
              }
              return new Http.Reply(count, null, "");
            });
    int total = applied.stream().mapToInt(Integer::intValue).sum();
    assertEquals(THREADS * perThread, total);
    assertEquals(1 + total, http.get(path, token).json().get("version").asLong(), "no update lost");
    assertTrue(emulator.journal().size() > total);
  }
}
