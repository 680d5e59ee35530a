package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.provider.ProviderJson;
import java.util.List;
import java.util.Set;

/**
 * The bodies that create and change data actions (contract section 5.1): {@code PostActionInput},
 * {@code UpdateActionInput} and {@code UpdateDraftInput}, with the field rules of sections 5 and 8
 * ({@code name} and {@code category} 1 to 256 characters, {@code timeoutSeconds} 1 to 60, {@code
 * requestType} an HTTP method). Templates and schemas are kept verbatim; the read-only URIs a GET
 * shows are dropped. The contract rules of section 5.2 are {@link
 * io.github.genesysllm.emulator.execution.ContractRules}'.
 */
final class ActionInput {

  static final int MAX_NAME_LENGTH = 256;
  static final int MIN_TIMEOUT_SECONDS = 1;
  static final int MAX_TIMEOUT_SECONDS = 60;
  static final Set<String> REQUEST_TYPES = Set.of("GET", "PUT", "POST", "PATCH", "DELETE");

  /** A {@code PostActionInput}: the action's integration and its first definition (version 1). */
  record Posted(String integrationId, ActionDefinition definition) {}

  /** An {@code UpdateActionInput} or {@code UpdateDraftInput}; null fields stay as they are. */
  record Update(
      int version,
      String name,
      String category,
      JsonNode config,
      JsonNode contract,
      Boolean secure) {}

  private static final Set<String> READ_ONLY = Set.of("id", "selfUri");
  private static final Set<String> IMMUTABLE_AFTER_PUBLISH =
      Set.of("contract", "secure", "integrationId");

  private ActionInput() {}

  static Posted post(ObjectNode body) {
    Bodies.onlyProperties(
        body,
        "PostActionInput",
        Set.of("name", "category", "integrationId", "config", "contract", "secure"),
        Set.of("id", "selfUri", "version"));
    String name = Bodies.bounded(Bodies.text(body, "name", "", true), "name", MAX_NAME_LENGTH);
    String category =
        Bodies.bounded(Bodies.text(body, "category", "", true), "category", MAX_NAME_LENGTH);
    String integrationId = Bodies.text(body, "integrationId", "", true);
    JsonNode config = config(Bodies.object(body, "config", "", true));
    JsonNode contract = contract(Bodies.object(body, "contract", "", true));
    Boolean secure = Bodies.bool(body, "secure", "");
    return new Posted(
        integrationId,
        new ActionDefinition(name, category, secure != null && secure, 1, config, contract));
  }

  /** {@code PATCH /actions/{id}}: contract, secure and integrationId are fixed once published. */
  static Update update(ObjectNode body) {
    for (String field : IMMUTABLE_AFTER_PUBLISH) {
      if (body.has(field)) {
        throw new ApiError(
            400,
            "invalid.property",
            "Value ["
                + field
                + "] is not a valid property for object [UpdateActionInput]: "
                + String.join(", ", IMMUTABLE_AFTER_PUBLISH)
                + " cannot change once an action is published; delete the action and create it"
                + " again to change them",
            null,
            List.of(field));
      }
    }
    Bodies.onlyProperties(
        body, "UpdateActionInput", Set.of("version", "name", "category", "config"), READ_ONLY);
    return changes(body, false);
  }

  /** {@code PATCH /actions/{id}/draft}. */
  static Update draftUpdate(ObjectNode body) {
    Bodies.onlyProperties(
        body,
        "UpdateDraftInput",
        Set.of("version", "name", "category", "config", "contract", "secure"),
        READ_ONLY);
    return changes(body, true);
  }

  private static Update changes(ObjectNode body, boolean draft) {
    int version = Bodies.integer(body, "version", "", true);
    String name = Bodies.bounded(Bodies.text(body, "name", "", false), "name", MAX_NAME_LENGTH);
    String category =
        Bodies.bounded(Bodies.text(body, "category", "", false), "category", MAX_NAME_LENGTH);
    ObjectNode config = Bodies.object(body, "config", "", false);
    ObjectNode contract = draft ? Bodies.object(body, "contract", "", false) : null;
    Boolean secure = draft ? Bodies.bool(body, "secure", "") : null;
    return new Update(
        version,
        name,
        category,
        config == null ? null : config(config),
        contract == null ? null : contract(contract),
        secure);
  }

