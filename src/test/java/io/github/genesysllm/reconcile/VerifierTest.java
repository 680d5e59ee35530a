package io.github.genesysllm.reconcile;

import static io.github.genesysllm.reconcile.Fixtures.desired;
import static io.github.genesysllm.reconcile.Fixtures.settings;
import static io.github.genesysllm.reconcile.Fixtures.withModels;
import static io.github.genesysllm.reconcile.Fixtures.withName;
import static io.github.genesysllm.reconcile.Fixtures.withTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.ProxyRoutes;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.probe.ProbeResult;
import io.github.genesysllm.probe.TestModelEndpoint;
import io.github.genesysllm.probe.TrustStoreProperties;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.providers.ProvidersApi;
import io.github.genesysllm.targets.providers.ProvidersTarget;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerifierTest {

  private static final String NAME = "Private Foundation Model Gateway";
  private static final ModelSettings M1 =
      new ModelSettings("private-model-v1", "Private Model v1", 8192, true);
  private static final ModelSettings M2 =
      new ModelSettings("private-model-v2", "Private Model v2", 32_768, false);

  private final FakeProvidersApi api = new FakeProvidersApi();
  private final RecordingLog log = new RecordingLog();

  /** The model probe of these tests, trusting the test endpoint's certificate. */
  private static final ProbeSettings PROBE =
      new ProbeSettings(
          Duration.ofSeconds(5), ProxyRoutes.NONE, TestModelEndpoint.trustingContext());

  private Verifier verifier(ProvidersApi providers) {
    return new Verifier(new ProvidersTarget(providers, log), log);
  }

  /** What the providers target's probe found: a model probe's result. */
  private static ProbeResult probeOf(ProviderVerification verification) {
    return (ProbeResult) verification.probe();
  }

  private VerifyResult verify(DesiredProvider... desired) {
    return verifier(api).verify(List.of(desired));
  }

  private static ProviderSettings edit(UnaryOperator<ProviderSettings> edit) {
    return edit.apply(settings(NAME));
  }

  @Test
  void aProbeThatCannotStartStopsVerifyBeforeTheOrganizationIsRead() {
    api.seed(settings(NAME), Fixtures.keyOf(NAME));
    ProbeSettings systemTrust = new ProbeSettings(Duration.ofSeconds(5), ProxyRoutes.NONE, null);
    ProbeUnavailableException e;
    try (TrustStoreProperties trust = new TrustStoreProperties()) {
      trust.trustStore("/no/such/dir/truststore.p12");

      e =
          assertThrows(
              ProbeUnavailableException.class,
              () -> verifier(api).verify(List.of(desired(NAME)), systemTrust));
    }

    assertInstanceOf(IllegalArgumentException.class, e.getCause(), "the reason is kept");
    assertEquals(1, e.problems().size());
    assertTrue(
        e.problems().get(0).what().endsWith(e.getCause().getMessage()),
        "the reason, said to stop the probe: " + e.problems().get(0));
    assertEquals(0, api.calls(FakeProvidersApi.Op.LIST_ALL), "nothing was read");
  }

  @Test
  void aProviderAsConfiguredMatchesAndNothingIsSentButTheListing() {
    Provider seeded = api.seed(settings(NAME), Fixtures.keyOf(NAME));

    VerifyResult result = verify(desired(NAME));

    ProviderVerification only = result.providers().get(0);
    assertEquals(
        new ProviderVerification(NAME, seeded.id(), VerifyStatus.MATCHES, List.of(), null), only);
    assertFalse(result.hasDrift());
    assertFalse(result.hasFailures());
    assertEquals(1, api.calls(FakeProvidersApi.Op.LIST_ALL));
    for (FakeProvidersApi.Op op :
        List.of(
            FakeProvidersApi.Op.FIND_BY_NAME,
            FakeProvidersApi.Op.GET,
            FakeProvidersApi.Op.CREATE,
            FakeProvidersApi.Op.UPDATE,
            FakeProvidersApi.Op.DELETE)) {
      assertEquals(0, api.calls(op), op.name());
    }
    assertEquals("1 matching, 0 drifted, 0 missing", result.summary());
    assertEquals(
        "1 matching, 0 drifted, 0 missing", log.lines("INFO").get(log.lines("INFO").size() - 1));
  }

  static Stream<Arguments> drifts() {
    return Stream.of(
        Arguments.of(
            "providerType",
            edit(
                s ->
                    new ProviderSettings(
                        s.name(), "LEGACY", s.baseUrl(), s.apiVersion(), s.timeout(), s.models())),
            new Difference("providerType", "CUSTOM", "LEGACY")),
        Arguments.of(
            "baseUrl",
            edit(
                s ->
                    new ProviderSettings(
                        s.name(),
                        s.providerType(),
                        "https://other.internal/v1",
                        s.apiVersion(),
                        s.timeout(),
                        s.models())),
            new Difference(
                "baseUrl",
                "https://inference.private-cloud.internal/api/v1",
                "https://other.internal/v1")),
        Arguments.of(
            "apiVersion",
            edit(
                s ->
                    new ProviderSettings(
                        s.name(), s.providerType(), s.baseUrl(), "v2", s.timeout(), s.models())),
            new Difference("apiVersion", "v1", "v2")),
        Arguments.of(
            "timeout",
            edit(s -> withTimeout(s, 60_000)),
            new Difference("timeout", "30000", "60000")),
        Arguments.of(
            "name case",
            edit(s -> withName(s, NAME.toUpperCase())),
            new Difference("name", NAME, NAME.toUpperCase())),
        Arguments.of(
            "model name",
            edit(
                s -> withModels(s, List.of(new ModelSettings(M1.id(), "Renamed", 8192, true), M2))),
            new Difference("models[private-model-v1].name", "Private Model v1", "Renamed")),
        Arguments.of(
            "model maxTokens",
            edit(
                s -> withModels(s, List.of(new ModelSettings(M1.id(), M1.name(), 4096, true), M2))),
            new Difference("models[private-model-v1].maxTokens", "8192", "4096")),
        Arguments.of(
            "model streaming",
            edit(
                s ->
                    withModels(
                        s, List.of(M1, new ModelSettings(M2.id(), M2.name(), 32_768, true)))),
            new Difference("models[private-model-v2].supportsStreaming", "false", "true")),
        Arguments.of(
            "model missing on the server",
            edit(s -> withModels(s, List.of(M1))),
            new Difference(
                "models[private-model-v2]",
                "name=Private Model v2, maxTokens=32768, supportsStreaming=false",
                Difference.ABSENT)),
        Arguments.of(
            "model only on the server",
            edit(
                s ->
                    withModels(
                        s,
                        List.of(M1, M2, new ModelSettings("legacy-model", "Legacy", 2048, false)))),
            new Difference(
                "models[legacy-model]",
                Difference.ABSENT,
                "name=Legacy, maxTokens=2048, supportsStreaming=false")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drifts")
  void aFieldThatDiffersIsDrift(String what, ProviderSettings onServer, Difference expected) {
    Provider seeded = api.seed(onServer, Fixtures.keyOf(NAME));

    VerifyResult result = verify(desired(NAME));

    ProviderVerification only = result.providers().get(0);
    assertEquals(VerifyStatus.DRIFTED, only.status());
    assertEquals(seeded.id(), only.id());
    assertEquals(List.of(expected), only.differences());
    assertTrue(result.hasDrift());
    assertTrue(result.hasFailures());
    assertTrue(log.text().contains(expected.field()), log.text());
    assertEquals("WARN 0 matching, 1 drifted, 0 missing", log.lines().get(log.lines().size() - 1));
    assertEquals(List.of(), api.writes());
  }

  @Test
  void aProviderWithoutAStoredKeyIsDrift() {
    Provider seeded = api.seed(settings(NAME), Fixtures.keyOf(NAME));

    VerifyResult result = verifier(withoutStoredKeys(api)).verify(List.of(desired(NAME)));

    assertEquals(
        new ProviderVerification(
            NAME,
            seeded.id(),
            VerifyStatus.DRIFTED,
            List.of(new Difference("apiKeyConfigured", "true", "false")),
            null),
        result.providers().get(0));
  }

  @Test
  void modelsInAnotherOrderMatch() {
    api.seed(withModels(settings(NAME), List.of(M2, M1)), Fixtures.keyOf(NAME));

    assertEquals(VerifyStatus.MATCHES, verify(desired(NAME)).providers().get(0).status());
  }

  @Test
  void aProviderOfThatNameInAnotherCaseIsFoundNotMissing() {
    api.seed(withName(settings(NAME), NAME.toLowerCase()), Fixtures.keyOf(NAME));

    ProviderVerification only = verify(desired(NAME)).providers().get(0);

    assertEquals(VerifyStatus.DRIFTED, only.status());
    assertEquals(List.of(new Difference("name", NAME, NAME.toLowerCase())), only.differences());
  }

  @Test
  void anAbsentProviderIsMissingAndOthersAreCountedNotChecked() {
    Provider first = api.seed(settings("First"), Fixtures.keyOf("First"));
    api.seed(withTimeout(settings("Bystander"), 99_000), Fixtures.keyOf("Bystander"));

    VerifyResult result = verify(desired("First"), desired("Second Gateway"));

    assertEquals(
        List.of(
            new ProviderVerification("First", first.id(), VerifyStatus.MATCHES, List.of(), null),
            new ProviderVerification(
                "Second Gateway", null, VerifyStatus.MISSING, List.of(), null)),
        result.providers());
    assertEquals(1, result.otherProviders());
    assertTrue(result.hasDrift());
    assertEquals(
        "1 matching, 0 drifted, 1 missing; 1 other provider not checked", result.summary());
  }

  @Test
  void twoConfiguredProvidersWithTheSameNameIgnoringCaseAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> verify(desired("Gateway"), desired("GATEWAY")));
  }

  @Test
  void theTableShowsEachDifferenceWithBothValuesInAlignedColumns() {
    api.seed(
        withModels(
            withTimeout(settings(NAME), 60_000),
            List.of(new ModelSettings(M1.id(), M1.name(), 4096, true), M2)),
        Fixtures.keyOf(NAME));
    api.seed(settings("Third"), Fixtures.keyOf("Third"));

    VerifyResult result = verify(desired(NAME), desired("Second Gateway"), desired("Third"));

    assertEquals(
        List.of(
            "Provider                          Status   Field                               Expected  Actual",
            "Private Foundation Model Gateway  DRIFTED  timeout                             30000     60000",
            "                                           models[private-model-v1].maxTokens  8192      4096",
            "Second Gateway                    MISSING",
            "Third                             MATCHES"),
        result.table());
    assertEquals(result.table(), log.lines("INFO").subList(0, 5));
  }

  @Test
  void longValuesAreShortenedInTheMiddleFieldsNeverAndTheReportKeepsThemWhole() {
    String longUrl =
        "https://inference.private-cloud.internal/a/very/long/path/to/the/gateway/of/models/api/v1";
    String longId = "a-model-whose-id-is-long-enough-to-be-the-widest-thing-in-the-table";
    ModelSettings longModel = new ModelSettings(longId, "Long", 1024, false);
    api.seed(
        new ProviderSettings(NAME, "CUSTOM", longUrl, "v1", 30_000, List.of(M1, M2, longModel)),
        Fixtures.keyOf(NAME));

    VerifyResult result = verify(desired(NAME));

    List<String> table = result.table();
    assertTrue(
        table
            .get(1)
            .endsWith(
                "  https://inference.private-cloud.internal/api/v1  "
                    + "https://inference.private-cl.../the/gateway/of/models/api/v1"),
        table.get(1));
    assertTrue(
        table
            .get(2)
            .matches(
                " +models\\["
                    + longId
                    + "\\]  \\(absent\\) +name=Long, maxTokens=1024, supportsStreaming=false"),
        table.get(2));
    assertEquals(
        "(names and values longer than 60 characters are shortened here; the verify report has them whole)",
        table.get(table.size() - 1));
    assertEquals(longUrl, result.toReport().at("/providers/0/differences/0/actual").asText());
  }

  @Test
  void shorteningKeepsTheStartAndTheEnd() {
    String shortened = VerifyResult.shorten("a".repeat(40) + "b".repeat(40));

    assertEquals(VerifyResult.MAX_CELL, shortened.length());
    assertEquals("a".repeat(28) + "..." + "b".repeat(29), shortened);
    assertEquals("short", VerifyResult.shorten("short"));
  }

  @Test
  void theReportHasEachProviderAndTheCounts() {
    Provider drifted = api.seed(withTimeout(settings(NAME), 60_000), Fixtures.keyOf(NAME));

    JsonNode report = verify(desired(NAME), desired("Second Gateway")).toReport();

    assertEquals(
        "{\"name\":\""
            + NAME
            + "\",\"id\":\""
            + drifted.id()
            + "\",\"status\":\"DRIFTED\",\"differences\":"
            + "[{\"field\":\"timeout\",\"expected\":\"30000\",\"actual\":\"60000\"}]}",
        report.get("providers").get(0).toString());
    assertEquals(
        "{\"name\":\"Second Gateway\",\"status\":\"MISSING\",\"differences\":[]}",
        report.get("providers").get(1).toString());
    assertEquals(
        "{\"matches\":0,\"drifted\":1,\"missing\":1,\"ambiguous\":0,\"probed\":0,\"probeFailures\":0,\"otherProviders\":0,"
            + "\"text\":\"0 matching, 1 drifted, 1 missing\"}",
        report.get("summary").toString());
  }

  // ---- with the model probe

  @Test
  void aProbeOfEveryExistingProviderIsInTheResultTheTableAndTheReport() {
    try (TestModelEndpoint endpoint =
        TestModelEndpoint.start(Fixtures.keyOf(NAME).reveal(), M1.id(), M2.id())) {
      ProviderSettings atEndpoint = withBaseUrl(settings(NAME), endpoint.baseUrl());
      api.seed(atEndpoint, Fixtures.keyOf(NAME));

      VerifyResult result =
          verifier(api)
              .verify(
                  List.of(
                      desired(atEndpoint),
                      desired(withBaseUrl(settings("Second Gateway"), endpoint.baseUrl()))),
                  PROBE);

      assertEquals(ProbeResult.Status.OK, probeOf(result.providers().get(0)).status());
      assertNull(result.providers().get(1).probe(), "a missing provider is not probed");
      assertEquals(List.of("Bearer " + Fixtures.keyOf(NAME).reveal()), endpoint.authorizations());
      assertEquals(1, result.probed());
      assertFalse(result.providers().get(0).probeFailed());
      assertTrue(
          result
              .table()
              .get(1)
              .matches(
                  "Private Foundation Model Gateway  MATCHES  probe  +OK: the endpoint lists all"
                      + " 2 configured models \\(it serves 2\\)"),
          result.table().get(1));
      assertEquals("OK", result.toReport().at("/providers/0/probe/status").asText());
      assertEquals(
          "1 matching, 0 drifted, 1 missing; models probed: 1 OK, 0 failed", result.summary());
    }
  }

  @Test
  void aFailedProbeFailsVerificationThoughNothingDrifted() {
    try (TestModelEndpoint endpoint =
        TestModelEndpoint.start("sk-the-key-the-endpoint-wants", M1.id(), M2.id())) {
      ProviderSettings atEndpoint = withBaseUrl(settings(NAME), endpoint.baseUrl());
      api.seed(atEndpoint, Fixtures.keyOf(NAME));

      VerifyResult result = verifier(api).verify(List.of(desired(atEndpoint)), PROBE);

      ProviderVerification only = result.providers().get(0);
      assertEquals(VerifyStatus.MATCHES, only.status());
      assertEquals(ProbeResult.Status.UNAUTHORIZED, probeOf(only).status());
      assertTrue(only.probeFailed());
      assertFalse(result.hasDrift());
      assertTrue(result.hasFailures());
      assertTrue(
          result
              .table()
              .get(1)
              .contains("probe  UNAUTHORIZED: the endpoint refused the API key (HTTP 401"),
          result.table().get(1));
      assertEquals("UNAUTHORIZED", result.toReport().at("/providers/0/probe/status").asText());
      assertEquals(1, result.toReport().at("/summary/probeFailures").asInt());
      assertEquals(List.of(probeOf(only).problem()), result.probeProblems());
      assertEquals(new Place.OfProvider(NAME, "apiKey"), result.probeProblems().get(0).where());
      assertEquals(
          "WARN 1 matching, 0 drifted, 0 missing; models probed: 0 OK, 1 failed",
          log.lines().get(log.lines().size() - 1));
      String everything = log.text() + result.toReport() + result.table();
      assertFalse(everything.contains(Fixtures.keyOf(NAME).reveal()), everything);
    }
  }

  @Test
  void aDriftedProviderIsProbedToo() {
    try (TestModelEndpoint endpoint =
        TestModelEndpoint.start(Fixtures.keyOf(NAME).reveal(), M1.id())) {
      ProviderSettings atEndpoint = withBaseUrl(settings(NAME), endpoint.baseUrl());
      api.seed(withTimeout(atEndpoint, 60_000), Fixtures.keyOf(NAME));

      VerifyResult result = verifier(api).verify(List.of(desired(atEndpoint)), PROBE);

      ProviderVerification only = result.providers().get(0);
      assertEquals(VerifyStatus.DRIFTED, only.status());
      assertEquals(ProbeResult.Status.MODELS_MISSING, probeOf(only).status());
      assertEquals(List.of(M2.id()), probeOf(only).missingModels());
      assertTrue(
          result
              .table()
              .get(2)
              .matches(" +probe  +MODELS_MISSING: the endpoint does not list private-model-v2.*"),
          result.table().get(2));
    }
  }

  private static ProviderSettings withBaseUrl(ProviderSettings s, String baseUrl) {
    return new ProviderSettings(
        s.name(), s.providerType(), baseUrl, s.apiVersion(), s.timeout(), s.models());
  }

  /** The fake's providers as if none had a key stored. */
  private static ProvidersApi withoutStoredKeys(FakeProvidersApi fake) {
    return (ProvidersApi)
        Proxy.newProxyInstance(
            ProvidersApi.class.getClassLoader(),
            new Class<?>[] {ProvidersApi.class},
            (proxy, method, args) -> {
              Object answer = method.invoke(fake, args);
              if (method.getName().equals("listAll")) {
                return ((List<?>) answer)
                    .stream()
                        .map(p -> (Provider) p)
                        .map(
                            p ->
                                new Provider(
                                    p.id(),
                                    p.settings(),
                                    false,
                                    p.version(),
                                    p.dateCreated(),
                                    p.dateModified(),
                                    p.selfUri()))
                        .toList();
              }
              return answer;
            });
  }

  @Test
  void theKeyOfAProviderIsNeverNeededWithoutAProbe() {
    api.seed(settings(NAME), Fixtures.keyOf(NAME));
    DesiredProvider keyed =
        new DesiredProvider(
            settings(NAME), Secret.of("sk-never-shown-123"), new Place.InlineProvider(1));

    VerifyResult result = verifier(api).verify(List.of(keyed));

    assertFalse((log.text() + result.toReport() + result.table()).contains("sk-never-shown-123"));
  }
}
