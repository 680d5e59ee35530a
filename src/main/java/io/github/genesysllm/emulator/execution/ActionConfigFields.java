package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a stored {@code ActionConfig} (contract section 5.1) as the engine reads them. A
 * draft may be incomplete, so a missing or malformed field is a failure of the step that needs it,
 * never an exception.
 */
final class ActionConfigFields {

  /** Section 8: {@code timeoutSeconds} is 1 to 60, 60 when not set. */
  static final int DEFAULT_TIMEOUT_SECONDS = 60;

  static final int MAX_TIMEOUT_SECONDS = 60;

  /** What a success template is when none is set: the answer passed through (ASSUMED). */
  static final String DEFAULT_SUCCESS_TEMPLATE = "${rawResult}";

  private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "PATCH", "DELETE");

  private final JsonNode config;

  ActionConfigFields(JsonNode config) {
    this.config = config == null ? ActionJson.MAPPER.createObjectNode() : config;
  }

  /** The seconds the execution may take: {@code timeoutSeconds}, or 60 when unset or invalid. */
  int timeoutSeconds() {
    JsonNode timeout = config.path("timeoutSeconds");
    return validTimeout(timeout) ? timeout.intValue() : DEFAULT_TIMEOUT_SECONDS;
  }

  /** Fails when {@code timeoutSeconds} is set but not 1 to 60. */
  void checkTimeout() throws StepFailure {
    JsonNode timeout = config.path("timeoutSeconds");
    if (!timeout.isMissingNode() && !timeout.isNull() && !validTimeout(timeout)) {
      throw StepFailure.of(
          400,
          "bad.request",
          "config.timeoutSeconds must be a whole number from 1 to 60, got " + timeout + ".");
    }
  }

  String method() {
    return config.path("request").path("requestType").asText("");
  }

  /** Fails when {@code requestType} is not one of the methods a data action uses. */
  void checkMethod() throws StepFailure {
    if (!METHODS.contains(method())) {
      throw StepFailure.of(
          400,
          "bad.request",
          "config.request.requestType must be one of GET, PUT, POST, PATCH, DELETE, got '"
              + method()
              + "'.");
    }
  }

  /** GET sends no body; the other methods send the rendered one. */
  boolean sendsBody() {
    return !"GET".equals(method());
  }

  String urlTemplate() throws StepFailure {
    JsonNode value = config.path("request").path("requestUrlTemplate");
    if (value.isTextual() && !value.textValue().isBlank()) {
      return value.textValue();
    }
    throw StepFailure.of(
        400, "bad.request", "config.request.requestUrlTemplate must be a template string.");
  }

  /** The body template; empty when not set. */
  String bodyTemplate() throws StepFailure {
    JsonNode value = config.path("request").path("requestTemplate");
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    throw StepFailure.of(
        400, "bad.request", "config.request.requestTemplate must be a template string.");
  }

  /** The header templates, name to template. */
  JsonNode headerTemplates() throws StepFailure {
    JsonNode templates = config.path("request").path("headers");
    if (templates.isMissingNode() || templates.isNull()) {
      return ActionJson.MAPPER.createObjectNode();
    }
    if (!templates.isObject()) {
      throw StepFailure.of(
          400, "bad.request", "config.request.headers must be an object of header templates.");
    }
    return templates;
  }

  /** Whether the body is declared JSON: no Content-Type header (JSON then) or a JSON one. */
  boolean jsonContent() {
    for (Map.Entry<String, JsonNode> header : config.path("request").path("headers").properties()) {
      if ("content-type".equalsIgnoreCase(header.getKey())) {
        return header.getValue().asText().toLowerCase(Locale.ROOT).contains("json");
      }
    }
    return true;
  }

  JsonNode translationMap() throws StepFailure {
    return responseObject("translationMap");
  }

  JsonNode translationMapDefaults() throws StepFailure {
    return responseObject("translationMapDefaults");
  }

  String successTemplate() {
    JsonNode value = config.path("response").path("successTemplate");
    return value.isTextual() && !value.textValue().isBlank()
        ? value.textValue()
        : DEFAULT_SUCCESS_TEMPLATE;
  }

  private JsonNode responseObject(String field) throws StepFailure {
    JsonNode value = config.path("response").path(field);
    if (value.isMissingNode() || value.isNull()) {
      return ActionJson.MAPPER.createObjectNode();
    }
    if (!value.isObject()) {
      throw StepFailure.of(
          500, "invalid.substitution", "config.response." + field + " must be an object.");
    }
    return value;
  }

  private static boolean validTimeout(JsonNode timeout) {
    return timeout.isIntegralNumber()
        && timeout.intValue() >= 1
        && timeout.intValue() <= MAX_TIMEOUT_SECONDS;
  }
}
