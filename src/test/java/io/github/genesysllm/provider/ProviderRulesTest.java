package io.github.genesysllm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderRules.Operation;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderRulesTest {

  private static final ProviderSettings VALID =
      new ProviderSettings(
          "Gateway",
          "CUSTOM",
          "https://inference.example.internal/api/v1",
          "v1",
          30_000,
          List.of(new ModelSettings("m-1", "Model 1", 8192, true)));

  private static ObjectNode body() {
    return ProviderJson.toRequestBody(VALID, Secret.of("key"), null);
  }

  private static List<String> fields(ObjectNode body, Operation operation) {
    return ProviderRules.validate(body, operation).stream().map(FieldViolation::field).toList();
  }

  @Test
  void validBodyPassesForCreateAndConfiguration() {
    assertEquals(List.of(), fields(body(), Operation.CREATE));
    assertEquals(List.of(), fields(body().without("apiKey"), Operation.CONFIGURATION));
  }

  @Test
  void apiKeyRequiredOnlyOnCreateAndVersionOnlyOnUpdate() {
    ObjectNode noKey = body().without("apiKey");
    assertEquals(List.of("apiKey"), fields(noKey, Operation.CREATE));
    assertEquals(List.of("version"), fields(noKey.deepCopy(), Operation.UPDATE));
    assertEquals(List.of(), fields(noKey.put("version", 3), Operation.UPDATE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://x.example/v1",
        "https://x.example/v1/",
        "https://u:p@x.example/v1",
        "https://x.example/v1?a=b",
        "https://x.example/v1#f",
        "relative/path",
        "https:///nohost",
        "not a url"
      })
  void badBaseUrls(String url) {
    ObjectNode b = body();
    b.put("baseUrl", url);
    assertEquals(List.of("baseUrl"), fields(b, Operation.CREATE));
  }

  @Test
  void aBaseUrlWithUserInfoIsRefusedWithoutShowingIt() {
    ObjectNode b = body();
    b.put("baseUrl", "https://svc:hunter2@x.example/v1");
    List<FieldViolation> violations = ProviderRules.validate(b, Operation.CREATE);
    assertEquals(1, violations.size());
    assertTrue(violations.get(0).message().contains("'https://****@x.example/v1'"));
    assertFalse(violations.get(0).message().contains("hunter2"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://x.example:0/v1", "https://x.example:65536/v1", "https://x.example:99999"})
  void aBaseUrlPortOutsideOneTo65535IsRefused(String url) {
    ObjectNode b = body();
    b.put("baseUrl", url);
    assertEquals(List.of("baseUrl"), fields(b, Operation.CREATE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://x.example:1/v1", "https://x.example:65535", "https://x.example:0443"})
  void aBaseUrlPortFromOneTo65535IsAccepted(String url) {
    ObjectNode b = body();
    b.put("baseUrl", url);
    assertEquals(List.of(), fields(b, Operation.CREATE));
  }

  /** Every Unicode white space counts, not only Java's: a name of them, or one padded with them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u00A0",
        "\u0085",
        "\u2028",
        "\u2029",
        "\u3000\u205F",
        "\u2007\u202F\u1680",
        "Gateway\u00A0",
        "\u0085Gateway",
        "\u202FGateway",
        "Gateway\u2007",
        "Gateway\u2028"
      })
  void aNameOfOrPaddedWithAnyUnicodeWhiteSpaceIsRefused(String name) {
    ObjectNode b = body();
    b.put("name", name);
    assertEquals(List.of("name"), fields(b, Operation.CREATE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0", "\u0085\u2007", "\u202F"})
  void aModelNameOfUnicodeWhiteSpaceOnlyIsRefused(String name) {
    ObjectNode b = body();
    ((ObjectNode) b.withArray("models").get(0)).put("name", name);
    assertEquals(List.of("models[0].name"), fields(b, Operation.CREATE));
  }

  @Test
  void whiteSpaceInsideANameIsKept() {
    ObjectNode b = body();
    b.put("name", "Private\u00A0Gateway\u2028Two");
    assertEquals(List.of(), fields(b, Operation.CREATE));
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    ObjectNode b = body();
    b.put("name", " padded");
    b.put("providerType", "OPENAI");
    b.put("timeout", "30000");
    b.put("apiVersion", "v 1");
    ObjectNode model = (ObjectNode) b.withArray("models").get(0);
    model.put("maxTokens", 2_000_001);
    model.put("supportsStreaming", "yes");
    b.withArray("models").addObject().put("id", "m-1").put("name", " ").put("maxTokens", 0);
    assertEquals(
        List.of(
            "name",
            "providerType",
            "apiVersion",
            "timeout",
            "models[0].maxTokens",
            "models[0].supportsStreaming",
            "models[1].id",
            "models[1].name",
            "models[1].maxTokens"),
        fields(b, Operation.CREATE));
  }

  @Test
  void boundsAreInclusive() {
    ObjectNode b = body();
    b.put("name", "n".repeat(200));
    b.put("timeout", 300_000);
    b.put("apiVersion", "a".repeat(32));
    assertTrue(fields(b, Operation.CREATE).isEmpty());
    b.put("name", "n".repeat(201));
    b.put("timeout", 999);
    b.put("apiVersion", "a".repeat(33));
    assertEquals(List.of("name", "apiVersion", "timeout"), fields(b, Operation.CREATE));
  }

  @Test
  void apiKeyValueNeverInMessages() {
    ObjectNode b = body();
    b.put("apiKey", "s3cr3t-".repeat(700));
    List<FieldViolation> violations = ProviderRules.validate(b, Operation.CREATE);
    assertEquals(1, violations.size());
    assertFalse(violations.get(0).message().contains("s3cr3t"));
  }

  @Test
  void settingsRoundTripThroughJsonWithDefaults() {
    ObjectNode minimal = body();
    minimal.remove(List.of("apiVersion", "timeout"));
    ((ObjectNode) minimal.withArray("models").get(0)).remove("supportsStreaming");
    ProviderSettings settings = ProviderJson.settingsOf(minimal);
    assertEquals("v1", settings.apiVersion());
    assertEquals(30_000, settings.timeout());
    assertFalse(settings.models().get(0).supportsStreaming());
    assertEquals(VALID, ProviderJson.settingsOf(ProviderJson.settingsToJson(VALID)));
  }
}
