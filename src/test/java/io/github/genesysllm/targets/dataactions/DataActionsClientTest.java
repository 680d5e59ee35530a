package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.client.StubServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.client.FakeTime;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.GenesysHosts;
import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.client.StubServer;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.secret.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The data-actions client against a scripted loopback server: paths, bodies, paging, settling. */
class DataActionsClientTest {

  private static final String KEY = "sk-test-key-value-9";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String INTEGRATION = "int-1";
  private static final Place AT = new Place.OfProvider("Acme", ProviderProvisioning.INTEGRATION);
  private static final String ACTION = "custom_-_5b0c";

  private StubServer stub;
  private FakeTime time;
  private RecordingLog log;
  private GenesysClient genesys;
  private DataActionsClient api;
  private Settling settling;

  @BeforeEach
  void start() {
    stub = StubServer.start();
    time = new FakeTime();
    log = new RecordingLog();
    genesys =
        new GenesysClient(
            GenesysHosts.resolve(null, stub.url(), null),
            OAuthCredentials.accessToken(Secret.of("ready-token-value"), "the test"),
            ClientOptions.builder()
                .timeout(Duration.ofSeconds(5))
                .timeSource(time)
                .jitter(() -> 0.5)
                .maxRequestsPerMinute(0)
                .build(),
            log);
    api = new DataActionsClient(genesys);
    settling = new Settling(api, Settling.patienceOf(genesys));
  }

  @AfterEach
  void stop() {
    genesys.close();
    stub.close();
    for (String line : log.lines()) {
      assertFalse(line.contains(KEY), "a log line holds the key: " + line);
    }
  }

  private static String page(int pageCount, String... entities) {
    return "{\"entities\":[" + String.join(",", entities) + "],\"pageCount\":" + pageCount + "}";
  }

  /** A page of the cursor listing; {@code nextUri} present when {@code more}. */
  private static String cursorPage(boolean more, String... entities) {
    return "{\"entities\":["
        + String.join(",", entities)
        + "]"
        + (more ? ",\"nextUri\":\"/next\"" : "")
        + "}";
  }

