package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.Http.idsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider calls of the contract's section 5: create, read, list, update, delete and their
 * errors.
 */
class ProviderApiTest {

  private static final String PROVIDERS = "/api/v2/ai/llm/providers";
  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private Emulator emulator;
  private Http http;
  private String token;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorSettings.builder().rateLimit(10_000).build());
    http = new Http(emulator);
    token = http.token(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private JsonNode create(String name) {
    Http.Reply reply = http.post(PROVIDERS, token, Http.provider(name));
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  @Test
  void createAnswers201WithLocationAndTheRepresentation() {
    Http.Reply reply =
        http.post(PROVIDERS, token, Http.provider("Private Foundation Model Gateway"));
    assertEquals(201, reply.status());
    JsonNode body = reply.json();
    String id = body.get("id").asText();
    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
    assertEquals(PROVIDERS + "/" + id, reply.header("Location"));
    assertEquals(PROVIDERS + "/" + id, body.get("selfUri").asText());
    assertEquals("Private Foundation Model Gateway", body.get("name").asText());
    assertEquals("CUSTOM", body.get("providerType").asText());
    assertEquals("https://inference.example.internal/api/v1", body.get("baseUrl").asText());
    assertEquals("v1", body.get("apiVersion").asText());
    assertEquals(30000, body.get("timeout").asInt());
    assertEquals("private-model-v1", body.get("models").get(0).get("id").asText());
    assertEquals(8192, body.get("models").get(0).get("maxTokens").asInt());
    assertTrue(body.get("models").get(0).get("supportsStreaming").asBoolean());
    assertTrue(body.get("apiKeyConfigured").asBoolean());
    assertEquals(1, body.get("version").asLong());
    assertTrue(
        body.get("dateCreated").asText().matches(TIMESTAMP), body.get("dateCreated").asText());
    assertEquals(body.get("dateCreated"), body.get("dateModified"));
    assertFalse(body.has("apiKey"), "the key is write-only");
    assertFalse(reply.body().contains("sk-test-key"));
    assertTrue(emulator.store().apiKeyMatches(id, Secret.of("sk-test-key")));
  }

  @Test
  void getAnswersTheRepresentationAndNeverTheKey() {
    JsonNode created = create("Gateway");
    Http.Reply reply = http.get(PROVIDERS + "/" + created.get("id").asText(), token);
    assertEquals(200, reply.status());
    assertEquals(created, reply.json());
    assertFalse(reply.body().contains("sk-test-key"));
  }

  @Test
  void unknownIdsAre404() {
    String path = PROVIDERS + "/6f1c2a4e-0b7d-4c83-9f3e-2a1b5c6d7e8f";
    http.get(path, token).assertError(404, "not.found");
    http.delete(path, token).assertError(404, "not.found");
    ObjectNode body = Http.provider("Nobody").put("version", 1);
    http.put(path, token, body).assertError(404, "not.found");
  }

  @Test
  void aTakenNameIsAConflictNamingItsHolderCaseInsensitively() {
    String holder = create("Private Gateway").get("id").asText();
    JsonNode error =
        http.post(PROVIDERS, token, Http.provider("PRIVATE gateway"))
            .assertError(409, "general.conflict");
    assertEquals(holder, error.get("entityId").asText());
    assertTrue(error.get("message").asText().contains("Private Gateway"));
    assertEquals(1, emulator.store().size());
  }

  @Test
  void putReplacesEveryWritableFieldAndCountsTheVersion() throws Exception {
    JsonNode created = create("Gateway");
    String path = PROVIDERS + "/" + created.get("id").asText();
    Thread.sleep(5); // so that dateModified can differ from dateCreated
    ObjectNode update = Http.provider("Gateway renamed").put("version", 1);
    update.remove("apiKey");
    update.remove("apiVersion");
    update.remove("timeout");
    update.put("baseUrl", "https://other.example/v2");
    update
        .putArray("models")
        .addObject()
        .put("id", "m2")
        .put("name", "Model 2")
        .put("maxTokens", 10);
    Http.Reply reply = http.put(path, token, update);
    assertEquals(200, reply.status(), reply.body());
    JsonNode body = reply.json();
    assertEquals(2, body.get("version").asLong());
    assertEquals("Gateway renamed", body.get("name").asText());
    assertEquals("https://other.example/v2", body.get("baseUrl").asText());
    assertEquals(
        "v1", body.get("apiVersion").asText(), "defaults apply to optional fields left out");
    assertEquals(30000, body.get("timeout").asInt());
    assertEquals(1, body.get("models").size());
    assertFalse(body.get("models").get(0).get("supportsStreaming").asBoolean());
    assertEquals(created.get("dateCreated"), body.get("dateCreated"));
    assertNotEquals(created.get("dateModified"), body.get("dateModified"));
    assertTrue(body.get("dateModified").asText().matches(TIMESTAMP));
    assertTrue(body.get("apiKeyConfigured").asBoolean());
    assertTrue(
        emulator.store().apiKeyMatches(created.get("id").asText(), Secret.of("sk-test-key")),
        "an absent apiKey keeps the stored key");
    assertEquals(body, http.get(path, token).json());

    ObjectNode newKey = Http.provider("Gateway renamed").put("version", 2).put("apiKey", "sk-new");
    assertEquals(3, http.put(path, token, newKey).json().get("version").asLong());
    assertTrue(emulator.store().apiKeyMatches(created.get("id").asText(), Secret.of("sk-new")));
    assertFalse(
        emulator.store().apiKeyMatches(created.get("id").asText(), Secret.of("sk-test-key")));
    assertTrue(
        http.post(PROVIDERS, token, Http.provider("Gateway")).status() == 201,
        "the old name is free again");
  }

  @Test
  void aStaleVersionIsAMismatch() {
    JsonNode created = create("Gateway");
    String path = PROVIDERS + "/" + created.get("id").asText();
    assertEquals(200, http.put(path, token, Http.provider("Gateway").put("version", 1)).status());
    JsonNode error =
        http.put(path, token, Http.provider("Gateway").put("version", 1))
            .assertError(409, "version.mismatch");
    assertNull(error.get("entityId"));
    http.put(path, token, Http.provider("Gateway").put("version", 7))
        .assertError(409, "version.mismatch");
    assertEquals(2, http.get(path, token).json().get("version").asLong());
  }

  @Test
  void putOntoAnotherProvidersNameIsAConflict() {
    String first = create("First").get("id").asText();
    String second = create("Second").get("id").asText();
    JsonNode error =
        http.put(PROVIDERS + "/" + second, token, Http.provider("FIRST").put("version", 1))
            .assertError(409, "general.conflict");
    assertEquals(first, error.get("entityId").asText());
    Http.Reply ownName =
        http.put(PROVIDERS + "/" + second, token, Http.provider("SECOND").put("version", 1));
    assertEquals(200, ownName.status(), "a provider may change the case of its own name");
    assertEquals("SECOND", ownName.json().get("name").asText());
  }

  @Test
  void deleteAnswers204WithoutBody() {
    String id = create("Gateway").get("id").asText();
    Http.Reply reply = http.delete(PROVIDERS + "/" + id, token);
    assertEquals(204, reply.status());
    assertEquals("", reply.body());
    assertTrue(reply.header("ININ-Correlation-Id") != null);
    http.get(PROVIDERS + "/" + id, token).assertError(404, "not.found");
    assertEquals(
        201,
        http.post(PROVIDERS, token, Http.provider("gateway")).status(),
        "the name is free again");
  }

  @Test
  void listingPagesInCreationOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      ids.add(create("Provider " + i).get("id").asText());
    }
    JsonNode first = http.get(PROVIDERS + "?pageSize=2", token).json();
    assertEquals(2, first.get("pageSize").asInt());
    assertEquals(1, first.get("pageNumber").asInt());
    assertEquals(6, first.get("total").asInt());
    assertEquals(3, first.get("pageCount").asInt());
    assertEquals(ids.subList(0, 2), idsOf(first));
    assertEquals(PROVIDERS + "?pageSize=2&pageNumber=1", first.get("firstUri").asText());
    assertEquals(PROVIDERS + "?pageSize=2&pageNumber=3", first.get("lastUri").asText());
    assertEquals(PROVIDERS + "?pageSize=2&pageNumber=1", first.get("selfUri").asText());
    assertEquals(PROVIDERS + "?pageSize=2&pageNumber=2", first.get("nextUri").asText());
    assertFalse(first.has("previousUri"));

    JsonNode middle = http.get(first.get("nextUri").asText(), token).json();
    assertEquals(ids.subList(2, 4), idsOf(middle));
    assertEquals(PROVIDERS + "?pageSize=2&pageNumber=3", middle.get("nextUri").asText());
    assertEquals(PROVIDERS + "?pageSize=2&pageNumber=1", middle.get("previousUri").asText());

    JsonNode last = http.get(PROVIDERS + "?pageSize=2&pageNumber=3", token).json();
    assertEquals(ids.subList(4, 6), idsOf(last), "an exact multiple fills the last page");
    assertFalse(last.has("nextUri"));
    assertTrue(last.has("previousUri"));

    JsonNode past = http.get(PROVIDERS + "?pageSize=2&pageNumber=4", token).json();
    assertEquals(0, past.get("entities").size());
    assertEquals(6, past.get("total").asInt());
    assertFalse(past.has("nextUri"));

    JsonNode defaults = http.get(PROVIDERS, token).json();
    assertEquals(25, defaults.get("pageSize").asInt());
    assertEquals(ids, idsOf(defaults));
    assertEquals(1, defaults.get("pageCount").asInt());
    assertFalse(defaults.has("nextUri"));

    JsonNode hundred = http.get(PROVIDERS + "?pageSize=100&pageNumber=1", token).json();
    assertEquals(6, hundred.get("entities").size());

    JsonNode seven = http.get(PROVIDERS + "?pageSize=5&pageNumber=2", token).json();
    assertEquals(ids.subList(5, 6), idsOf(seven), "a short last page");
  }

  @Test
  void anEmptyListing() {
    JsonNode empty = http.get(PROVIDERS, token).json();
    assertEquals(0, empty.get("entities").size());
    assertEquals(0, empty.get("total").asInt());
    assertEquals(0, empty.get("pageCount").asInt());
    assertFalse(empty.has("nextUri"));
    assertFalse(empty.has("previousUri"));
  }

  @Test
  void pagingOutsideItsBoundsIsRefused() {
    for (String query :
        List.of("pageSize=0", "pageSize=101", "pageNumber=0", "pageSize=abc", "pageNumber=-1")) {
      JsonNode error = http.get(PROVIDERS + "?" + query, token).assertError(400, "invalid.value");
      assertEquals(
          query.substring(0, query.indexOf('=')),
          error.get("details").get(0).get("fieldName").asText());
    }
    assertEquals(200, http.get(PROVIDERS + "?pageSize=1", token).status());
    assertEquals(200, http.get(PROVIDERS + "?pageSize=100", token).status());
  }

  @Test
  void theNameFilterKeepsOnlyThatProviderCaseInsensitively() {
    create("Alpha Gateway");
    String beta = create("Beta Gateway").get("id").asText();
    JsonNode found = http.get(PROVIDERS + "?name=beta%20GATEWAY", token).json();
    assertEquals(List.of(beta), idsOf(found));
    assertEquals(1, found.get("total").asInt());
    assertEquals(
        PROVIDERS + "?pageSize=25&pageNumber=1&name=beta%20GATEWAY", found.get("selfUri").asText());
    JsonNode none = http.get(PROVIDERS + "?name=Beta", token).json();
    assertEquals(0, none.get("entities").size(), "the filter is the whole name, not a prefix");
    assertEquals(0, none.get("total").asInt());
  }

  @Test
  void theStoreSeesAndChangesWhatTheApiServes() {
    JsonNode created = create("Gateway");
    String id = created.get("id").asText();
    var provider = emulator.store().get(id).orElseThrow();
    emulator
        .store()
        .update(
            id,
            1,
            new io.github.genesysllm.provider.ProviderSettings(
                "Changed behind the back",
                "CUSTOM",
                provider.settings().baseUrl(),
                "v1",
                2000,
                provider.settings().models()),
            null);
    JsonNode read = http.get(PROVIDERS + "/" + id, token).json();
    assertEquals("Changed behind the back", read.get("name").asText());
    assertEquals(2, read.get("version").asLong());
    ApiError conflict =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiError.class,
            () -> emulator.store().create(emulator.store().get(id).orElseThrow().settings(), null));
    assertEquals(409, conflict.status(), "the store keeps the API's rules");
    assertEquals(0, conflict.fields().size());
    assertTrue(emulator.store().delete(id));
    assertFalse(emulator.store().delete(id));
    assertEquals(0, http.get(PROVIDERS, token).json().get("total").asInt());
  }

  @Test
  void providersPathIsASetting() throws Exception {
    try (Emulator other =
        Emulator.start(
            EmulatorSettings.builder().providersPath("/api/v2/custom/providers/").build())) {
      Http otherHttp = new Http(other);
      String otherToken = otherHttp.token(other);
      Http.Reply created =
          otherHttp.post("/api/v2/custom/providers", otherToken, Http.provider("Gateway"));
      assertEquals(201, created.status());
      assertTrue(created.header("Location").startsWith("/api/v2/custom/providers/"));
      otherHttp.get(PROVIDERS, otherToken).assertError(404, "not.found");
    }
  }
}
