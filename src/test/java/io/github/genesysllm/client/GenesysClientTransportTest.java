package io.github.genesysllm.client;

import static io.github.genesysllm.client.StubServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Faults without an answer, redirects and proxies: what the client does with the connection itself.
 */
class GenesysClientTransportTest extends ClientTestSupport {

  private static final String ITEM = PROVIDERS + "/" + ID;

  @Test
  void aConnectionClosedWithoutAnAnswerIsRetriedForAGet() {
    stub.enqueue("GET", ITEM, Reply.closeWithoutAnswer(), Reply.json(200, providerJson(ID, "a")));
    assertEquals(ID, providers(client()).get(ID).id());
    assertEquals(2, stub.requests("GET", ITEM).size());
    assertEquals(List.of(Duration.ofMillis(250)), time.sleeps());
    assertTrue(
        log.lines("WARN")
            .get(0)
            .contains("The server closed the connection without answering on GET " + ITEM),
        log.lines().toString());
  }

  @Test
  void aPostWhoseConnectionClosedWithoutAnAnswerIsNotSentAgain() {
    stub.enqueue(
        "POST", PROVIDERS, Reply.closeWithoutAnswer(), Reply.json(201, providerJson(ID, "a")));
    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> providers(client()).create(settings("a"), Secret.of(API_KEY)));
    assertEquals(1, stub.requests("POST", PROVIDERS).size());
    assertProblem(e, request("POST", PROVIDERS), ClientHint.SETTLE_BY_LOOKUP);
    assertNull(e.correlationId(), "no answer, no correlation id");
    assertNoSecret(e.getMessage());
  }

  @Test
  void aTruncatedAnswerIsRetriedForAGet() {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.json(200, providerJson(ID, "a")).truncated(),
        Reply.json(200, providerJson(ID, "a")));
    assertEquals(ID, providers(client()).get(ID).id());
    assertEquals(2, stub.requests("GET", ITEM).size());
    assertTrue(
        log.lines("WARN").get(0).contains("The connection closed before the answer was complete"),
        log.lines().toString());
  }

  @Test
  void aTruncatedAnswerToAPutIsRetriedAndAStaleVersionThenLeavesTheOutcomeUnknown() {
    stub.enqueue(
        "PUT",
        ITEM,
        Reply.json(200, providerJson(ID, "a")).truncated(),
        Reply.error(409, "version.mismatch", "stale"));
    assertThrows(
        OutcomeUnknownException.class,
        () -> providers(client()).update(ID, 1, settings("a"), null));
    assertEquals(2, stub.requests("PUT", ITEM).size());
  }

  @Test
  void noAnswerWithinTheTimeoutIsRetriedForAGet() {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.json(200, providerJson(ID, "a")).delayed(Duration.ofSeconds(3)),
        Reply.json(200, providerJson(ID, "a")));
    assertEquals(ID, providers(client(b -> b.timeout(Duration.ofMillis(300)))).get(ID).id());
    assertEquals(2, stub.requests("GET", ITEM).size());
    assertTrue(
        log.lines("WARN").get(0).contains("No answer within the timeout of 0.3 s"),
        log.lines().toString());
  }

  @Test
  void aPostWithoutAnAnswerWithinTheTimeoutIsNotSentAgain() {
    stub.enqueue(
        "POST", PROVIDERS, Reply.json(201, providerJson(ID, "a")).delayed(Duration.ofSeconds(3)));
    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () ->
                providers(client(b -> b.timeout(Duration.ofMillis(300))))
                    .create(settings("a"), Secret.of(API_KEY)));
    assertEquals(1, stub.requests("POST", PROVIDERS).size());
    assertProblem(e, request("POST", PROVIDERS), ClientHint.SETTLE_BY_LOOKUP);
    assertTrue(e.problem().what().contains("the timeout of 0.3 s"), e.getMessage());
  }

  @Test
  void nothingListeningIsRetriedWithinTheBudgetThenSaysItCouldNotConnect() throws IOException {
    String url = "http://127.0.0.1:" + freePort();
    GenesysClient client =
        client(
            GenesysHosts.resolve(null, url, null),
            OAuthCredentials.accessToken(Secret.of("ready-token-value"), "env"),
            b -> b.maxRetryTime(Duration.ofSeconds(2)));

    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> providers(client).create(settings("a"), Secret.of(API_KEY)));

    assertFalse(e instanceof OutcomeUnknownException, "nothing was sent, so a POST is retried too");
    assertEquals(
        List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)),
        time.sleeps());
    assertProblem(e, request("POST", PROVIDERS), ClientHint.RAISE_RETRY_BUDGET);
    assertEquals(
        List.of(Setting.MAX_RETRY_TIME_SECONDS, Setting.REGION, Setting.API_URL),
        e.problem().fix().settings());
    assertTrue(
        e.problem().what().startsWith("could not connect to " + url + " (Connection refused)"),
        e.getMessage());
    assertTrue(
        e.problem().what().contains("retry budget of 2 s would be exceeded"), e.getMessage());
    assertEquals(4, client.stats().apiRequestsByMethod().get("POST"));
  }

  @Test
  void nothingListeningAtTheLoginUrlNamesTheTokenEndpoint() throws IOException {
    String url = "http://127.0.0.1:" + freePort();
    GenesysClient client =
        client(
            GenesysHosts.resolve(null, stub.url(), url),
            OAuthCredentials.clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET), SOURCE),
            b -> b.maxRetryTime(Duration.ZERO));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));
    assertProblem(e, request("POST", url + "/oauth/token"), ClientHint.RAISE_RETRY_BUDGET);
    assertEquals(
        List.of(Setting.MAX_RETRY_TIME_SECONDS, Setting.LOGIN_URL), e.problem().fix().settings());
    assertTrue(stub.requests().isEmpty());
  }

  @Test
  void anUnknownHostFailsAtOnceNamingTheRegionSetting() {
    GenesysClient client =
        client(
            GenesysHosts.resolve(null, "https://api.no-such-host.invalid", null),
            OAuthCredentials.accessToken(Secret.of("ready-token-value"), "env"),
            b -> {});
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));
    assertTrue(
        e.problem().what().contains("unknown host api.no-such-host.invalid"), e.getMessage());
    assertProblem(e, request("GET", ITEM), ClientHint.CHECK_API_URL);
    assertEquals(List.of(Setting.REGION, Setting.API_URL), e.problem().fix().settings());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void aRedirectIsNotFollowed() {
    try (StubServer elsewhere = StubServer.start()) {
      elsewhere.grantTokens(86399);
      elsewhere.fallback("GET", ITEM, () -> Reply.json(200, providerJson(ID, "a")));
      stub.enqueue("GET", ITEM, Reply.empty(302).header("Location", elsewhere.url() + ITEM));
      stub.enqueue(
          "POST",
          "/oauth/token",
          Reply.empty(307).header("Location", elsewhere.url() + "/oauth/token"));

      GenesysApiException token =
          assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));
      GenesysApiException api =
          assertThrows(GenesysApiException.class, () -> providers(client()).get(ID));

      assertEquals(307, token.status());
      assertEquals(ClientHint.SET_FINAL_ADDRESS, token.problem().hint());
      assertEquals(List.of(Setting.LOGIN_URL), token.problem().fix().settings());
      assertEquals(302, api.status());
      assertEquals(ClientHint.SET_FINAL_ADDRESS, api.problem().hint());
      assertEquals(List.of(Setting.API_URL), api.problem().fix().settings());
      // where it would have gone, for the user to set
      assertTrue(
          api.problem().what().contains("It redirected to " + elsewhere.url() + ITEM),
          api.getMessage());
      assertEquals(List.of(), elsewhere.requests());
    }
  }

  @Test
  void callsGoThroughTheProxyWhichGetsItsCredentialsOnly() {
    try (StubServer proxy = StubServer.start()) {
      proxy.enqueue(
          "POST",
          "/oauth/token",
          Reply.json(407, "{}").header("Proxy-Authenticate", "Basic realm=\"proxy\""));
      proxy.grantTokens(86399);
      proxy.fallback("GET", ITEM, () -> Reply.json(200, providerJson(ID, "a")));
      ProxySettings settings =
          new ProxySettings(
              "http",
              "127.0.0.1",
              proxy.port(),
              "proxy-user",
              Secret.of("proxy-pass"),
              "the settings.xml proxy 'test'");

      assertEquals(
          ID,
          providers(client(b -> b.proxies(ProxyRoutes.of(Map.of("127.0.0.1", settings)))))
              .get(ID)
              .id());

      assertEquals(List.of(), stub.requests());
      List<StubServer.Request> viaProxy = proxy.requests();
      assertEquals(3, viaProxy.size(), viaProxy.toString());
      assertEquals(stub.url() + "/oauth/token", viaProxy.get(0).uri());
      assertEquals(
          basic("proxy-user", "proxy-pass"), viaProxy.get(1).header("Proxy-Authorization"));
      assertEquals(basic(CLIENT_ID, CLIENT_SECRET), viaProxy.get(1).header("Authorization"));
      assertEquals(stub.url() + ITEM, viaProxy.get(2).uri());
      assertEquals("Bearer token-1", viaProxy.get(2).header("Authorization"));
    }
  }

  @Test
  void aHostWithoutARouteIsReachedDirectly() {
    try (StubServer proxy = StubServer.start()) {
      stub.enqueue("GET", ITEM, Reply.json(200, providerJson(ID, "a")));
      ProxySettings settings =
          new ProxySettings("http", "127.0.0.1", proxy.port(), null, null, "a test proxy");
      providers(client(b -> b.proxies(ProxyRoutes.of(Map.of("api.elsewhere.example", settings)))))
          .get(ID);
      assertEquals(List.of(), proxy.requests());
      assertEquals(1, stub.requests("GET", ITEM).size());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
