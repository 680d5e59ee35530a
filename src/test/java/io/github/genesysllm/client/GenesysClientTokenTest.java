package io.github.genesysllm.client;

import static io.github.genesysllm.client.StubServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.secret.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract's section 2: asking for, caching and renewing the token, and what goes where. */
class GenesysClientTokenTest extends ClientTestSupport {

  private static final String ITEM = PROVIDERS + "/" + ID;

  @Test
  void theClientSecretGoesOnlyToTheTokenEndpointAndTheTokenOnlyToTheApi() {
    stub.fallback("GET", ITEM, () -> Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client();
    providers(client).get(ID);
    providers(client).get(ID);
    providers(client).get(ID);

    List<StubServer.Request> tokenRequests = stub.requests("POST", "/oauth/token");
    assertEquals(1, tokenRequests.size(), "the token is cached");
    StubServer.Request grant = tokenRequests.get(0);
    assertEquals(basic(CLIENT_ID, CLIENT_SECRET), grant.header("Authorization"));
    assertTrue(
        grant.header("Content-Type").startsWith("application/x-www-form-urlencoded"),
        grant.header("Content-Type"));
    assertEquals("grant_type=client_credentials", grant.body());
    for (StubServer.Request call : stub.apiRequests()) {
      assertEquals("Bearer token-1", call.header("Authorization"));
      assertFalse(call.body().contains(CLIENT_SECRET));
    }
  }

  @Test
  void aNewTokenIsAskedForBeforeTheOldOneExpires() {
    stub.grantTokens(100); // renewed 10 s early (10% of 100 s, below 60 s)
    stub.fallback("GET", ITEM, () -> Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client();
    providers(client).get(ID);
    time.advance(Duration.ofSeconds(89));
    providers(client).get(ID);
    time.advance(Duration.ofSeconds(2));
    providers(client).get(ID);

    List<String> bearers =
        stub.requests("GET", ITEM).stream().map(r -> r.header("Authorization")).toList();
    assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-2"), bearers);
  }

  @Test
  void theTokenIsTakenAfterThePacingWaitSoItCannotExpireDuringIt() {
    stub.grantTokens(30); // renewed 3 s early: due 27 s after it was asked for
    stub.fallback("GET", ITEM, () -> Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client(b -> b.maxRequestsPerMinute(1));
    providers(client).get(ID);
    providers(client).get(ID); // waits 60 s for the pacer, with token-1 valid when the wait begins

    assertEquals(List.of(Duration.ofSeconds(60)), time.sleeps());
    List<String> bearers =
        stub.requests("GET", ITEM).stream().map(r -> r.header("Authorization")).toList();
    assertEquals(List.of("Bearer token-1", "Bearer token-2"), bearers);
    assertEquals(0, client.stats().retries(), "no 401 to recover from");
  }

  @Test
  void tokenRequestsArePacedApartFromApiRequestsAndLearnTheirOwnLimit() {
    stub.enqueue(
        "POST",
        "/oauth/token",
        Reply.json(
                429,
                "{\"error\":\"too_many_requests\",\"error_description\":\"Rate limit exceeded"
                    + " the maximum [1] requests within [10] seconds\"}")
            .header("Retry-After", "2"));
    stub.fallback("GET", ITEM, () -> Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client(b -> b.maxRequestsPerMinute(300));

    providers(client).get(ID);
    providers(client).get(ID);

    // the refused token request and its retry are 1 in 10 s apart; the API requests wait for
    // nothing
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(8)), time.sleeps());
    assertEquals(
        List.of(
            new LearnedRateLimit(
                true, new RateWindow(1, Duration.ofSeconds(10)), RateWindow.perMinute(300))),
        client.stats().learnedLimits());
  }

  @Test
  void aLongLivedTokenIsRenewedAMinuteEarly() {
    stub.fallback("GET", ITEM, () -> Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client(); // tokens valid 86399 s
    providers(client).get(ID);
    time.advance(Duration.ofSeconds(86399 - 61));
    providers(client).get(ID);
    time.advance(Duration.ofSeconds(2));
    providers(client).get(ID);
    assertEquals(2, stub.requests("POST", "/oauth/token").size());
  }

  @Test
  void aTokenExpiredMidRunIsRenewedOnceAndTheRequestRepeated() {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.error(401, "credentials.expired", "The token has expired"),
        Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client();

    assertEquals(ID, providers(client).get(ID).id());

    List<String> bearers =
        stub.requests("GET", ITEM).stream().map(r -> r.header("Authorization")).toList();
    assertEquals(List.of("Bearer token-1", "Bearer token-2"), bearers);
    assertEquals(1, client.stats().retries());
  }

  @Test
  void aSecond401AfterTheRenewalIsFinalWithAHintNamingTheCredentials() {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.error(401, "bad.credentials", "Invalid login credentials"),
        Reply.error(401, "bad.credentials", "Invalid login credentials"));

    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));

    assertEquals(401, e.status());
    assertEquals("bad.credentials", e.code());
    assertProblem(e, request("GET", ITEM), ClientHint.CHECK_CLIENT_CREDENTIALS);
    // the client and where its secret was read, for the user to check
    assertTrue(fixOf(e).contains("'" + CLIENT_ID + "'"), e.getMessage());
    assertTrue(fixOf(e).contains(SOURCE), e.getMessage());
    assertEquals(2, stub.requests("GET", ITEM).size());
    assertEquals(2, stub.requests("POST", "/oauth/token").size());
    assertNoSecret(e.getMessage());
  }

