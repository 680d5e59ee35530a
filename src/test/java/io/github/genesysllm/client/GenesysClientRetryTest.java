package io.github.genesysllm.client;

import static io.github.genesysllm.client.StubServer.Reply;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.secret.Secret;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    assertEquals(ID, client.get(ID).id());

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
    client().get(ID);
    assertEquals(List.of(Duration.ofMillis(200)), time.sleeps());
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
    client().get(ID);
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
    client().get(ID); // jitter 0.5 of 0.5 s, 1 s, 2 s
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
    assertThrows(GenesysApiException.class, () -> client.get(ID));
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
            () -> client(b -> b.maxRetryTime(Duration.ofSeconds(10))).get(ID));

    assertEquals(List.of(), time.sleeps());
    assertEquals(1, stub.requests("GET", ITEM).size());
    assertEquals(429, e.status());
    assertEquals("too.many.requests", e.code());
    String m = e.getMessage();
    assertTrue(m.contains("GET " + ITEM), m);
    assertTrue(
        m.contains(
            "retry budget of 10 s would be exceeded: the server asked to wait 30 s (Retry-After)"),
        m);
    assertTrue(m.contains("genesys.maxRetryTimeSeconds"), m);
    assertTrue(m.contains("genesys.maxRequestsPerMinute"), m);
    assertTrue(m.contains(StubServer.CORRELATION_ID), m);
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
    client.get(ID);

    GenesysApiException e = assertThrows(GenesysApiException.class, () -> client.get(ID));

    assertTrue(e.getMessage().contains("with 2 s of it left"), e.getMessage());
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
            () -> client(b -> b.maxRetryTime(Duration.ofSeconds(1))).get(ID));
    assertTrue(e.getMessage().contains("retry budget of 1 s is spent"), e.getMessage());
  }

  @Test
  void aRateLimitedPostIsSentAgain() {
    stub.enqueue(
        "POST",
        PROVIDERS,
        tooManyRequests().header("Retry-After", "1"),
        Reply.json(201, providerJson(ID, "a")));
    assertEquals(ID, client().create(settings("a"), Secret.of(API_KEY)).id());
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

    client.get(ID);
    client.update(ID, 1, settings("a"), Secret.of(API_KEY));
    client.delete(ID);

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
    client().get(ID);
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
            () -> client().create(settings("a"), Secret.of(API_KEY)));

    assertEquals(1, stub.requests("POST", PROVIDERS).size());
    assertEquals(
        "pageSize=100&pageNumber=1&name=a", stub.requests("GET", PROVIDERS).get(0).rawQuery());
    assertEquals(status, e.status());
    assertEquals(StubServer.CORRELATION_ID, e.correlationId());
    assertTrue(e.getMessage().contains("may or may not have been created"), e.getMessage());
    assertTrue(e.getMessage().contains("look the provider up by name"), e.getMessage());
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

    assertEquals(ID, client().create(settings("a"), Secret.of(API_KEY)).id());

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
            OutcomeUnknownException.class, () -> client().update(ID, 1, settings("a"), null));
    assertEquals(409, e.status());
    assertTrue(e.getMessage().contains("may have applied the update"), e.getMessage());
    assertEquals(2, stub.requests("PUT", ITEM).size());
  }

  @Test
  void aFirstPutThatMeetsAStaleVersionIsAConcurrentChange() {
    stub.enqueue(
        "PUT",
        ITEM,
        Reply.error(409, "version.mismatch", "version 1 is not the current version 2"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> client().update(ID, 1, settings("a"), null));
    assertFalse(e instanceof OutcomeUnknownException);
    assertTrue(e.is(409, "version.mismatch"));
    assertTrue(e.getMessage().contains("changed concurrently"), e.getMessage());
  }

  @Test
  void aRetriedDeleteThatMeets404WasDoneByItsFirstAttempt() {
    stub.enqueue(
        "DELETE",
        ITEM,
        Reply.error(502, "bad.gateway", "bad gateway"),
        Reply.error(404, "not.found", "gone"));
    assertDoesNotThrow(() -> client().delete(ID));
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
    GenesysApiException e = assertThrows(GenesysApiException.class, () -> client().get(ID));
    assertEquals(status, e.status());
    assertEquals(1, stub.requests("GET", ITEM).size());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void a429PausesThePacingForEveryCallUntilRetryAfterHasPassed() {
    stub.enqueue(
        "GET",
        ITEM,
        tooManyRequests().header("Retry-After", "5"),
        Reply.json(200, providerJson(ID, "a")));
    stub.enqueue("GET", PROVIDERS, Reply.json(200, listing(false)));
    GenesysClient client = client(b -> b.maxRequestsPerMinute(300));
    client.get(ID);
    client.listAll();
    // the retry waited the 5 s, then one refill (the refused attempt spent the bucket's token), and
    // the
    // next call one refill more: 300 a minute is a bucket of 1 refilling at 299 a minute, 0.2 s a
    // token
    assertEquals(3, time.sleeps().size(), time.sleeps().toString());
    assertEquals(Duration.ofSeconds(5), time.sleeps().get(0));
    assertEquals(60_000 / 299, time.sleeps().get(1).toMillis());
    assertEquals(60_000 / 299, time.sleeps().get(2).toMillis());
  }
}
