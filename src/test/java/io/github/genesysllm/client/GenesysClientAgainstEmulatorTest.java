package io.github.genesysllm.client;

import static io.github.genesysllm.client.ClientTestSupport.assertProblem;
import static io.github.genesysllm.client.ClientTestSupport.fixOf;
import static io.github.genesysllm.client.ClientTestSupport.providers;
import static io.github.genesysllm.client.ClientTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.emulator.EmulatedClient;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.emulator.JournalEntry;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The HTTP client against the real emulator, not a stub: token renewal, 429 pacing, the mapping of
 * every error the emulator answers, injected faults, paging and redaction, each checked against the
 * emulator's journal of what it received.
 */
class GenesysClientAgainstEmulatorTest {

  private static final String CLIENT_ID = "ci-deployer";
  private static final String CLIENT_SECRET = "ci-deployer-secret-7d41c9";
  private static final String API_KEY = "provider-api-key-2f8e5a";
  private static final String SOURCE = "settings.xml server 'genesys-cloud'";
  private static final String PROVIDERS = ClientOptions.DEFAULT_PROVIDERS_PATH;
  private static final String TOKEN = "/oauth/token";

  private final RecordingLog log = new RecordingLog();
  private final List<Emulator> emulators = new ArrayList<>();
  private final List<GenesysClient> clients = new ArrayList<>();

