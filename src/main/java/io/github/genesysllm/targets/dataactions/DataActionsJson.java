package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderId;
import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The data-actions API's representations (contract sections 3 to 7) read into this package's types,
 * and its request bodies written from them. Reading is strict about what the plugin relies on and
 * throws {@link IllegalArgumentException} naming the field; what it does not use is ignored.
 */
final class DataActionsJson {

  static final String CREDENTIAL_TYPE = "userDefined";
  static final String KEY_FIELD = "apiKey";

  /** The empty string as a stored config's {@code notes} may come back (contract section 4.6). */
  private static final String EMPTY_NOTES_QUIRK = "node_dynamodb_empty_string";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DataActionsJson() {}

  // ---- reading ----

  /** The entities of a page ({@code {"entities": [...]}}), each read by {@code entity}. */
  static <T> List<T> entities(JsonNode page, Function<JsonNode, T> entity) {
    JsonNode entities = page.get("entities");
    if (!page.isObject() || entities == null || !entities.isArray()) {
      throw new IllegalArgumentException("it has no 'entities' list");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      try {
        out.add(entity.apply(entities.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("entities[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Whether a cursor listing's page gives a {@code nextUri}. */
  static boolean hasNext(JsonNode page) {
    JsonNode next = page.get("nextUri");
    return next != null && next.isTextual() && !next.asText().isEmpty();
  }

  /** The {@code pageCount} of a page-number listing, or 0 when it gives none. */
  static int pageCount(JsonNode page) {
    JsonNode count = page.get("pageCount");
    return count != null && count.canConvertToInt() ? count.asInt() : 0;
  }

  static Credential credential(JsonNode node) {
    return new Credential(
        id(node, "id", "id"), text(node, "name", false), text(node.path("type"), "name", false));
  }

  /** The names of {@code GET /credentials/types}, a bare array. */
  static List<String> credentialTypeNames(JsonNode node) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("it is not a list of credential types");
    }
    List<String> names = new ArrayList<>();
    node.forEach(type -> names.add(text(type, "name", false)));
    return names;
  }

  static Integration integration(JsonNode node) {
    JsonNode reported = node.path("reportedState");
    return new Integration(
        id(node, "id", "id"),
        text(node, "name", false),
        text(node.path("integrationType"), "id", true, "integrationType.id"),
        node.path("intendedState").asText(null),
        reported.path("code").asText(null),
        reported.path("detail").path("message").asText(null));
  }

  static IntegrationConfig integrationConfig(JsonNode node) {
    JsonNode version = node.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw new IllegalArgumentException("'version' is not an integer");
    }
    String notes = node.path("notes").asText("");
    Map<String, String> credentials = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.path("credentials").properties()) {
      credentials.put(
          entry.getKey(), id(entry.getValue(), "id", "credentials." + entry.getKey() + ".id"));
    }
    return new IntegrationConfig(
        text(node, "name", false),
        version.asLong(),
        EMPTY_NOTES_QUIRK.equals(notes) ? "" : notes,
        objectOrEmpty(node, "properties"),
        objectOrEmpty(node, "advanced"),
        credentials);
  }

  static ActionSummary actionSummary(JsonNode node) {
    return new ActionSummary(
        id(node, "id", "id"),
        text(node, "name", true),
        id(node, "integrationId", "integrationId"),
        node.path("category").asText(""),
        node.path("version").asLong(0));
  }

  /**
   * An action read with {@code expand=contract&includeConfig=true}. Its templates are null where
   * the server gave only their URIs: the caller fetches them.
   */
  static DataAction action(JsonNode node) {
    JsonNode version = node.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw new IllegalArgumentException("'version' is not an integer");
    }
    JsonNode config = node.get("config");
    if (config == null || !config.isObject()) {
      throw new IllegalArgumentException("it has no 'config' object");
    }
    JsonNode input = node.path("contract").path("input").get("inputSchema");
    JsonNode output = node.path("contract").path("output").get("successSchema");
    if (input == null || !input.isObject() || output == null || !output.isObject()) {
      throw new IllegalArgumentException(
          "it has no contract.input.inputSchema and contract.output.successSchema objects");
    }
    JsonNode request = config.path("request");
    JsonNode response = config.path("response");
    JsonNode timeout = config.get("timeoutSeconds");
    ActionConfig actionConfig =
        new ActionConfig(
            timeout == null || timeout.isNull() ? null : integer(timeout, "config.timeoutSeconds"),
            new ActionConfig.Request(
                request.path("requestUrlTemplate").asText(null),
                request.path("requestType").asText(null),
                strings(request.path("headers"), "config.request.headers"),
                request.path("requestTemplate").asText(null)),
            new ActionConfig.Response(
                strings(response.path("translationMap"), "config.response.translationMap"),
                strings(
                    response.path("translationMapDefaults"),
                    "config.response.translationMapDefaults"),
                response.path("successTemplate").asText(null)));
    return new DataAction(
        id(node, "id", "id"),
        id(node, "integrationId", "integrationId"),
        version.asLong(),
        node.path("secure").asBoolean(false),
        new ActionDefinition(
            text(node, "name", true),
            node.path("category").asText(""),
            actionConfig,
            new ActionContract(input, output)));
  }

  /** The action with its templates filled in. */
  static DataAction withTemplates(DataAction action, String request, String success) {
    ActionDefinition d = action.definition();
    ActionConfig c = d.config();
    ActionConfig.Request r = c.request();
    ActionConfig.Response s = c.response();
    return new DataAction(
        action.id(),
        action.integrationId(),
        action.version(),
        action.secure(),
        new ActionDefinition(
            d.name(),
            d.category(),
            new ActionConfig(
                c.timeoutSeconds(),
                new ActionConfig.Request(r.urlTemplate(), r.requestType(), r.headers(), request),
                new ActionConfig.Response(s.translationMap(), s.translationMapDefaults(), success)),
            d.contract()));
  }

  static TestRun testRun(JsonNode node) {
    JsonNode success = node.get("success");
    if (success == null || !success.isBoolean()) {
      throw new IllegalArgumentException("'success' is not a boolean");
    }
    String step = null;
    String error = null;
    for (JsonNode operation : node.path("operations")) {
      if (!operation.path("success").asBoolean(true)) {
        step = operation.path("name").asText(null);
        error = operation.path("error").path("message").asText(null);
        break;
      }
    }
    if (error == null) {
      error = node.path("error").path("message").asText(null);
    }
    JsonNode result = node.get("finalResult");
    return new TestRun(
        success.asBoolean(),
        result == null || result.isNull() ? null : result.deepCopy(),
        step,
        error);
  }

  // ---- writing ----

  static ObjectNode credentialBody(String name, Secret apiKey) {
    ObjectNode body = JSON.objectNode();
    body.put("name", name);
    body.putObject("type").put("name", CREDENTIAL_TYPE);
    body.putObject("credentialFields").put(KEY_FIELD, apiKey.reveal());
    return body;
  }

  static ObjectNode integrationBody(String name) {
    ObjectNode body = JSON.objectNode();
    body.putObject("integrationType").put("id", Integration.TYPE);
    body.put("name", name);
    return body;
  }

  static ObjectNode stateBody(String intendedState) {
    return JSON.objectNode().put("intendedState", intendedState);
  }

  static ObjectNode configBody(IntegrationConfig config) {
    ObjectNode body = JSON.objectNode();
    body.put("name", config.name());
    body.put("version", config.version());
    body.put("notes", config.notes());
    body.set("properties", config.properties());
    body.set("advanced", config.advanced());
    ObjectNode credentials = body.putObject("credentials");
    config.credentialIds().forEach((key, id) -> credentials.putObject(key).put("id", id));
    return body;
  }

  /** {@code PostActionInput}: for {@code POST /actions} and {@code POST /actions/drafts}. */
  static ObjectNode createActionBody(String integrationId, ActionDefinition action) {
    ObjectNode body = JSON.objectNode();
    body.put("name", action.name());
    body.put("category", action.category());
    body.put("integrationId", integrationId);
    body.put("secure", false);
    body.set("config", configJson(action.config()));
    ObjectNode contract = body.putObject("contract");
    contract.putObject("input").set("inputSchema", action.contract().inputSchema());
    contract.putObject("output").set("successSchema", action.contract().successSchema());
    return body;
  }

  /**
   * {@code UpdateActionInput} (and an {@code UpdateDraftInput} that keeps the contract): name,
   * category and the whole configuration, with the version read.
   */
  static ObjectNode updateActionBody(long version, ActionDefinition action) {
    ObjectNode body = JSON.objectNode();
    body.put("version", version);
    body.put("name", action.name());
    body.put("category", action.category());
    body.set("config", configJson(action.config()));
    return body;
  }

  static ObjectNode versionBody(long version) {
    return JSON.objectNode().put("version", version);
  }

  static ObjectNode configJson(ActionConfig config) {
    ObjectNode node = JSON.objectNode();
    if (config.timeoutSeconds() != null) {
      node.put("timeoutSeconds", config.timeoutSeconds());
    }
    ObjectNode request = node.putObject("request");
    ActionConfig.Request r = config.request();
    request.put("requestUrlTemplate", r.urlTemplate());
    request.put("requestType", r.requestType());
    ObjectNode headers = request.putObject("headers");
    r.headers().forEach(headers::put);
    request.put("requestTemplate", r.template());
    ObjectNode response = node.putObject("response");
    ActionConfig.Response s = config.response();
    ObjectNode map = response.putObject("translationMap");
    s.translationMap().forEach(map::put);
    ObjectNode defaults = response.putObject("translationMapDefaults");
    s.translationMapDefaults().forEach(defaults::put);
    response.put("successTemplate", s.successTemplate());
    return node;
  }

  // ---- helpers ----

  private static String text(JsonNode node, String field, boolean required) {
    return text(node, field, required, field);
  }

  private static String text(JsonNode node, String field, boolean required, String shown) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException("it has no '" + shown + "'");
      }
      return "";
    }
    if (!value.isTextual() || required && value.asText().isEmpty()) {
      throw new IllegalArgumentException("'" + shown + "' is not a non-empty string");
    }
    return value.asText();
  }

  /** An id the plugin will put into a path: refused unless it is a safe segment. */
  private static String id(JsonNode node, String field, String shown) {
    String id = text(node, field, true, shown);
    String problem = ProviderId.problem(id);
    if (problem != null) {
      throw new IllegalArgumentException("'" + shown + "' is not a safe id: " + problem);
    }
    return id;
  }

  private static int integer(JsonNode value, String shown) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException("'" + shown + "' is not an integer");
    }
    return value.asInt();
  }

  private static Map<String, String> strings(JsonNode node, String shown) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("'" + shown + "' is not an object");
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isTextual()) {
        throw new IllegalArgumentException(
            "'" + shown + "." + entry.getKey() + "' is not a string");
      }
      out.put(entry.getKey(), entry.getValue().asText());
    }
    return out;
  }

  private static JsonNode objectOrEmpty(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return JSON.objectNode();
    }
    if (!value.isObject()) {
      throw new IllegalArgumentException("'" + field + "' is not an object");
    }
    return value;
  }
}
