package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.HintKey;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.providers.ProvidersClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the client's tests share: a stub server granting tokens, fake time, a recording log, a
 * client built on them, and a check after every test that no secret reached the log.
 */
abstract class ClientTestSupport {

  static final String CLIENT_ID = "ci-deployer-id";
  static final String CLIENT_SECRET = "client-secret-value-42";
  static final String API_KEY = "provider-api-key-value-7";
  static final String SOURCE = "settings.xml server 'genesys-cloud'";
  static final String PROVIDERS = ClientOptions.DEFAULT_PROVIDERS_PATH;
  static final String ID = "6f1c2a4e-0b7d-4c83-9f3e-2a1b5c6d7e8f";

  StubServer stub;
  FakeTime time;
  RecordingLog log;
  private final List<GenesysClient> clients = new ArrayList<>();

  @BeforeEach
  void startStub() {
    stub = StubServer.start();
    stub.grantTokens(86399);
    time = new FakeTime();
    log = new RecordingLog();
  }

  @AfterEach
  void closeAndCheckLogHasNoSecret() {
    clients.forEach(GenesysClient::close);
    stub.close();
    for (String line : log.lines()) {
      for (String secret :
          List.of(CLIENT_SECRET, API_KEY, "token-1", "token-2", "ready-token-value")) {
        assertFalse(line.contains(secret), "a log line holds a secret: " + line);
      }
    }
  }

  /** The provider resource through {@code client}: what most tests call to exercise the client. */
  static ProvidersClient providers(GenesysClient client) {
    return new ProvidersClient(client);
  }

  /**
   * A client of the stub with OAuth client credentials, fake time, no pacing, jitter 0.5, 5 s
   * timeout.
   */
  GenesysClient client() {
    return client(b -> {});
  }

  GenesysClient client(Consumer<ClientOptions.Builder> tweaks) {
    return client(
        OAuthCredentials.clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET), SOURCE), tweaks);
  }

  GenesysClient client(OAuthCredentials credentials, Consumer<ClientOptions.Builder> tweaks) {
    return client(GenesysHosts.resolve(null, stub.url(), null), credentials, tweaks);
  }

  GenesysClient client(
      GenesysHosts hosts, OAuthCredentials credentials, Consumer<ClientOptions.Builder> tweaks) {
    ClientOptions.Builder options =
        ClientOptions.builder()
            .timeout(Duration.ofSeconds(5))
            .timeSource(time)
            .jitter(() -> 0.5)
            .maxRequestsPerMinute(0);
    tweaks.accept(options);
    GenesysClient client = new GenesysClient(hosts, credentials, options.build(), log);
    clients.add(client);
    return client;
  }

  static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  static ProviderSettings settings(String name) {
    return new ProviderSettings(
        name,
        "CUSTOM",
        "https://inference.private-cloud.internal/api/v1",
        "v1",
        30000,
        List.of(new ModelSettings("private-model-v1", "Private Model v1", 8192, true)));
  }

  static String providerJson(String id, String name) {
    return ProviderJson.toRepresentation(
            new Provider(
                id,
                settings(name),
                true,
                1,
                "2026-11-27T01:02:03.000Z",
                "2026-11-27T01:02:03.000Z",
                PROVIDERS + "/" + id))
        .toString();
  }

  /** A listing page; {@code nextUri} present when {@code hasNext}. */
  static String listing(boolean hasNext, String... entities) {
    return "{\"entities\":["
        + String.join(",", entities)
        + "],\"pageSize\":100,\"pageNumber\":1"
        + (hasNext ? ",\"nextUri\":\"" + PROVIDERS + "?pageSize=100&pageNumber=2\"" : "")
        + "}";
  }

  /** Asserts where the problem of {@code e} is and which fix it suggests. */
  static void assertProblem(GenesysApiException e, Place where, HintKey hint) {
    assertEquals(where, e.problem().where(), e.getMessage());
    assertEquals(hint, e.problem().hint(), e.getMessage());
  }

  /** A request as problems place it. */
  static Place.Request request(String method, String path) {
    return new Place.Request(method, path);
  }

  /** The fix of {@code e}'s problem in the plugin's own words. */
  static String fixOf(GenesysApiException e) {
    return e.problem().fix().render(Wording.PLAIN);
  }

  /** Asserts that no secret value occurs in a message. */
  static void assertNoSecret(String message) {
    for (String secret :
        List.of(CLIENT_SECRET, API_KEY, "token-1", "token-2", "ready-token-value")) {
      assertFalse(message.contains(secret), "the message holds a secret: " + message);
    }
  }
}