  /**
   * Secrets of the test beyond the fixed ones (ready tokens), which no message or log line may
   * hold.
   */
  private final List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, API_KEY));

  @AfterEach
  void closeAndCheckTheLogHoldsNoSecret() {
    clients.forEach(GenesysClient::close);
    emulators.forEach(Emulator::close);
    for (String line : log.lines()) {
      assertNoSecret(line);
    }
  }

  // ---- the token

  @Test
  void aRunOfCallsSpanningTheTokensLifetimeRenewsItBeforeItExpires() throws InterruptedException {
    Emulator emulator = emulator(b -> b.tokenTtlSeconds(2));
    Provider seeded = emulator.store().create(settings("Gateway"), Secret.of(API_KEY));
    GenesysClient client = client(emulator);

    long end = System.nanoTime() + Duration.ofMillis(2600).toNanos();
    int calls = 0;
    while (System.nanoTime() - end < 0) {
      assertEquals(seeded.id(), providers(client).get(seeded.id()).id());
      calls++;
      Thread.sleep(100);
    }

    List<JournalEntry> journal = emulator.journal();
    long tokenRequests = count(journal, e -> e.path().equals(TOKEN));
    assertTrue(
        tokenRequests >= 2,
        "a 2 s token is renewed within 2.6 s, asked " + tokenRequests + " times");
    assertEquals(tokenRequests, client.stats().tokenRequests());
    assertEquals(
        calls,
        count(journal, e -> e.method().equals("GET") && Objects.equals(e.status(), 200)),
        "every call answered 200 at the first attempt");
    assertEquals(
        0,
        count(journal, e -> Objects.equals(e.status(), 401)),
        "the token was renewed before the emulator refused it: " + journal);
    assertEquals(0, client.stats().retries());
  }

  @Test
  void aTokenThatExpiresOnTheServerWhileTheClientThinksItValidIsRenewedOnceOn401() {
    Emulator emulator = emulator(b -> b.tokenTtlSeconds(1));
    Provider seeded = emulator.store().create(settings("Gateway"), Secret.of(API_KEY));
    // the GET is held past the token's 1 s lifetime before the emulator looks at its token
    emulator.setFaultScript(
        faults(
            "{\"method\": \"GET\", \"path\": \""
                + PROVIDERS
                + "/*\", \"action\": \"delay\","
                + " \"delayMillis\": 1200, \"times\": 1}"));
    GenesysClient client = client(emulator);

    assertEquals(seeded.id(), providers(client).get(seeded.id()).id());

    List<String> seen =
        emulator.journal().stream()
            .map(e -> e.method() + " " + e.path() + " " + e.status())
            .toList();
    String item = PROVIDERS + "/" + seeded.id();
    assertEquals(
        List.of(
            "POST " + TOKEN + " 200",
            "GET " + item + " 401",
            "POST " + TOKEN + " 200",
            "GET " + item + " 200"),
        seen);
    assertEquals(2, client.stats().tokenRequests());
    assertEquals(1, client.stats().retries());
    assertTrue(
        log.lines().stream().anyMatch(l -> l.contains("401 credentials.expired")),
        log.lines().toString());
  }

  // ---- the rate limit

  @Test
  void callsBeyondTheRateLimitWaitForRetryAfterAndSucceed() {
    Emulator emulator = emulator(b -> b.rateLimit(3).rateWindowSeconds(1));
    Provider seeded = emulator.store().create(settings("Gateway"), Secret.of(API_KEY));
    GenesysClient client = client(emulator);

    for (int i = 0; i < 7; i++) {
      assertEquals(seeded.id(), providers(client).get(seeded.id()).id());
    }

    List<JournalEntry> journal = emulator.journal();
    long refused = count(journal, e -> Objects.equals(e.status(), 429));
    assertTrue(refused >= 1, "7 calls at 3 a second meet the limit: " + journal);
    assertEquals(refused, client.stats().rateLimitedResponses());
    assertEquals(
        refused, client.stats().retries(), "each 429 is retried once, after its Retry-After");
    assertEquals(
        7, count(journal, e -> e.method().equals("GET") && Objects.equals(e.status(), 200)));
    assertTrue(
        log.lines().stream()
            .anyMatch(l -> l.startsWith("INFO 429 on GET") && l.contains("(Retry-After)")),
        log.lines().toString());
  }

  // ---- errors, mapped

  @Test
  void a400ListsEveryBrokenFieldWithTheServersMessageAndCorrelationId() {
    Emulator emulator = emulator(b -> {});
    GenesysClient client = client(emulator);
    // the client does not check what it sends: the emulator's rules do
    ProviderSettings invalid =
        new ProviderSettings(
            "Gateway",
            "CUSTOM",
            "http://inference.private-cloud.internal/v1/",
            "v1",
            30000,
            List.of(new ModelSettings("private-model-v1", "Private Model v1", 0, false)));

    GenesysApiException e = refused(() -> providers(client).create(invalid, Secret.of(API_KEY)));

    assertFalse(e instanceof OutcomeUnknownException, "a 400 was not applied");
    assertEquals(400, e.status());
    assertEquals("invalid.value", e.code());
    assertEquals(List.of("baseUrl", "models[0].maxTokens"), e.detailFields());
    assertCorrelatesWithLastRequest(emulator, "POST", e);
    assertProblem(e, request("POST", PROVIDERS), ClientHint.FIX_PROVIDER_FIELDS);
    assertTrue(e.problem().what().contains(e.serverMessage()), e.getMessage());
    assertTrue(e.serverMessage().contains("models[0].maxTokens"), e.serverMessage());
    assertEquals(0, emulator.store().size());
  }

  @Test
  void aWrongClientSecretIs401InvalidClientWithAHintNamingTheCredentialsSource() {
    Emulator emulator = emulator(b -> {});
    GenesysClient client =
        client(
            emulator,
            OAuthCredentials.clientCredentials(
                CLIENT_ID, Secret.of("wrong-" + CLIENT_SECRET), SOURCE),
            b -> {});
    secrets.add("wrong-" + CLIENT_SECRET);

    GenesysApiException e = refused(providers(client)::listAll);

    assertEquals(401, e.status());
    assertEquals("invalid_client", e.code());
    assertEquals("client not found", e.serverMessage());
    assertCorrelatesWithLastRequest(emulator, "POST", e);
    assertProblem(e, request("POST", emulator.url() + TOKEN), ClientHint.CHECK_CLIENT_CREDENTIALS);
    assertTrue(
        fixOf(e).contains("OAuth client '" + CLIENT_ID + "' with the secret read from " + SOURCE),
        e.getMessage());
    assertEquals(
        List.of("POST " + TOKEN),
        requests(emulator),
        "a refused grant is not asked again, nothing else sent");
  }

  @Test
  void a403ForAReadOnlyClientCreatingNamesTheWriteScope() {
    Emulator emulator =
        emulator(
            b ->
                b.clients(
                    List.of(
                        new EmulatedClient(
                            CLIENT_ID,
                            Secret.of(CLIENT_SECRET),
                            Set.of(EmulatorSettings.SCOPE_READ)))));
    GenesysClient client = client(emulator);

    GenesysApiException e =
        refused(() -> providers(client).create(settings("Gateway"), Secret.of(API_KEY)));

    assertEquals(403, e.status());
    assertEquals("missing.any.permissions", e.code());
    assertTrue(e.serverMessage().contains("[ai:llm:write]"), e.serverMessage());
    assertCorrelatesWithLastRequest(emulator, "POST", e);
    assertProblem(e, request("POST", PROVIDERS), ClientHint.GRANT_PERMISSION);
    assertTrue(fixOf(e).contains("the scope the server names, ai:llm:write"), e.getMessage());
    assertEquals(0, emulator.store().size());
    assertEquals(
        1, count(emulator.journal(), j -> j.method().equals("POST") && j.path().equals(PROVIDERS)));
  }

  @Test
  void a404ForAnUnknownIdSaysTheProviderDoesNotExist() {
    Emulator emulator = emulator(b -> {});
    GenesysClient client = client(emulator);

    GenesysApiException e = refused(() -> providers(client).get("no-such-provider"));

    assertEquals(404, e.status());
    assertEquals("not.found", e.code());
    assertCorrelatesWithLastRequest(emulator, "GET", e);
    assertProblem(e, request("GET", PROVIDERS + "/no-such-provider"), ClientHint.PROVIDER_GONE);
    assertEquals(List.of(Setting.PROVIDERS_PATH), e.problem().fix().settings());
  }

  @Test
  void a409OnANameTakenCaseInsensitivelyNamesTheProviderThatHoldsIt() {
    Emulator emulator = emulator(b -> {});
    Provider holder = emulator.store().create(settings("Private Gateway"), Secret.of(API_KEY));
    GenesysClient client = client(emulator);

    GenesysApiException e =
        refused(() -> providers(client).create(settings("PRIVATE gateway"), Secret.of(API_KEY)));

    assertFalse(e instanceof OutcomeUnknownException);
    assertEquals(409, e.status());
    assertEquals("general.conflict", e.code());
    assertEquals(holder.id(), e.entityId());
    assertTrue(e.is(409, "general.conflict"));
    assertCorrelatesWithLastRequest(emulator, "POST", e);
    assertProblem(e, request("POST", PROVIDERS), ClientHint.CHOOSE_ANOTHER_NAME);
    assertTrue(fixOf(e).contains(holder.id()), e.getMessage());
    assertEquals(1, emulator.store().size());
  }

  @Test
  void a409OnAStaleVersionSaysTheProviderChangedConcurrently() {
    Emulator emulator = emulator(b -> {});
    GenesysClient client = client(emulator);
    Provider created = providers(client).create(settings("Gateway"), Secret.of(API_KEY));
    // someone else updates it: version 2
    emulator.store().update(created.id(), 1, withTimeout(settings("Gateway"), 60000), null);

    GenesysApiException e =
        refused(() -> providers(client).update(created.id(), 1, settings("Gateway"), null));

    assertFalse(
        e instanceof OutcomeUnknownException, "no earlier attempt of this PUT was ambiguous");
    assertEquals(409, e.status());
    assertEquals("version.mismatch", e.code());
    assertCorrelatesWithLastRequest(emulator, "PUT", e);
    assertProblem(e, request("PUT", PROVIDERS + "/" + created.id()), ClientHint.APPLY_AGAIN);
    Provider stored = emulator.store().get(created.id()).orElseThrow();
    assertEquals(2, stored.version());
    assertEquals(60000, stored.settings().timeout(), "the stale update was not applied");
  }

  // ---- injected faults

  @Test
  void a503WithRetryAfterOnAGetIsRetriedAndSucceeds() {
    Emulator emulator = emulator(b -> {});
    Provider seeded = emulator.store().create(settings("Gateway"), Secret.of(API_KEY));
    String item = PROVIDERS + "/" + seeded.id();
    emulator.setFaultScript(
        faults(
            "{\"method\": \"GET\", \"path\": \""
                + item
                + "\", \"action\": \"status\","
                + " \"status\": 503, \"retryAfter\": \"1\", \"times\": 1}"));
    GenesysClient client = client(emulator);

    assertEquals(seeded.id(), providers(client).get(seeded.id()).id());

    List<JournalEntry> gets =
        emulator.journal().stream().filter(e -> e.path().equals(item)).toList();
    assertEquals(2, gets.size(), gets.toString());
    assertEquals(503, gets.get(0).status());
    assertEquals("status", gets.get(0).fault());
    assertEquals(200, gets.get(1).status());
    assertEquals(1, client.stats().retries());
    assertTrue(
        log.lines().stream()
            .anyMatch(l -> l.startsWith("WARN 503 on GET " + item) && l.contains("(Retry-After)")),
        log.lines().toString());
  }

  @Test
  void aCreateWhoseConnectionDropsAfterTheCommitIsAnOutcomeUnknownAndIsNotSentAgain() {
    Emulator emulator = emulator(b -> {});
    emulator.setFaultScript(
        faults(
            "{\"method\": \"POST\", \"path\": \""
                + PROVIDERS
                + "\", \"action\": \"commitThenDrop\","
                + " \"times\": 1}"));
    GenesysClient client = client(emulator);

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> providers(client).create(settings("Gateway"), Secret.of(API_KEY)));

    assertNoSecret(e);
    assertProblem(e, request("POST", PROVIDERS), ClientHint.SETTLE_BY_LOOKUP);
    List<JournalEntry> posts =
        emulator.journal().stream()
            .filter(j -> j.method().equals("POST") && j.path().equals(PROVIDERS))
            .toList();
    assertEquals(1, posts.size(), "the POST was not sent again: " + posts);
    assertTrue(posts.get(0).dropped());
    assertEquals(1, emulator.store().size(), "the provider exists exactly once");
    assertEquals(
        "Gateway",
        providers(client).findByName("gateway").orElseThrow().name(),
        "a read-back settles it");
  }

  @Test
  void
      anUpdateWhoseConnectionDropsAfterTheCommitIsResentAndItsStaleVersionMakesTheOutcomeUnknown() {
    Emulator emulator = emulator(b -> {});
    Provider stored = emulator.store().create(settings("Gateway"), Secret.of(API_KEY));
    String item = PROVIDERS + "/" + stored.id();
    emulator.setFaultScript(
        faults(
            "{\"method\": \"PUT\", \"path\": \""
                + item
                + "\", \"action\": \"commitThenDrop\","
                + " \"times\": 1}"));
    GenesysClient client = client(emulator);

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () ->
                providers(client)
                    .update(stored.id(), 1, withTimeout(settings("Gateway"), 60000), null));

    assertNoSecret(e);
    assertProblem(e, request("PUT", item), ClientHint.SETTLE_BY_READING);
    List<JournalEntry> puts =
        emulator.journal().stream().filter(j -> j.method().equals("PUT")).toList();
    assertEquals(2, puts.size(), "a PUT is resent after a drop: " + puts);
    assertTrue(puts.get(0).dropped());
    assertEquals(409, puts.get(1).status());
    assertEquals(
        2, emulator.store().get(stored.id()).orElseThrow().version(), "applied exactly once");
  }

  @Test
  void aDeleteWhoseConnectionDropsAfterTheCommitIsResentAndIts404CountsAsDone() {
    Emulator emulator = emulator(b -> {});
    Provider stored = emulator.store().create(settings("Gateway"), Secret.of(API_KEY));
    String item = PROVIDERS + "/" + stored.id();
    emulator.setFaultScript(
        faults(
            "{\"method\": \"DELETE\", \"path\": \""
                + item
                + "\", \"action\": \"commitThenDrop\","
                + " \"times\": 1}"));
    GenesysClient client = client(emulator);

    providers(client).delete(stored.id());

    List<JournalEntry> deletes =
        emulator.journal().stream().filter(j -> j.method().equals("DELETE")).toList();
    assertEquals(2, deletes.size(), deletes.toString());
    assertTrue(deletes.get(0).dropped());
    assertEquals(404, deletes.get(1).status());
    assertEquals(0, emulator.store().size());
  }

  // ---- paging

  @Test
  void listAllReadsEveryPageInCreationOrderWithOneRequestPerHundred() {
    Emulator emulator = emulator(b -> {});
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 205; i++) {
      String name = String.format("Provider %03d", i);
      emulator.store().create(settings(name), Secret.of(API_KEY));
      names.add(name);
    }
    GenesysClient client = client(emulator);

    List<Provider> all = providers(client).listAll();

    assertEquals(names, all.stream().map(Provider::name).toList());
    List<String> listings =
        emulator.journal().stream()
            .filter(e -> e.method().equals("GET") && e.path().startsWith(PROVIDERS + "?"))
            .map(JournalEntry::path)
            .toList();
    assertEquals(
        List.of(
            PROVIDERS + "?pageSize=100&pageNumber=1",
            PROVIDERS + "?pageSize=100&pageNumber=2",
            PROVIDERS + "?pageSize=100&pageNumber=3"),
        listings);
  }

  // ---- secrets

  @Test
  void serverTextEchoingTheClientSecretTheApiKeyOrTheTokenIsWithheldFromMessages() {
    Emulator emulator = emulator(b -> {});
    String token = grantToken(emulator);
    secrets.add(token);
    emulator.setFaultScript(
        faults(
            respond(
                TOKEN,
                400,
                "{\"error\": \"invalid_request\", \"error_description\": \"secret "
                    + CLIENT_SECRET
                    + " is not accepted\"}"),
            respond(
                PROVIDERS,
                409,
                "{\"code\": \"general.conflict\", \"status\": 409, \"message\": \"key "
                    + API_KEY
                    + " is taken\", \"entityId\": \"x\", \"details\": [], \"errors\": []}"),
            respond(
                PROVIDERS + "/p1",
                400,
                "{\"code\": \"bad.request\", \"status\": 400, \"message\": \"token "
                    + token
                    + " is odd\", \"details\": [{\"errorCode\": \"invalid.value\", \"fieldName\": \""
                    + token
                    + "\"}]}")));
    GenesysClient withSecret = client(emulator);
    GenesysClient withToken =
        client(
            emulator,
            OAuthCredentials.accessToken(
                Secret.of(token), "environment variable " + "GENESYSCLOUD_ACCESS_TOKEN"),
            b -> {});

    GenesysApiException grant = refused(providers(withSecret)::listAll);
    GenesysApiException create =
        refused(() -> providers(withToken).create(settings("Gateway"), Secret.of(API_KEY)));
    GenesysApiException get = refused(() -> providers(withToken).get("p1"));

    for (GenesysApiException e : List.of(grant, create, get)) {
      assertTrue(e.getMessage().contains("(withheld: it contained a secret)"), e.getMessage());
    }
    assertEquals(400, grant.status());
    assertEquals(409, create.status());
    assertEquals(400, get.status());
  }

  @Test
  void anUnknownReadyTokenIs401BadCredentialsWithoutTheTokenInTheMessage() {
    Emulator emulator = emulator(b -> {});
    String token = "ready-token-the-emulator-never-issued-61c2";
    secrets.add(token);
    GenesysClient client =
        client(
            emulator,
            OAuthCredentials.accessToken(
                Secret.of(token), "environment variable GENESYSCLOUD_ACCESS_TOKEN"),
            b -> {});

    GenesysApiException e = refused(providers(client)::listAll);

    assertEquals(401, e.status());
    assertEquals("bad.credentials", e.code());
    assertCorrelatesWithLastRequest(emulator, "GET", e);
    assertProblem(
        e, request("GET", PROVIDERS + "?pageSize=100&pageNumber=1"), ClientHint.RENEW_ACCESS_TOKEN);
    assertEquals(
        List.of("GET " + PROVIDERS + "?pageSize=100&pageNumber=1"),
        requests(emulator),
        "a ready token is not renewed, so the 401 is not retried");
  }

  // ---- helpers

  private Emulator emulator(Consumer<EmulatorSettings.Builder> tweaks) {
    EmulatorSettings.Builder settings =
        EmulatorSettings.builder()
            .client(
                EmulatedClient.of(
                    CLIENT_ID,
                    CLIENT_SECRET,
                    EmulatorSettings.SCOPE_READ,
                    EmulatorSettings.SCOPE_WRITE));
    tweaks.accept(settings);
    try {
      Emulator emulator = Emulator.start(settings.build());
      emulators.add(emulator);
      return emulator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GenesysClient client(Emulator emulator) {
    return client(
        emulator,
        OAuthCredentials.clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET), SOURCE),
        b -> {});
  }

  /**
   * A client of the emulator: 5 s timeout, a 10 s retry budget, short backoff, no client-side
   * pacing.
   */
  private GenesysClient client(
      Emulator emulator, OAuthCredentials credentials, Consumer<ClientOptions.Builder> tweaks) {
    ClientOptions.Builder options =
        ClientOptions.builder()
            .timeout(Duration.ofSeconds(5))
            .maxRetryTime(Duration.ofSeconds(10))
            .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
            .maxRequestsPerMinute(0);
    tweaks.accept(options);
    GenesysClient client =
        new GenesysClient(
            GenesysHosts.resolve(null, emulator.url().toString(), null),
            credentials,
            options.build(),
            log);
    clients.add(client);
    return client;
  }

  private static ProviderSettings settings(String name) {
    return new ProviderSettings(
        name,
        "CUSTOM",
        "https://inference.private-cloud.internal/api/v1",
        "v1",
        30000,
        List.of(new ModelSettings("private-model-v1", "Private Model v1", 8192, true)));
  }

  private static ProviderSettings withTimeout(ProviderSettings s, int timeout) {
    return new ProviderSettings(
        s.name(), s.providerType(), s.baseUrl(), s.apiVersion(), timeout, s.models());
  }

  private static FaultScript faults(String... rules) {
    return FaultScript.parse("{\"rules\": [" + String.join(", ", rules) + "]}", "of the test");
  }

  private static String respond(String path, int status, String body) {
    return "{\"path\": \""
        + path
        + "\", \"action\": \"respond\", \"status\": "
        + status
        + ", \"body\": "
        + body
        + "}";
  }

  /** Asks the emulator for a token as any caller would, for tests that use a ready token. */
  private String grantToken(Emulator emulator) {
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(emulator.url().resolve(TOKEN))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      return ProviderJson.MAPPER.readTree(response.body()).get("access_token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The call's failure, which must be a GenesysApiException holding no secret. */
  private GenesysApiException refused(Executable call) {
    GenesysApiException e = assertThrows(GenesysApiException.class, call);
    assertNoSecret(e);
    return e;
  }

  /**
   * The exception's correlation id is that of the emulator's answer to the last request with that
   * method.
   */
  private static void assertCorrelatesWithLastRequest(
      Emulator emulator, String method, GenesysApiException e) {
    List<JournalEntry> journal = emulator.journal();
    JournalEntry last =
        journal.stream().filter(j -> j.method().equals(method)).reduce((a, b) -> b).orElseThrow();
    assertTrue(last.correlationId() != null && !last.correlationId().isEmpty(), last.toString());
    assertEquals(last.correlationId(), e.correlationId());
  }

  private void assertNoSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertNoSecret(String.valueOf(t.getMessage()));
    }
    if (e instanceof GenesysApiException api) {
      assertNoSecret(String.valueOf(api.serverMessage()));
      api.detailFields().forEach(this::assertNoSecret);
    }
  }

  private void assertNoSecret(String text) {
    for (String secret : secrets) {
      assertFalse(text.contains(secret), () -> "a secret shows in: " + text);
    }
  }

  private static List<String> requests(Emulator emulator) {
    return emulator.journal().stream().map(e -> e.method() + " " + e.path()).toList();
  }

  private static long count(List<JournalEntry> journal, Predicate<JournalEntry> filter) {
    return journal.stream().filter(filter).count();
  }
}