  @Test
  void a401WithoutATokenProblemCodeIsNotRenewed() {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.error(401, "authentication.required", "No authentication bearer token specified"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));
    assertEquals(401, e.status());
    assertEquals(1, stub.requests("POST", "/oauth/token").size());
  }

  @Test
  void aReadyAccessTokenIsUsedAsIsAndA401WithItIsFinal() {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.json(200, providerJson(ID, "a")),
        Reply.error(401, "credentials.expired", "The token has expired"));
    GenesysClient client =
        client(
            OAuthCredentials.accessToken(
                Secret.of("ready-token-value"), "environment variable GENESYSCLOUD_ACCESS_TOKEN"),
            b -> {});

    providers(client).get(ID);
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));

    assertEquals(0, stub.requests("POST", "/oauth/token").size());
    assertEquals(
        "Bearer ready-token-value", stub.requests("GET", ITEM).get(0).header("Authorization"));
    assertEquals(2, stub.requests("GET", ITEM).size());
    assertProblem(e, request("GET", ITEM), ClientHint.RENEW_ACCESS_TOKEN);
    assertTrue(fixOf(e).contains("environment variable GENESYSCLOUD_ACCESS_TOKEN"), e.getMessage());
    assertNoSecret(e.getMessage());
  }

  @Test
  void anUnknownClientAtTheTokenEndpointNamesTheClientAndWhereItWasRead() {
    stub.enqueue(
        "POST",
        "/oauth/token",
        Reply.json(
            401,
            "{\"error\":\"invalid_client\",\"description\":\"client not found\",\"error_description\":\"client not found\"}"));

    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));

    assertEquals(401, e.status());
    assertEquals("invalid_client", e.code());
    assertProblem(
        e, request("POST", stub.url() + "/oauth/token"), ClientHint.CHECK_CLIENT_CREDENTIALS);
    assertEquals("client not found", e.serverMessage());
    assertTrue(fixOf(e).contains("'" + CLIENT_ID + "'"), e.getMessage());
    assertTrue(fixOf(e).contains(SOURCE), e.getMessage());
    assertTrue(stub.apiRequests().isEmpty());
    assertNoSecret(e.getMessage());
  }

  @Test
  void aRefusedGrantSaysWhatToCheck() {
    stub.enqueue(
        "POST",
        "/oauth/token",
        Reply.json(
            400,
            "{\"error\":\"unsupported_grant_type\","
                + "\"description\":\"grant type not supported\",\"error_description\":\"grant type not supported\"}"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));
    assertEquals("unsupported_grant_type", e.code());
    assertProblem(e, request("POST", stub.url() + "/oauth/token"), ClientHint.CHECK_GRANT_TYPE);
    assertEquals(List.of(Setting.LOGIN_URL), e.problem().fix().settings());
  }

  @Test
  void aTokenEndpointThatEchoesTheSecretHasItsTextWithheld() {
    stub.enqueue(
        "POST",
        "/oauth/token",
        Reply.json(
            401,
            "{\"error\":\"invalid_client\","
                + "\"error_description\":\"secret "
                + CLIENT_SECRET
                + " is wrong\"}"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));
    assertNoSecret(e.getMessage());
    assertTrue(e.getMessage().contains(Redactor.WITHHELD), e.getMessage());
    assertNoSecret(String.valueOf(e.serverMessage()));
  }

  @Test
  void aRateLimitedTokenRequestIsRetried() {
    stub.enqueue(
        "POST",
        "/oauth/token",
        Reply.json(429, "{\"error\":\"too_many_requests\"}").header("Retry-After", "1"));
    stub.enqueue("GET", ITEM, Reply.json(200, providerJson(ID, "a")));
    assertEquals(ID, providers(client()).get(ID).id());
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
    assertEquals(2, stub.requests("POST", "/oauth/token").size());
  }

  @Test
  void aTokenAnswerWithoutAnAccessTokenIsABadAnswer() {
    stub.enqueue(
        "POST",
        "/oauth/token",
        Reply.json(200, "{\"token_type\":\"bearer\",\"expires_in\":86399}"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));
    assertTrue(e.problem().what().contains("has no access_token"), e.getMessage());
    assertProblem(e, request("POST", stub.url() + "/oauth/token"), ClientHint.CHECK_LOGIN_URL);
    assertTrue(stub.apiRequests().isEmpty());
  }

  @Test
  void aTokenWithoutALifetimeIsUsedUntilRefused() {
    stub.fallback("POST", "/oauth/token", () -> Reply.json(200, "{\"access_token\":\"token-1\"}"));
    stub.fallback("GET", ITEM, () -> Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client();
    providers(client).get(ID);
    time.advance(Duration.ofDays(2));
    providers(client).get(ID);
    assertEquals(1, stub.requests("POST", "/oauth/token").size());
    assertEquals("Bearer token-1", stub.requests("GET", ITEM).get(1).header("Authorization"));
  }
}
