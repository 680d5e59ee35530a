package io.github.genesysllm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Maps providers to and from the contract's JSON representation. */
public final class ProviderJson {

  /** One shared mapper: thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ProviderJson() {}

  /**
   * The request body of a POST ({@code version} null) or PUT. {@code apiKey} may be null: on a PUT
   * that keeps the stored key.
   */
  public static ObjectNode toRequestBody(ProviderSettings settings, Secret apiKey, Long version) {
    ObjectNode body = settingsToJson(settings);
    if (apiKey != null) {
      body.put("apiKey", apiKey.reveal());
    }
    if (version != null) {
      body.put("version", version);
    }
    return body;
  }

  /** The writable fields but the key, in the contract's order. */
  public static ObjectNode settingsToJson(ProviderSettings settings) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("name", settings.name());
    body.put("providerType", settings.providerType());
    body.put("baseUrl", settings.baseUrl());
    body.put("apiVersion", settings.apiVersion());
    body.put("timeout", settings.timeout());
    ArrayNode models = body.putArray("models");
    for (ModelSettings m : settings.models()) {
      ObjectNode model = models.addObject();
      model.put("id", m.id());
      model.put("name", m.name());
      model.put("maxTokens", m.maxTokens());
      model.put("supportsStreaming", m.supportsStreaming());
    }
    return body;
  }

  /**
   * The settings of a body that passed {@link ProviderRules#validate}, with the contract's defaults
   * applied to optional fields left out.
   */
  public static ProviderSettings settingsOf(JsonNode body) {
    List<ModelSettings> models = new ArrayList<>();
    for (JsonNode m : body.path("models")) {
      models.add(
          new ModelSettings(
              m.path("id").asText(),
              m.path("name").asText(),
              m.path("maxTokens").asInt(),
              m.path("supportsStreaming").asBoolean(false)));
    }
    return new ProviderSettings(
        body.path("name").asText(),
        body.path("providerType").asText(ProviderRules.TYPE_CUSTOM),
        body.path("baseUrl").asText(),
        textOr(body.get("apiVersion"), ProviderRules.DEFAULT_API_VERSION),
        body.hasNonNull("timeout") ? body.get("timeout").asInt() : ProviderRules.DEFAULT_TIMEOUT,
        models);
  }

  /** The full representation, as GET returns it. */
  public static ObjectNode toRepresentation(Provider provider) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", provider.id());
    node.setAll(settingsToJson(provider.settings()));
    node.put("apiKeyConfigured", provider.apiKeyConfigured());
    node.put("version", provider.version());
    node.put("dateCreated", provider.dateCreated());
    node.put("dateModified", provider.dateModified());
    node.put("selfUri", provider.selfUri());
    return node;
  }

  /**
   * Reads a representation from the server.
   *
   * @throws IllegalArgumentException naming the field when the body does not have the contract's
   *     shape
   */
  public static Provider fromRepresentation(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a provider must be a JSON object");
    }
    requireText(node, "id");
    if (node.get("id").asText().isBlank()) {
      throw new IllegalArgumentException("a provider's 'id' must not be blank");
    }
    String idProblem = ProviderId.problem(node.get("id").asText());
    if (idProblem != null) {
      throw new IllegalArgumentException(
          "a provider's 'id' must be usable in a URL path, but " + idProblem);
    }
    requireText(node, "name");
    requireText(node, "baseUrl");
    // the fields settingsOf reads leniently: "timeout": "30 seconds" would otherwise read as 0, a
    // drift the server never reported; optional ones may be absent or null
    requireType(node, "providerType", JsonNode::isTextual, "a string", "", false);
    requireType(node, "apiVersion", JsonNode::isTextual, "a string", "", false);
    requireType(node, "timeout", JsonNode::isIntegralNumber, "an integer", "", false);
    requireType(node, "apiKeyConfigured", JsonNode::isBoolean, "a boolean", "", false);
    if (!node.path("models").isArray()) {
      throw new IllegalArgumentException("a provider's 'models' must be a list");
    }
    if (!node.path("version").isIntegralNumber()) {
      throw new IllegalArgumentException("a provider's 'version' must be an integer");
    }
    JsonNode models = node.get("models");
    for (int i = 0; i < models.size(); i++) {
      JsonNode model = models.get(i);
      String prefix = "models[" + i + "].";
      if (!model.isObject()) {
        throw new IllegalArgumentException("a provider's 'models[" + i + "]' must be an object");
      }
      requireText(model, "id");
      requireType(model, "name", JsonNode::isTextual, "a string", prefix, true);
      requireType(model, "maxTokens", JsonNode::isIntegralNumber, "an integer", prefix, true);
      requireType(model, "supportsStreaming", JsonNode::isBoolean, "a boolean", prefix, false);
    }
    return new Provider(
        node.get("id").asText(),
        settingsOf(node),
        node.path("apiKeyConfigured").asBoolean(false),
        node.get("version").asLong(),
        node.path("dateCreated").asText(null),
        node.path("dateModified").asText(null),
        node.path("selfUri").asText(null));
  }

  private static void requireText(JsonNode node, String field) {
    if (!node.path(field).isTextual()) {
      throw new IllegalArgumentException("a provider's '" + field + "' must be a string");
    }
  }

  private static void requireType(
      JsonNode node,
      String field,
      Predicate<JsonNode> type,
      String typeName,
      String prefix,
      boolean required) {
    JsonNode value = node.get(field);
    boolean absent = value == null || value.isNull();
    if (absent ? required : !type.test(value)) {
      throw new IllegalArgumentException(
          "a provider's '" + prefix + field + "' must be " + typeName);
    }
  }

  private static String textOr(JsonNode node, String fallback) {
    return node == null || node.isNull() ? fallback : node.asText();
  }
}
