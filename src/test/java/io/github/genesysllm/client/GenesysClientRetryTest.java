package io.github.genesysllm.client;

import static io.github.genesysllm.client.StubServer.Reply;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.secret.Secret;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one retry policy: 429s, transient faults, the budget, and what is never sent twice. */
class GenesysClientRetryTest extends ClientTestSupport {

  private static final String ITEM = PROVIDERS + "/" + ID;

  private static Reply tooManyRequests() {
    return Reply.error(
        429,
        "too.many.requests",
        "Rate limit exceeded the maximum [300] requests within [60] seconds");
  }

  @Test
  void a429WaitsTheWholeSecondsOfRetryAfterAndSaysSo() {
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests().header("Retry-After", "2"),
        Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client();

    assertEquals(ID, providers(client).get(ID).id());

    assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps());
    assertEquals(2, stub.requests("GET", ITEM).size());
    assertEquals(1, client.stats().rateLimitedResponses());
    assertEquals(1, client.stats().retries());
    assertTrue(
        log.lines("INFO")
            .contains(
                "429 on GET "
                    + ITEM
                    + ": waiting 2 s (Retry-After) — retry 1, 118 s of "
                    + "budget left"),
        log.lines().toString());
  }

  @Test
  void a429WaitsFractionalSecondsOfRetryAfter() {
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests().header("Retry-After", "0.2"),
        Reply.json(200, providerJson(ID, "a")));
    providers(client(b -> b.jitter(() -> 0.2))).get(ID); // the backoff would be 0.1 s
    assertEquals(List.of(Duration.ofMillis(200)), time.sleeps());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.001", "0.000000001"})
  void aZeroOrTinyRetryAfterStillBacksOff(String retryAfter) {
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests().header("Retry-After", retryAfter),
        tooManyRequests().header("Retry-After", retryAfter),
        Reply.json(200, providerJson(ID, "a")));
    providers(client()).get(ID); // jitter 0.5 of 0.5 s, then of 1 s
    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), time.sleeps());
  }

  @Test
  @Timeout(20)
  void aStormOf429WithRetryAfterZeroEndsAtTheAttemptCapWithinTheBudget() {
    stub.fallback("GET", ITEM, () -> tooManyRequests().header("Retry-After", "0"));
    GenesysClient client = client();

    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));

    assertEquals(RetryPolicy.MAX_ATTEMPTS, stub.requests("GET", ITEM).size());
    assertTrue(
        time.slept().compareTo(ClientOptions.DEFAULT_MAX_RETRY_TIME) <= 0, "slept " + time.slept());
    assertEquals(429, e.status());
    assertEquals("too.many.requests", e.code());
    assertEquals(ClientHint.SLOW_DOWN, e.problem().hint());
    assertTrue(
        e.problem().what().contains("It was tried 10 times, the most a request is tried."),
        e.getMessage());
  }

  @Test
  @Timeout(20)
  void aStormOf429WithRetryAfterZeroEndsWithinTheBudgetCountedOnTheWallClock() {
    // every attempt takes 3 s: the budget counts them as well as the waits between them
    stub.fallback(
        "GET",
        ITEM,
        () -> {
          time.advance(Duration.ofSeconds(3));
          return tooManyRequests().header("Retry-After", "0");
        });
    GenesysClient client = client(b -> b.maxRetryTime(Duration.ofSeconds(10)));
    long first = time.nanoTime();

    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));

    assertTrue(
        time.nanoTime() - first <= Duration.ofSeconds(10).toNanos(),
        "gave up after " + Duration.ofNanos(time.nanoTime() - first));
    assertEquals(3, stub.requests("GET", ITEM).size());
    assertTrue(
        e.problem()
            .what()
            .contains(
                "retry budget of 10 s would be exceeded: the next attempt is due in 1 s"
                    + " (backoff), with 0.3 s of it left"),
        e.getMessage());
  }

  @Test
  void a429WaitsUntilARetryAfterDate() {
    String inThreeSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            FakeTime.START.plusSeconds(3).atOffset(ZoneOffset.UTC));
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests().header("Retry-After", inThreeSeconds),
        Reply.json(200, providerJson(ID, "a")));
    providers(client()).get(ID);
    assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps());
  }

  @Test
  void a429WithoutRetryAfterBacksOffExponentiallyWithFullJitter() {
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests(),
        tooManyRequests(),
        tooManyRequests(),
        Reply.json(200, providerJson(ID, "a")));
    providers(client()).get(ID); // jitter 0.5 of 0.5 s, 1 s, 2 s
    assertEquals(
        List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)),
        time.sleeps());
  }

  @Test
  void theBackoffIsCapped() {
    stub.fallback("GET", ITEM, () -> Reply.error(503, "service.unavailable", "busy"));
    GenesysClient client =
        client(
            b ->
                b.jitter(() -> 0.999)
                    .backoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                    .maxRetryTime(Duration.ofSeconds(20)));
    assertThrows(GenesysApiException.class, () -> providers(client).get(ID));
    assertTrue(time.sleeps().size() >= 5, time.sleeps().toString());
    for (Duration slept : time.sleeps()) {
      assertTrue(slept.compareTo(Duration.ofSeconds(4)) < 0, slept.toString());
    }
  }

  @Test
  void aWaitBeyondTheBudgetFailsAtOnceWithoutSleeping() {
    stub.enqueue("GET", ITEM, tooManyRequests().header("Retry-After", "30"));

    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> providers(client(b -> b.maxRetryTime(Duration.ofSeconds(10)))).get(ID));

    assertEquals(List.of(), time.sleeps());
    assertEquals(1, stub.requests("GET", ITEM).size());
    assertEquals(429, e.status());
    assertEquals("too.many.requests", e.code());
    assertProblem(e, request("GET", ITEM), ClientHint.SLOW_DOWN);
    assertEquals(
        List.of(
            Setting.MAX_REQUESTS_PER_MINUTE, Setting.CONCURRENCY, Setting.MAX_RETRY_TIME_SECONDS),
        e.problem().fix().settings());
    assertEquals(StubServer.CORRELATION_ID, e.correlationId());
    assertTrue(
        e.problem()
            .what()
            .contains(
                "retry budget of 10 s would be exceeded: the server asked to wait 30 s"
                    + " (Retry-After)"),
        e.getMessage());
  }

  @Test
  void theBudgetIsOnePerClientAcrossCalls() {
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests().header("Retry-After", "3"),
        Reply.json(200, providerJson(ID, "a")),
        tooManyRequests().header("Retry-After", "3"));
    GenesysClient client = client(b -> b.maxRetryTime(Duration.ofSeconds(5)));
    providers(client).get(ID);

    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));

    assertTrue(e.problem().what().contains("with 2 s of it left"), e.getMessage());
    assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps());
  }

  @Test
  void aSpentBudgetSaysSo() {
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests().header("Retry-After", "1"),
        tooManyRequests().header("Retry-After", "1"));
    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> providers(client(b -> b.maxRetryTime(Duration.ofSeconds(1)))).get(ID));
    assertTrue(e.problem().what().contains("retry budget of 1 s is spent"), e.getMessage());
  }

  @Test
  void aRateLimitedPostIsSentAgain() {
    stub.enqueue(
        "POST",
        PROVIDERS,
        tooManyRequests().header("Retry-After", "1"),
        Reply.json(201, providerJson(ID, "a")));
    assertEquals(ID, providers(client()).create(settings("a"), Secret.of(API_KEY)).id());
    assertEquals(2, stub.requests("POST", PROVIDERS).size());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void transientFaultsAreRetriedForGetPutAndDelete(int status) {
    Reply fault = Reply.error(status, "fault", "transient");
    stub.enqueue("GET", ITEM, fault, Reply.json(200, providerJson(ID, "a")));
    stub.enqueue(
        "PUT",
        ITEM,
        Reply.error(status, "fault", "transient"),
        Reply.json(200, providerJson(ID, "a")));
    stub.enqueue("DELETE", ITEM, Reply.error(status, "fault", "transient"), Reply.empty(204));
    GenesysClient client = client();

    providers(client).get(ID);
    providers(client).update(ID, 1, settings("a"), Secret.of(API_KEY));
    providers(client).delete(ID);

    assertEquals(2, stub.requests("GET", ITEM).size());
    assertEquals(2, stub.requests("PUT", ITEM).size());
    assertEquals(2, stub.requests("DELETE", ITEM).size());
    assertEquals(3, client.stats().retries());
    assertTrue(
        log.lines("WARN")
            .get(0)
            .startsWith(status + " on GET " + ITEM + ": waiting 0.3 s (backoff)"),
        log.lines("WARN").toString());
  }

  @Test
  void a503RetryAfterIsHonoured() {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.error(503, "service.unavailable", "busy").header("Retry-After", "4"),
        Reply.json(200, providerJson(ID, "a")));
    providers(client()).get(ID);
    assertEquals(List.of(Duration.ofSeconds(4)), time.sleeps());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void aPostAnswered5xxIsNotSentAgainWhenALookupByNameFindsIt(int status) {
    stub.enqueue(
        "POST",
        PROVIDERS,
        Reply.error(status, "fault", "transient"),
        Reply.json(201, providerJson(ID, "a")));
    stub.enqueue("GET", PROVIDERS, Reply.json(200, listing(false, providerJson(ID, "a"))));

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> providers(client()).create(settings("a"), Secret.of(API_KEY)));

    assertEquals(1, stub.requests("POST", PROVIDERS).size());
    assertEquals(
        "pageSize=100&pageNumber=1&name=a", stub.requests("GET", PROVIDERS).get(0).rawQuery());
    assertEquals(status, e.status());
    assertEquals(StubServer.CORRELATION_ID, e.correlationId());
    assertProblem(e, request("POST", PROVIDERS), ClientHint.SETTLE_BY_LOOKUP);
    assertEquals(
        List.of(Duration.ofMillis(250)),
        time.sleeps(),
        "the backoff of any retry, before the lookup");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void aPostAnswered5xxIsSentAgainOnlyOnceALookupByNameShowsItWasNotCreated(int status) {
    stub.enqueue(
        "POST",
        PROVIDERS,
        Reply.error(status, "fault", "transient"),
        Reply.json(201, providerJson(ID, "a")));
    stub.enqueue("GET", PROVIDERS, Reply.json(200, listing(false)));

    assertEquals(ID, providers(client()).create(settings("a"), Secret.of(API_KEY)).id());

    assertEquals(2, stub.requests("POST", PROVIDERS).size());
    assertEquals(1, stub.requests("GET", PROVIDERS).size());
    assertEquals(List.of(Duration.ofMillis(250)), time.sleeps());
  }

  @Test
  void aRetriedPutThatMeetsAStaleVersionMayHaveBeenAppliedByItsFirstAttempt() {
    stub.enqueue(
        "PUT",
        ITEM,
        Reply.error(503, "service.unavailable", "busy"),
        Reply.error(409, "version.mismatch", "version 1 is not the current version 2"));
    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> providers(client()).update(ID, 1, settings("a"), null));
    assertEquals(409, e.status());
    assertProblem(e, request("PUT", ITEM), ClientHint.SETTLE_BY_READING);
    assertEquals(2, stub.requests("PUT", ITEM).size());
  }

  @Test
  void aFirstPutThatMeetsAStaleVersionIsAConcurrentChange() {
    stub.enqueue(
        "PUT",
        ITEM,
        Reply.error(409, "version.mismatch", "version 1 is not the current version 2"));
    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> providers(client()).update(ID, 1, settings("a"), null));
    assertFalse(e instanceof OutcomeUnknownException);
    assertTrue(e.is(409, "version.mismatch"));
    assertEquals(ClientHint.APPLY_AGAIN, e.problem().hint());
  }

  @Test
  void aRetriedDeleteThatMeets404WasDoneByItsFirstAttempt() {
    stub.enqueue(
        "DELETE",
        ITEM,
        Reply.error(502, "bad.gateway", "bad gateway"),
        Reply.error(404, "not.found", "gone"));
    assertDoesNotThrow(() -> providers(client()).delete(ID));
    assertEquals(2, stub.requests("DELETE", ITEM).size());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 409})
  void clientErrorsAreNeverRetried(int status) {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.error(status, "some.code", "refused"),
        Reply.json(200, providerJson(ID, "a")));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));
    assertEquals(status, e.status());
    assertEquals(1, stub.requests("GET", ITEM).size());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void a429PausesThePacingThenTheRunGoesOnUnpacedBelowTheLimit() {
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests().header("Retry-After", "5"),
        Reply.json(200, providerJson(ID, "a")));
    stub.enqueue("GET", PROVIDERS, Reply.json(200, listing(false)));
    GenesysClient client = client(b -> b.maxRequestsPerMinute(300));
    providers(client).get(ID);
    providers(client).listAll();
    // the 429 states the configured limit: nothing to learn, and 3 requests are far below it
    assertEquals(List.of(Duration.ofSeconds(5)), time.sleeps());
    assertEquals(List.of(), client.stats().learnedLimits());
  }

  @Test
  void aLowerLimitStatedInA429IsAdoptedReportedOnceAndKeptForTheRestOfTheRun() {
    String twoIn10s = "Rate limit exceeded the maximum [2] requests within [10] seconds";
    stub.enqueue(
        "GET",
        ITEM,
        Reply.error(429, "too.many.requests", twoIn10s).header("Retry-After", "4"),
        Reply.json(200, providerJson(ID, "a")),
        Reply.json(200, providerJson(ID, "a")),
        Reply.error(429, "too.many.requests", twoIn10s).header("Retry-After", "1"),
        Reply.json(200, providerJson(ID, "a")),
        Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client(b -> b.maxRequestsPerMinute(300));

    for (int i = 0; i < 4; i++) {
      providers(client).get(ID);
    }

    // requests at 0 s (429), 4 s, 10 s, 14 s (429), 20 s, 24 s: two in any 10 s from the first 429
    // on, each leaving the window 10 s after its answer
    assertEquals(
        List.of(4, 6, 4, 1, 5, 4).stream().map(Duration::ofSeconds).toList(), time.sleeps());
    LearnedRateLimit learned =
        new LearnedRateLimit(
            false, new RateWindow(2, Duration.ofSeconds(10)), RateWindow.perMinute(300));
    assertEquals(List.of(learned), client.stats().learnedLimits());
    assertEquals(
        List.of(learned.describe()),
        log.lines("WARN").stream().filter(l -> l.contains("its 429 said so")).toList());
  }
}
