package io.github.genesysllm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.ProxyRoutes;
import io.github.genesysllm.client.ProxySettings;
import io.github.genesysllm.probe.ProbeResult.Status;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelProbeTest {

  private static final String KEY = "sk-PROVIDER-KEY-0123456789abcdef";
  private static final String WRONG_KEY = "sk-WRONG-KEY-fedcba9876543210";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private TrustStoreProperties trust;
  private TestModelEndpoint endpoint;

  @BeforeEach
  void start() {
    trust = new TrustStoreProperties();
    endpoint = TestModelEndpoint.start(KEY, "private-model-v1", "private-model-v2", "other-model");
  }

  @AfterEach
  void stop() {
    endpoint.close();
    trust.close();
  }

  static DesiredProvider provider(String baseUrl, String key, String... modelIds) {
    List<ModelSettings> models =
        Arrays.stream(modelIds)
            .map(id -> new ModelSettings(id, "Model " + id, 8192, true))
            .toList();
    return new DesiredProvider(
        new ProviderSettings("Private Gateway", "CUSTOM", baseUrl, "v1", 30_000, models),
        Secret.of(key),
        new Place.InFile("providers.yaml", 3));
  }

  private static ModelProbe trustingProbe(Duration timeout) {
    return new ModelProbe(timeout, ProxyRoutes.NONE, TestModelEndpoint.trustingContext());
  }

  private static ProbeResult probe(DesiredProvider provider) {
    try (ModelProbe probe = trustingProbe(TIMEOUT)) {
      return probe.probe(provider);
    }
  }

  /** The failure's problem: at {@code field} of the probed provider, with {@code hint}. */
  private static void assertProblem(ProbeResult result, String field, ProbeHint hint) {
    assertEquals(new Place.OfProvider("Private Gateway", field), result.problem().where());
    assertEquals(hint, result.problem().hint(), result.message());
  }

  /** Neither key may show anywhere in what a probe gives back. */
  private static void assertNoKey(ProbeResult result) {
    for (String text :
        List.of(
            result.message(), result.describe(), result.toJson().toString(), result.toString())) {
      assertFalse(text.contains(KEY), text);
      assertFalse(text.contains(WRONG_KEY), text);
      assertFalse(text.contains("sk-"), text);
    }
  }

  @Test
  void allConfiguredModelsServedIsOkAndTheEndpointGotTheProvidersKey() {
    ProbeResult result =
        probe(provider(endpoint.baseUrl(), KEY, "private-model-v2", "private-model-v1"));

    assertEquals(Status.OK, result.status(), result.message());
    assertTrue(result.ok());
    assertEquals(endpoint.baseUrl() + "/models", result.url());
    assertEquals(List.of(), result.missingModels());
    assertNull(result.problem());
    assertEquals(List.of("Bearer " + KEY), endpoint.authorizations());
    assertNoKey(result);
  }

  @Test
  void aConfiguredModelTheEndpointDoesNotListIsNamed() {
    endpoint.serve("private-model-v1");

    ProbeResult result =
        probe(provider(endpoint.baseUrl(), KEY, "private-model-v1", "private-model-v2"));

    assertEquals(Status.MODELS_MISSING, result.status());
    assertFalse(result.ok());
    assertEquals(List.of("private-model-v2"), result.missingModels());
    assertProblem(result, "models", ProbeHint.CHECK_MODEL_IDS);
    assertTrue(result.message().contains("it serves private-model-v1"), result.message());
    JsonNode json = result.toJson();
    assertEquals("MODELS_MISSING", json.get("status").asText());
    assertEquals("[\"private-model-v2\"]", json.get("missingModels").toString());
    assertNoKey(result);
  }

  @Test
  void aWrongKeyIsUnauthorizedWithoutShowingIt() {
    ProbeResult result = probe(provider(endpoint.baseUrl(), WRONG_KEY, "private-model-v1"));

    assertEquals(Status.UNAUTHORIZED, result.status());
    assertProblem(result, "apiKey", ProbeHint.CHECK_API_KEY);
    assertTrue(
        result.message().contains("Incorrect API key provided"),
        "what the endpoint said: " + result.message());
    assertEquals(List.of("Bearer " + WRONG_KEY), endpoint.authorizations());
    assertNoKey(result);
  }

  @Test
  void a403IsUnauthorizedToo() {
    endpoint.answer(
        403, "application/json", "{\"error\":{\"message\":\"key may not list models\"}}");

    ProbeResult result = probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

    assertEquals(Status.UNAUTHORIZED, result.status());
    assertProblem(result, "apiKey", ProbeHint.CHECK_API_KEY);
  }

  @Test
  void anEndpointThatEchoesTheKeyHasItsMessageWithheld() {
    endpoint.answer(
        401,
        "application/json",
        "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");

    ProbeResult result = probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

    assertEquals(Status.UNAUTHORIZED, result.status());
    assertProblem(result, "apiKey", ProbeHint.CHECK_API_KEY);
    assertTrue(result.message().contains("withheld"), result.message());
    assertNoKey(result);
    assertFalse(result.problem().toString().contains(KEY), result.problem().toString());
  }

  @Test
  void anUntrustedCertificateIsUnreachableWithTheTrustStoreHint() {
    trust.cleared();
    ProbeResult result;
    try (ModelProbe probe = new ModelProbe(TIMEOUT, ProxyRoutes.NONE)) {
      result = probe.probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));
    }

    assertEquals(Status.UNREACHABLE, result.status());
    assertProblem(result, "baseUrl", ProbeHint.TRUST_THE_CERTIFICATE);
    assertEquals(
        List.of(), endpoint.authorizations(), "no request may reach an untrusted endpoint");
    assertNoKey(result);
  }

  @Test
  void theDefaultTlsSettingsHonourATrustStoreNamedAtRunTime() throws NoSuchAlgorithmException {
    // The JVM's default context, built once without the trust store, would not trust the endpoint.
    trust.cleared();
    SSLContext.getDefault();
    trust.trustTestCertificate();
    ProbeResult result;
    try (ModelProbe probe = new ModelProbe(TIMEOUT, ProxyRoutes.NONE)) {
      result = probe.probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));
    }

    assertEquals(Status.OK, result.status(), result.message());
  }

  @Test
  void aTrustStoreThatIsNotAFileIsRefusedAtOnce() {
    trust.trustStore("/no/such/dir/truststore.p12");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new ModelProbe(TIMEOUT, ProxyRoutes.NONE));

    assertEquals(
        "javax.net.ssl.trustStore names /no/such/dir/truststore.p12, which is not a file: give the path of"
            + " the trust store that holds your endpoint's CA certificate",
        e.getMessage());
  }

  @Test
  void aTrustStoreWithTheWrongPasswordIsRefusedAtOnce() {
    trust.trustStore(TestModelEndpoint.trustStore().toString()).password("not-the-password");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new ModelProbe(TIMEOUT, ProxyRoutes.NONE));

    assertTrue(
        e.getMessage()
            .startsWith("could not read the trust store " + TestModelEndpoint.trustStore()),
        e.getMessage());
    assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
  }

  @Test
  void aRefusedConnectionIsUnreachable() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }

    ProbeResult result =
        probe(provider("https://127.0.0.1:" + port + "/v1", KEY, "private-model-v1"));

    assertEquals(Status.UNREACHABLE, result.status());
    assertProblem(result, "baseUrl", ProbeHint.CHECK_REACHABILITY);
    assertTrue(result.message().contains("127.0.0.1:" + port), "where: " + result.message());
    assertNoKey(result);
  }

  @Test
  void noAnswerWithinTheTimeoutIsUnreachable() {
    endpoint.delay(Duration.ofSeconds(3));
    ProbeResult result;
    try (ModelProbe probe = trustingProbe(Duration.ofMillis(200))) {
      result = probe.probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));
    }

    assertEquals(Status.UNREACHABLE, result.status());
    assertProblem(result, "baseUrl", ProbeHint.ALLOW_MORE_TIME);
    assertEquals(List.of(Setting.TIMEOUT_SECONDS), result.problem().fix().settings());
    assertTrue(result.message().contains("200 ms"), "the time allowed: " + result.message());
    assertEquals(1, endpoint.requests(), "not retried");
  }

  @Test
  void anAnswerThatIsNotJsonIsABadResponse() {
    endpoint.answer(200, "text/html", "<html><body>Sign in to the gateway</body></html>");

    ProbeResult result = probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

    assertEquals(Status.BAD_RESPONSE, result.status());
    assertProblem(result, "baseUrl", ProbeHint.POINT_AT_MODELS_ENDPOINT);
    assertTrue(
        result.message().contains("<html><body>Sign in to the gateway</body></html>"),
        "what was answered: " + result.message());
    assertNoKey(result);
  }

  @Test
  void jsonOfAnotherShapeIsABadResponse() {
    endpoint.answer(200, "application/json", "{\"models\":[\"private-model-v1\"]}");

    ProbeResult result = probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

    assertEquals(Status.BAD_RESPONSE, result.status());
    assertProblem(result, "baseUrl", ProbeHint.POINT_AT_MODELS_ENDPOINT);
  }

  @Test
  void aModelEntryWithoutAnIdIsABadResponse() {
    endpoint.answer(
        200,
        "application/json",
        "{\"object\":\"list\",\"data\":[{\"id\":\"a\"},{\"name\":\"b\"}]}");

    ProbeResult result = probe(provider(endpoint.baseUrl(), KEY, "a"));

    assertEquals(Status.BAD_RESPONSE, result.status());
    assertProblem(result, "baseUrl", ProbeHint.POINT_AT_MODELS_ENDPOINT);
    assertTrue(result.message().contains("data[1]"), "the entry at fault: " + result.message());
  }

  @Test
  void anotherStatusIsABadResponseAndIsNotRetried() {
    endpoint.answer(503, "application/json", "{\"error\":\"overloaded\"}");

    ProbeResult result = probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

    assertEquals(Status.BAD_RESPONSE, result.status());
    assertProblem(result, "baseUrl", ProbeHint.POINT_AT_MODELS_ENDPOINT);
    assertTrue(result.message().contains("HTTP 503"), "the status: " + result.message());
    assertEquals(1, endpoint.requests());
  }

  @Test
  void aRedirectIsNotFollowedSoTheKeyGoesNowhereElse() {
    try (TestModelEndpoint elsewhere = TestModelEndpoint.start(KEY, "private-model-v1")) {
      endpoint.redirectTo(elsewhere.baseUrl() + "/models");

      ProbeResult result = probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

      assertEquals(Status.BAD_RESPONSE, result.status());
      assertProblem(result, "baseUrl", ProbeHint.POINT_AT_MODELS_ENDPOINT);
      assertTrue(
          result.message().contains("to " + elsewhere.baseUrl() + "/models"),
          "where it was sent: " + result.message());
      assertEquals(1, endpoint.requests());
      assertEquals(0, elsewhere.requests());
    }
  }

  @Test
  void aBaseUrlThatIsNotHttpsIsNotAsked() {
    ProbeResult result =
        probe(provider("http://127.0.0.1:" + endpoint.port() + "/v1", KEY, "private-model-v1"));

    assertEquals(Status.UNREACHABLE, result.status());
    assertProblem(result, "baseUrl", ProbeHint.FIX_BASE_URL);
    assertEquals(0, endpoint.requests());
  }

  @Test
  void goesThroughTheProxyGivenInATunnel() throws IOException {
    try (TunnelProxy proxy = new TunnelProxy();
        ModelProbe probe =
            new ModelProbe(
                TIMEOUT, routeTo(proxy.port(), null, null), TestModelEndpoint.trustingContext())) {
      ProbeResult result = probe.probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

      assertEquals(Status.OK, result.status(), result.message());
      assertEquals(
          List.of("CONNECT 127.0.0.1:" + endpoint.port() + " HTTP/1.1"), proxy.requestLines());
      assertEquals(List.of("Bearer " + KEY), endpoint.authorizations());
    }
  }

  @Test
  void aProxyThatAsksForCredentialsGetsItsOwnOnly() throws IOException {
    String proxyAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("proxy-user:proxy-pass".getBytes(StandardCharsets.UTF_8));
    try (TunnelProxy proxy = new TunnelProxy(proxyAuthorization);
        ModelProbe probe =
            new ModelProbe(
                TIMEOUT,
                routeTo(proxy.port(), "proxy-user", "proxy-pass"),
                TestModelEndpoint.trustingContext())) {
      ProbeResult result = probe.probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

      assertEquals(Status.OK, result.status(), result.message());
      String connect = "CONNECT 127.0.0.1:" + endpoint.port() + " HTTP/1.1";
      assertEquals(List.of(connect + " (refused 407)", connect), proxy.requestLines());
      assertEquals(List.of("Bearer " + KEY), endpoint.authorizations());
      assertFalse(result.message().contains("proxy-pass"), result.message());
    }
  }

  @Test
  void anEndpointWithoutARouteIsReachedDirectly() throws IOException {
    try (TunnelProxy proxy = new TunnelProxy();
        ModelProbe probe =
            new ModelProbe(
                TIMEOUT,
                ProxyRoutes.of(
                    Map.of(
                        "elsewhere.example",
                        new ProxySettings("http", "127.0.0.1", proxy.port(), null, null, "test"))),
                TestModelEndpoint.trustingContext())) {
      ProbeResult result = probe.probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

      assertEquals(Status.OK, result.status(), result.message());
      assertEquals(List.of(), proxy.requestLines());
    }
  }

  /** Routes the test endpoint's host (127.0.0.1) through a proxy on loopback {@code port}. */
  private static ProxyRoutes routeTo(int port, String username, String password) {
    return ProxyRoutes.of(
        Map.of(
            "127.0.0.1",
            new ProxySettings(
                "http",
                "127.0.0.1",
                port,
                username,
                password == null ? null : Secret.of(password),
                "the settings.xml proxy 'test'")));
  }

  @Test
  void anUnreachableProxyIsNamed() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    try (ModelProbe probe =
        new ModelProbe(TIMEOUT, routeTo(port, null, null), TestModelEndpoint.trustingContext())) {
      ProbeResult result = probe.probe(provider(endpoint.baseUrl(), KEY, "private-model-v1"));

      assertEquals(Status.UNREACHABLE, result.status());
      assertProblem(result, "baseUrl", ProbeHint.CHECK_REACHABILITY);
      assertTrue(
          result.message().contains("(through the proxy 127.0.0.1:" + port + ")"),
          "the proxy is named: " + result.message());
    }
  }

  @Test
  void theTimeoutMustBePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ModelProbe(Duration.ZERO, ProxyRoutes.NONE, TestModelEndpoint.trustingContext()));
  }
}