  /** A checked {@code ActionConfig}, without the read-only template URIs. */
  static JsonNode config(ObjectNode config) {
    Bodies.onlyProperties(
        config, "ActionConfig", Set.of("timeoutSeconds", "request", "response"), Set.of());
    ObjectNode out = config.deepCopy();
    Integer timeout = Bodies.integer(config, "timeoutSeconds", "config.", false);
    if (timeout != null && (timeout < MIN_TIMEOUT_SECONDS || timeout > MAX_TIMEOUT_SECONDS)) {
      throw new ApiError(
          400,
          "constraint.validation",
          "config.timeoutSeconds must be "
              + MIN_TIMEOUT_SECONDS
              + " to "
              + MAX_TIMEOUT_SECONDS
              + " seconds, got "
              + timeout,
          null,
          List.of("config.timeoutSeconds"));
    }
    ObjectNode request = Bodies.object(config, "request", "config.", true);
    Bodies.onlyProperties(
        request,
        "RequestConfig",
        Set.of("requestUrlTemplate", "requestType", "headers", "requestTemplate"),
        Set.of("requestTemplateUri"));
    Bodies.text(request, "requestUrlTemplate", "config.request.", true);
    String requestType = Bodies.text(request, "requestType", "config.request.", true);
    if (!REQUEST_TYPES.contains(requestType)) {
      throw Bodies.invalidValue(
          "config.request.requestType must be one of GET, PUT, POST, PATCH, DELETE, got '"
              + requestType
              + "'",
          "config.request.requestType");
    }
    Bodies.stringMap(request, "headers", "config.request.");
    Bodies.text(request, "requestTemplate", "config.request.", false);
    ((ObjectNode) out.get("request")).remove("requestTemplateUri");
    ObjectNode response = Bodies.object(config, "response", "config.", false);
    if (response != null) {
      Bodies.onlyProperties(
          response,
          "ResponseConfig",
          Set.of("translationMap", "translationMapDefaults", "successTemplate"),
          Set.of("successTemplateUri"));
      Bodies.stringMap(response, "translationMap", "config.response.");
      Bodies.stringMap(response, "translationMapDefaults", "config.response.");
      Bodies.text(response, "successTemplate", "config.response.", false);
      ((ObjectNode) out.get("response")).remove("successTemplateUri");
    }
    return out;
  }

  /**
   * {@code {"input":{"inputSchema":…},"output":{"successSchema":…}}} with both schemas verbatim;
   * the read-only URIs and flattened variants of a GET are dropped.
   */
  static JsonNode contract(ObjectNode contract) {
    Bodies.onlyProperties(contract, "ActionContractInput", Set.of("input", "output"), Set.of());
    ObjectNode input = Bodies.object(contract, "input", "contract.", true);
    Bodies.onlyProperties(
        input,
        "PostInputContract",
        Set.of("inputSchema"),
        Set.of("inputSchemaUri", "inputSchemaFlattened"));
    ObjectNode output = Bodies.object(contract, "output", "contract.", true);
    Bodies.onlyProperties(
        output,
        "PostOutputContract",
        Set.of("successSchema"),
        Set.of(
            "successSchemaUri",
            "successSchemaFlattened",
            "errorSchema",
            "errorSchemaUri",
            "errorSchemaFlattened"));
    ObjectNode out = ProviderJson.MAPPER.createObjectNode();
    out.putObject("input")
        .set(
            "inputSchema", Bodies.object(input, "inputSchema", "contract.input.", true).deepCopy());
    out.putObject("output")
        .set(
            "successSchema",
            Bodies.object(output, "successSchema", "contract.output.", true).deepCopy());
    return out;
  }

  /** The problems of a contract under section 5.2, as one {@code 400 invalid.schema}. */
  static ApiError invalidSchema(List<String> problems) {
    return new ApiError(
        400,
        "invalid.schema",
        "The contract breaks "
            + problems.size()
            + (problems.size() == 1 ? " rule: " : " rules: ")
            + String.join("; ", problems),
        null,
        problems.stream().map(p -> p.split(":", 2)[0]).toList());
  }
}
