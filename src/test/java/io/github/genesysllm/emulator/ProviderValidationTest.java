package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field rule of the contract at its bounds and one past them, through POST and PUT. */
class ProviderValidationTest {

  private static final String PROVIDERS = "/api/v2/ai/llm/providers";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Emulator emulator;
  private static Http http;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    emulator = Emulator.start(EmulatorSettings.builder().rateLimit(100_000).build());
    http = new Http(emulator);
    token = http.token(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Arguments valid(String what, Consumer<ObjectNode> change) {
    return Arguments.of(what, change, null);
  }

  private static Arguments broken(String what, Consumer<ObjectNode> change, String field) {
    return Arguments.of(what, change, field);
  }

  private static ObjectNode model(ObjectNode body) {
    return (ObjectNode) body.get("models").get(0);
  }

  private static ArrayNode models(int count) {
    ArrayNode models = Http.provider("x").putArray("models");
    for (int i = 0; i < count; i++) {
      models.addObject().put("id", "m" + i).put("name", "Model " + i).put("maxTokens", 100);
    }
    return models;
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        valid(
            "name of 200 characters",
            b -> b.put("name", "n".repeat(199) + NAMES.incrementAndGet() % 10)),
        broken("name of 201 characters", b -> b.put("name", "n".repeat(201)), "name"),
        broken("empty name", b -> b.put("name", ""), "name"),
        broken("blank name", b -> b.put("name", "   "), "name"),
        broken("name with a leading space", b -> b.put("name", " Leading"), "name"),
        broken("name with a trailing space", b -> b.put("name", "Trailing "), "name"),
        broken("no name", b -> b.remove("name"), "name"),
        broken("name as a number", b -> b.put("name", 12), "name"),
        broken("providerType OPENAI", b -> b.put("providerType", "OPENAI"), "providerType"),
        broken("no providerType", b -> b.remove("providerType"), "providerType"),
        broken("http baseUrl", b -> b.put("baseUrl", "http://inference.example/v1"), "baseUrl"),
        broken(
            "baseUrl with a query",
            b -> b.put("baseUrl", "https://inference.example/v1?a=1"),
            "baseUrl"),
        broken(
            "baseUrl with a fragment",
            b -> b.put("baseUrl", "https://inference.example/v1#top"),
            "baseUrl"),
        broken(
            "baseUrl with user info",
            b -> b.put("baseUrl", "https://user:pw@inference.example/v1"),
            "baseUrl"),
        broken(
            "baseUrl with a trailing slash",
            b -> b.put("baseUrl", "https://inference.example/v1/"),
            "baseUrl"),
        broken("relative baseUrl", b -> b.put("baseUrl", "/v1"), "baseUrl"),
        broken("no baseUrl", b -> b.remove("baseUrl"), "baseUrl"),
        valid(
            "baseUrl of 2048 characters",
            b -> b.put("baseUrl", "https://h.example/" + "a".repeat(2048 - 18))),
        broken(
            "baseUrl of 2049 characters",
            b -> b.put("baseUrl", "https://h.example/" + "a".repeat(2049 - 18)),
            "baseUrl"),
        valid("apiKey of 4096 characters", b -> b.put("apiKey", "k".repeat(4096))),
        broken("apiKey of 4097 characters", b -> b.put("apiKey", "k".repeat(4097)), "apiKey"),
        broken("empty apiKey", b -> b.put("apiKey", ""), "apiKey"),
        broken("no apiKey on create", b -> b.remove("apiKey"), "apiKey"),
        broken("apiKey as a number", b -> b.put("apiKey", 42), "apiKey"),
        valid("apiVersion of 32 characters", b -> b.put("apiVersion", "v".repeat(32))),
        broken(
            "apiVersion of 33 characters", b -> b.put("apiVersion", "v".repeat(33)), "apiVersion"),
        broken("apiVersion with a space", b -> b.put("apiVersion", "v1 beta"), "apiVersion"),
        broken("empty apiVersion", b -> b.put("apiVersion", ""), "apiVersion"),
        valid("apiVersion with . _ -", b -> b.put("apiVersion", "2024-05_01.a")),
        broken("timeout 999", b -> b.put("timeout", 999), "timeout"),
        valid("timeout 1000", b -> b.put("timeout", 1000)),
        valid("timeout 300000", b -> b.put("timeout", 300_000)),
        broken("timeout 300001", b -> b.put("timeout", 300_001), "timeout"),
        broken("timeout as a string", b -> b.put("timeout", "30000"), "timeout"),
        broken("timeout with a fraction", b -> b.put("timeout", 1500.5), "timeout"),
        broken("no models", b -> b.set("models", models(0)), "models"),
        valid("one model", b -> b.set("models", models(1))),
        valid("50 models", b -> b.set("models", models(50))),
        broken("51 models", b -> b.set("models", models(51)), "models"),
        broken("models not a list", b -> b.put("models", "m1"), "models"),
        broken("models missing", b -> b.remove("models"), "models"),
        broken(
            "duplicate model ids",
            b -> {
              ArrayNode models = models(2);
              ((ObjectNode) models.get(1)).put("id", "m0");
              b.set("models", models);
            },
            "models[1].id"),
        valid(
            "model ids differing in case",
            b -> {
              ArrayNode models = models(2);
              ((ObjectNode) models.get(0)).put("id", "Model");
              ((ObjectNode) models.get(1)).put("id", "model");
              b.set("models", models);
            }),
        valid("model id of 128 characters", b -> model(b).put("id", "m".repeat(128))),
        broken(
            "model id of 129 characters", b -> model(b).put("id", "m".repeat(129)), "models[0].id"),
        broken("model id with a space", b -> model(b).put("id", "private model"), "models[0].id"),
        broken("empty model id", b -> model(b).put("id", ""), "models[0].id"),
        valid("model id with . _ : / -", b -> model(b).put("id", "org/model_v1.2:latest-x")),
        broken("blank model name", b -> model(b).put("name", "  "), "models[0].name"),
        broken("no model name", b -> model(b).remove("name"), "models[0].name"),
        valid("model name of 200 characters", b -> model(b).put("name", "n".repeat(200))),
        broken(
            "model name of 201 characters",
            b -> model(b).put("name", "n".repeat(201)),
            "models[0].name"),
        broken("maxTokens 0", b -> model(b).put("maxTokens", 0), "models[0].maxTokens"),
        valid("maxTokens 1", b -> model(b).put("maxTokens", 1)),
        valid("maxTokens 2000000", b -> model(b).put("maxTokens", 2_000_000)),
        broken(
            "maxTokens 2000001", b -> model(b).put("maxTokens", 2_000_001), "models[0].maxTokens"),
        broken(
            "maxTokens as a string", b -> model(b).put("maxTokens", "8192"), "models[0].maxTokens"),
        broken("no maxTokens", b -> model(b).remove("maxTokens"), "models[0].maxTokens"),
        broken(
            "supportsStreaming as a string",
            b -> model(b).put("supportsStreaming", "true"),
            "models[0].supportsStreaming"),
        broken(
            "a model that is not an object",
            b -> ((ArrayNode) b.get("models")).set(0, b.textNode("m")),
            "models[0]"),
        valid(
            "unknown fields are ignored", b -> b.put("colour", "blue").put("id", "not-this-one")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void postChecksTheRule(String what, Consumer<ObjectNode> change, String brokenField) {
    ObjectNode body = Http.provider("rule " + NAMES.incrementAndGet());
    change.accept(body);
    Http.Reply reply = http.post(PROVIDERS, token, body);
    if (brokenField == null) {
      assertEquals(201, reply.status(), reply.body());
      assertTrue(reply.json().path("id").asText().matches("[0-9a-f-]{36}"));
    } else {
      JsonNode error = reply.assertError(400, "invalid.value");
      assertEquals(List.of(brokenField), fields(error), reply.body());
      assertEquals("invalid.value", error.get("details").get(0).get("errorCode").asText());
    }
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    ObjectNode body = Http.provider("  ");
    body.put("baseUrl", "http://inference.example/v1");
    body.put("timeout", 5);
    body.remove("apiKey");
    model(body).put("maxTokens", 0);
    JsonNode error = http.post(PROVIDERS, token, body).assertError(400, "invalid.value");
    assertEquals(
        new TreeSet<>(Set.of("name", "baseUrl", "timeout", "apiKey", "models[0].maxTokens")),
        new TreeSet<>(fields(error)));
    assertTrue(error.get("message").asText().contains("5 rules"), error.get("message").asText());
  }

  @Test
  void neverEchoesTheApiKeyInAnError() {
    ObjectNode body = Http.provider("echo");
    body.put("apiKey", "sk-secret-" + "x".repeat(4096));
    Http.Reply reply = http.post(PROVIDERS, token, body);
    reply.assertError(400, "invalid.value");
    assertFalse(reply.body().contains("sk-secret-"));
  }

  @Test
  void appliesTheDefaultsOfOptionalFields() {
    ObjectNode body = Http.provider("defaults " + NAMES.incrementAndGet());
    body.remove("apiVersion");
    body.remove("timeout");
    model(body).remove("supportsStreaming");
    JsonNode created = http.post(PROVIDERS, token, body).json();
    assertEquals("v1", created.get("apiVersion").asText());
    assertEquals(30000, created.get("timeout").asInt());
    assertFalse(created.get("models").get(0).get("supportsStreaming").asBoolean());
    assertTrue(created.get("models").get(0).get("supportsStreaming").isBoolean());
  }

  @Test
  void putRequiresAnIntegerVersionAndChecksTheSameRules() {
    JsonNode created =
        http.post(PROVIDERS, token, Http.provider("put rules " + NAMES.incrementAndGet())).json();
    String path = PROVIDERS + "/" + created.get("id").asText();

    ObjectNode noVersion = Http.provider(created.get("name").asText());
    assertEquals(
        List.of("version"),
        fields(http.put(path, token, noVersion).assertError(400, "invalid.value")));

    ObjectNode textVersion = Http.provider(created.get("name").asText()).put("version", "1");
    assertEquals(
        List.of("version"),
        fields(http.put(path, token, textVersion).assertError(400, "invalid.value")));

    ObjectNode broken = Http.provider(created.get("name").asText()).put("version", 1);
    broken.put("timeout", 300_001);
    assertEquals(
        List.of("timeout"),
        fields(http.put(path, token, broken).assertError(400, "invalid.value")));

    ObjectNode noKey = Http.provider(created.get("name").asText()).put("version", 1);
    noKey.remove("apiKey");
    assertEquals(200, http.put(path, token, noKey).status(), "apiKey is optional on PUT");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsABadRequest() {
    for (String body : List.of("{\"name\":", "not json", "[1,2]", "\"text\"", "", "{} {}")) {
      Http.Reply reply = http.send("POST", PROVIDERS, token, body);
      reply.assertError(400, "bad.request");
      assertTrue(reply.json().get("details").isEmpty());
    }
    String id =
        http.post(PROVIDERS, token, Http.provider("bad put " + NAMES.incrementAndGet()))
            .json()
            .get("id")
            .asText();
    http.send("PUT", PROVIDERS + "/" + id, token, "[]").assertError(400, "bad.request");
  }

  private static List<String> fields(JsonNode error) {
    List<String> out = new ArrayList<>();
    error.get("details").forEach(d -> out.add(d.get("fieldName").asText()));
    return out;
  }
}