  private static String credential(String id, String name, String type) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":{\"name\":\"" + type + "\"}}";
  }

  private static String integration(String id, String name, String type, String reported) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"integrationType\":{\"id\":\""
        + type
        + "\"},\"intendedState\":\"ENABLED\",\"reportedState\":{\"code\":\""
        + reported
        + "\"}}";
  }

  private static String config(long version, String credentialId) {
    return "{\"name\":\"Acme\",\"version\":"
        + version
        + ",\"notes\":\"node_dynamodb_empty_string\",\"properties\":{},\"advanced\":{},"
        + "\"credentials\":{"
        + (credentialId == null
            ? ""
            : "\"basicAuth\":{\"id\":\"" + credentialId + "\",\"name\":\"x\"}")
        + "}}";
  }

  /** An action as the server shows it, templates inline or only as URIs. */
  private static String action(String id, long version, ActionDefinition d, boolean inline) {
    var node = DataActionsJson.createActionBody(INTEGRATION, d);
    node.put("id", id);
    node.put("version", version);
    var request =
        (com.fasterxml.jackson.databind.node.ObjectNode) node.get("config").get("request");
    var response =
        (com.fasterxml.jackson.databind.node.ObjectNode) node.get("config").get("response");
    if (!inline) {
      request.remove("requestTemplate");
      request.put(
          "requestTemplateUri",
          "/api/v2/integrations/actions/" + id + "/templates/requesttemplate.vm");
      response.remove("successTemplate");
      response.put(
          "successTemplateUri",
          "/api/v2/integrations/actions/" + id + "/templates/successtemplate.vm");
    }
    return node.toString();
  }

  private static ActionDefinition definition() {
    var acme = Samples.acme();
    return ChatAction.definition(acme, acme.models().get(0));
  }

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void credentialsAreReadThroughTheCursorListingWithTheLastIdAsCursor() {
    String listing = "/api/v2/integrations/credentials/listing";
    stub.enqueue(
        "GET",
        listing,
        Reply.json(
            200,
            cursorPage(
                true, credential("c1", "A", "userDefined"), credential("c2", "B", "basicAuth"))),
        Reply.json(200, cursorPage(true, credential("c3", "C", "userDefined"))),
        Reply.json(200, cursorPage(false)));

    List<Credential> all = api.credentials();

    assertEquals(List.of("c1", "c2", "c3"), all.stream().map(Credential::id).toList());
    assertEquals("basicAuth", all.get(1).typeName());
    List<String> queries = stub.requests("GET", listing).stream().map(r -> r.rawQuery()).toList();
    assertEquals(
        List.of("pageSize=200", "pageSize=200&after=c2", "pageSize=200&after=c3"), queries);
  }

  @Test
  void aShortPageWithoutANextUriIsTheLast() {
    String listing = "/api/v2/integrations/credentials/listing";
    stub.enqueue(
        "GET", listing, Reply.json(200, cursorPage(false, credential("c1", "A", "userDefined"))));
    assertEquals(1, api.credentials().size());
    assertEquals(1, stub.requests("GET", listing).size());
  }

  @Test
  void aCursorThatDoesNotMoveIsRefusedRatherThanFollowedForever() {
    String listing = "/api/v2/integrations/credentials/listing";
    stub.fallback(
        "GET",
        listing,
        () -> Reply.json(200, cursorPage(true, credential("c1", "A", "userDefined"))));
    GenesysApiException e = assertThrows(GenesysApiException.class, api::credentials);
    assertTrue(e.getMessage().contains("showed c1 again"), e.getMessage());
    assertEquals(2, stub.requests("GET", listing).size());
  }

  @Test
  void aCredentialIsAUserDefinedOneHoldingTheKeyUnderApiKey() throws Exception {
    stub.enqueue(
        "POST",
        "/api/v2/integrations/credentials",
        Reply.json(200, credential("c9", "Acme API key", "userDefined")));

    Credential created = api.createCredential("Acme API key", Secret.of(KEY));

    assertEquals(new Credential("c9", "Acme API key", "userDefined"), created);
    JsonNode body = json(stub.requests("POST", "/api/v2/integrations/credentials").get(0).body());
    assertEquals(
        json(
            "{\"name\":\"Acme API key\",\"type\":{\"name\":\"userDefined\"},\"credentialFields\":{\"apiKey\":\""
                + KEY
                + "\"}}"),
        body);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsLookedUpAndNotSentAgainWhenItWasApplied() {
    stub.enqueue("POST", "/api/v2/integrations/credentials", Reply.closeWithoutAnswer());
    stub.enqueue(
        "GET",
        "/api/v2/integrations/credentials/listing",
        Reply.json(
            200,
            page(
                0,
                credential("c1", "Other", "userDefined"),
                credential("c7", "ACME api KEY", "userDefined"))),
        Reply.json(200, page(0, credential("c7", "ACME api KEY", "userDefined"))));

    Credential created = api.createCredential("Acme API key", Secret.of(KEY));

    assertEquals("c7", created.id());
    assertEquals(1, stub.requests("POST", "/api/v2/integrations/credentials").size());
  }

  @Test
  void aCreateWhoseAnswerWasLostIsSentAgainOnlyAfterTheLookupFoundNothing() {
    stub.enqueue(
        "POST",
        "/api/v2/integrations",
        Reply.closeWithoutAnswer(),
        Reply.json(200, integration(INTEGRATION, "Acme", "custom-rest-actions", "INACTIVE")));
    // same name, another type: not the one created
    stub.enqueue(
        "GET",
        "/api/v2/integrations",
        Reply.json(200, page(1, integration("x", "Acme", "purecloud-data-actions", "ACTIVE"))));

    Integration created = api.createIntegration("Acme");

    assertEquals(INTEGRATION, created.id());
    List<StubServer.Request> sent = stub.apiRequests();
    assertEquals(
        List.of(
            "POST /api/v2/integrations", "GET /api/v2/integrations", "POST /api/v2/integrations"),
        sent.stream().map(r -> r.method() + " " + r.path()).toList());
  }

  @Test
  void integrationsAreListedPageByPageOfEveryType() {
    stub.enqueue(
        "GET",
        "/api/v2/integrations",
        Reply.json(200, page(2, integration("i1", "A", "custom-rest-actions", "ACTIVE"))),
        Reply.json(200, page(2, integration("i2", "B", "purecloud-data-actions", "ACTIVE"))));

    List<Integration> all = api.integrations();

    assertEquals(List.of("i1", "i2"), all.stream().map(Integration::id).toList());
    assertFalse(all.get(1).isDataActions());
    assertEquals(
        List.of("pageSize=100&pageNumber=1", "pageSize=100&pageNumber=2"),
        stub.requests("GET", "/api/v2/integrations").stream().map(r -> r.rawQuery()).toList());
  }

  @Test
  void theConfigurationIsWrittenWithTheVersionReadAndReadAgainOnAVersionConflict()
      throws Exception {
    String path = "/api/v2/integrations/" + INTEGRATION + "/config/current";
    stub.enqueue("GET", path, Reply.json(200, config(1, null)), Reply.json(200, config(2, null)));
    stub.enqueue(
        "PUT",
        path,
        Reply.error(
            409,
            "version.conflict",
            "Integration configuration update failed due to version conflict"),
        Reply.json(200, config(3, "c9")));

    IntegrationConfig stored =
        settling.updateConfig(INTEGRATION, c -> c.withCredential("c9")).result();

    assertEquals("c9", stored.credentialId());
    List<StubServer.Request> puts = stub.requests("PUT", path);
    assertEquals(2, puts.size());
    assertEquals(1, json(puts.get(0).body()).get("version").asLong());
    JsonNode second = json(puts.get(1).body());
    assertEquals(
        json(
            "{\"name\":\"Acme\",\"version\":2,\"notes\":\"\",\"properties\":{},\"advanced\":{},\"credentials\":{\"basicAuth\":{\"id\":\"c9\"}}}"),
        second,
        "all six fields, the notes quirk read as empty");
  }

  @Test
  void aConfigurationAlreadyAsWantedIsNotWritten() {
    String path = "/api/v2/integrations/" + INTEGRATION + "/config/current";
    stub.enqueue("GET", path, Reply.json(200, config(4, "c9")));
    assertEquals(
        4, settling.updateConfig(INTEGRATION, c -> c.withCredential("c9")).result().version());
    assertEquals(List.of(), stub.requests("PUT", path));
  }

  @Test
  void theVersionLoopStopsAfterItsAttempts() {
    String path = "/api/v2/integrations/" + INTEGRATION + "/config/current";
    stub.fallback("GET", path, () -> Reply.json(200, config(1, null)));
    stub.fallback("PUT", path, () -> Reply.error(409, "version.conflict", "conflict"));
    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> settling.updateConfig(INTEGRATION, c -> c.withCredential("c9")));
    assertEquals(409, e.status());
    assertEquals(Settling.MAX_ATTEMPTS, stub.requests("PUT", path).size());
  }

  @Test
  void anActionUpdateMeetingANewerVersionReadsAgainAndPatchesWithIt() throws Exception {
    ActionDefinition wanted = definition();
    ActionDefinition old =
        ChatAction.definition(
            Samples.provider("Acme Gateway", Samples.model("gpt-4o-mini", 10)),
            Samples.model("gpt-4o-mini", 10));
    String item = "/api/v2/integrations/actions/" + ACTION;
    stub.enqueue(
        "GET",
        item,
        Reply.json(200, action(ACTION, 3, old, true)),
        Reply.json(200, action(ACTION, 4, old, true)));
    stub.enqueue(
        "PATCH",
        item,
        Reply.error(400, "bad.request", "Version 3 does not match the current version 4"),
        Reply.json(200, action(ACTION, 5, wanted, true)));

    ActionSummary updated = settling.updateAction(ACTION, wanted).result();

    assertEquals(5, updated.version());
    List<StubServer.Request> patches = stub.requests("PATCH", item);
    assertEquals(List.of(3L, 4L), patches.stream().map(p -> versionOf(p.body())).toList());
    JsonNode body = json(patches.get(1).body());
    assertEquals(Set.of("version", "name", "category", "config"), fieldNames(body));
    assertEquals(
        "expand=contract&includeConfig=true", stub.requests("GET", item).get(0).rawQuery());
  }

  @Test
  void whetherAnActionAnswersTakesOneRequestWithoutItsContractOrTemplates() {
    String item = "/api/v2/integrations/actions/" + ACTION;
    stub.enqueue(
        "GET",
        item,
        Reply.json(200, action(ACTION, 1, definition(), false)),
        Reply.error(404, "not.found", "not found"));

    assertTrue(api.actionAnswers(ACTION));
    assertFalse(api.actionAnswers(ACTION));

    List<StubServer.Request> sent =
        stub.requests().stream()
            .filter(r -> r.path().startsWith("/api/v2/integrations/actions"))
            .toList();
    assertEquals(List.of(item, item), sent.stream().map(StubServer.Request::path).toList());
    assertNull(sent.get(0).rawQuery(), "no expand, no configuration");
  }

  @Test
  void templatesGivenOnlyAsUrisAreFetchedAsFiles() {
    ActionDefinition d = definition();
    String item = "/api/v2/integrations/actions/" + ACTION;
    stub.enqueue("GET", item, Reply.json(200, action(ACTION, 1, d, false)));
    stub.enqueue(
        "GET",
        item + "/templates/requesttemplate.vm",
        Reply.text(200, d.config().request().template()).header("Content-Type", "text/plain"));
    stub.enqueue(
        "GET",
        item + "/templates/successtemplate.vm",
        Reply.text(200, d.config().response().successTemplate())
            .header("Content-Type", "text/plain"));

    DataAction read = api.action(ACTION).orElseThrow();

    assertEquals(d, read.definition());
    assertEquals(
        "*/*",
        stub.requests("GET", item + "/templates/requesttemplate.vm").get(0).header("Accept"));
  }

  @Test
  void aMissingActionIsEmptyAndDeletingAGoneOneSaysSo() {
    String item = "/api/v2/integrations/actions/" + ACTION;
    stub.enqueue("GET", item, Reply.error(404, "not.found", "not found"));
    stub.enqueue("DELETE", item, Reply.empty(204), Reply.error(404, "not.found", "not found"));
    assertTrue(api.action(ACTION).isEmpty());
    assertTrue(api.deleteAction(ACTION));
    assertFalse(api.deleteAction(ACTION));
  }

  @Test
  void idsAreEscapedIntoOnePathSegmentAndUnsafeOnesRefusedBeforeAnyRequest() {
    stub.enqueue("DELETE", "/api/v2/integrations/actions/a b:c", Reply.empty(204));
    assertTrue(api.deleteAction("a b:c"));
    assertEquals("/api/v2/integrations/actions/a%20b%3Ac", stub.apiRequests().get(0).uri());
    assertThrows(IllegalArgumentException.class, () -> api.deleteAction(".."));
    assertThrows(IllegalArgumentException.class, () -> api.deleteAction("a/b"));
    assertEquals(1, stub.apiRequests().size());
  }

  @Test
  void anUnsafeIdInAnAnswerIsRefusedAsABadBody() {
    stub.enqueue(
        "GET",
        "/api/v2/integrations",
        Reply.json(200, page(1, integration("../x", "A", "custom-rest-actions", "ACTIVE"))));
    GenesysApiException e = assertThrows(GenesysApiException.class, api::integrations);
    assertTrue(e.getMessage().contains("'id' is not a safe id"), e.getMessage());
  }

  @Test
  void theWaitForAnIntegrationsStateIsBoundedAndStopsAtActiveOrError() {
    String item = "/api/v2/integrations/" + INTEGRATION;
    stub.enqueue(
        "GET",
        item,
        Reply.error(404, "not.found", "not yet"),
        Reply.json(200, integration(INTEGRATION, "Acme", "custom-rest-actions", "ACTIVATING")),
        Reply.json(200, integration(INTEGRATION, "Acme", "custom-rest-actions", "ACTIVE")));
    Integration active = settling.awaitReported(INTEGRATION, Set.of("ACTIVE", "ERROR"), AT);
    assertEquals("ACTIVE", active.reportedState());
    assertEquals(2, time.sleeps().size());

    stub.fallback(
        "GET",
        item,
        () ->
            Reply.json(200, integration(INTEGRATION, "Acme", "custom-rest-actions", "ACTIVATING")));
    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> settling.awaitReported(INTEGRATION, Set.of("ACTIVE"), AT));
    assertEquals(AT, e.problem().where());
    assertEquals(DataActionsHint.WAIT_FOR_THE_PLATFORM, e.problem().hint());
    assertEquals(List.of(Setting.MAX_RETRY_TIME_SECONDS), e.problem().fix().settings());
    assertTrue(e.getMessage().contains("still reports ACTIVATING"), e.getMessage());
  }

  @Test
  void aDeletedIntegrationIsWaitedForUntilItAnswers404() {
    String item = "/api/v2/integrations/" + INTEGRATION;
    stub.enqueue(
        "GET",
        item,
        Reply.json(200, integration(INTEGRATION, "Acme", "custom-rest-actions", "INACTIVE")),
        Reply.error(404, "not.found", "gone"));
    settling.awaitIntegrationGone(INTEGRATION, AT);
    assertEquals(2, stub.requests("GET", item).size());
  }

  @Test
  void aFailedTestNamesTheFailingStepAndItsMessage() {
    stub.enqueue(
        "POST",
        "/api/v2/integrations/actions/" + ACTION + "/test",
        Reply.json(
            200,
            "{\"operations\":[{\"step\":1,\"name\":\"Validate input against schema\",\"success\":true},"
                + "{\"step\":5,\"name\":\"Execute request\",\"success\":false,\"error\":{\"message\":\"invalid api key\"}}],"
                + "\"error\":{\"message\":\"final\"},\"success\":false}"));
    TestRun run = api.test(ACTION, MAPPER.createObjectNode().put("prompt", "hi"));
    assertEquals(new TestRun(false, null, "Execute request", "invalid api key"), run);
  }

  @Test
  void aRefusalSaysWhichPermissionsTheClientNeedsAndShowsTheCorrelationId() {
    stub.enqueue(
        "GET", "/api/v2/integrations", Reply.error(403, "missing.any.permissions", "missing"));
    GenesysApiException e = assertThrows(GenesysApiException.class, api::integrations);
    assertEquals(DataActionsHint.GRANT_PERMISSIONS, e.problem().hint());
    assertTrue(
        e.problem().fix().render(Wording.PLAIN).contains(DataActionsHints.PERMISSIONS),
        e.getMessage());
    assertEquals(StubServer.CORRELATION_ID, e.correlationId());
  }

  @Test
  void aListingOfActionsBySearchPassesTheNameAndEveryPageIsRead() {
    String list = "/api/v2/integrations/actions";
    String summary =
        "{\"id\":\"a1\",\"name\":\"Acme - m\",\"integrationId\":\""
            + INTEGRATION
            + "\",\"version\":2}";
    stub.enqueue("GET", list, Reply.json(200, page(1, summary)));
    List<ActionSummary> found = api.actions("Acme - m");
    assertEquals(List.of(new ActionSummary("a1", "Acme - m", INTEGRATION, "", 2)), found);
    assertEquals(
        "pageSize=100&name=Acme%20-%20m&pageNumber=1",
        stub.requests("GET", list).get(0).rawQuery());
  }

  private static long versionOf(String body) {
    try {
      return MAPPER.readTree(body).get("version").asLong();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
