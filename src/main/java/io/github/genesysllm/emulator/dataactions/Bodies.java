package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Strict reading of request bodies and their fields, with the contract's error codes (section 1.2):
 * a body that is not JSON, or a field of the wrong type or missing, is {@code 400 bad.request}; an
 * unknown property {@code 400 invalid.property}; a value out of its range {@code 400
 * constraint.validation}; a body that is not {@code application/json} {@code 415
 * unsupported.media.type}. Messages never echo a body (it may hold credential values).
 */
final class Bodies {

  private static final ObjectReader STRICT_JSON =
      ProviderJson.MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Bodies() {}

  /** The body as a JSON object; {@code model} (e.g. {@code PostActionInput}) names it in errors. */
  static ObjectNode object(ApiRequest r, String model) {
    JsonNode body = json(r);
    if (!body.isObject()) {
      throw badRequest("The request body must be a JSON object (" + model + "), got " + kind(body));
    }
    return (ObjectNode) body;
  }

  /** The body as JSON of any kind; {@code application/json} and well-formed. */
  static JsonNode json(ApiRequest r) {
    String contentType = r.headers().getFirst("Content-Type");
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new ApiError(
          415,
          "unsupported.media.type",
          "The request body must be sent as Content-Type: application/json, got "
              + (contentType == null ? "no Content-Type" : "'" + contentType + "'"));
    }
    JsonNode body;
    try {
      body = STRICT_JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      throw badRequest(
          "The request body is not valid JSON (at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw badRequest("The request body cannot be read as JSON");
    }
    if (body == null || body.isMissingNode()) {
      throw badRequest("The request body is empty; send a JSON object");
    }
    return body;
  }

  /**
   * Refuses properties of {@code node} outside {@code writable} and {@code readOnly} (the latter
   * are ignored, contract section 1.1).
   */
  static void onlyProperties(
      JsonNode node, String model, Set<String> writable, Set<String> readOnly) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!writable.contains(name) && !readOnly.contains(name)) {
        throw new ApiError(
            400,
            "invalid.property",
            "Value ["
                + name
                + "] is not a valid property for object ["
                + model
                + "]; it takes "
                + String.join(", ", writable),
            null,
            List.of(name));
      }
    }
  }

  /** A string field; null when absent (or JSON null) and not required. */
  static String text(JsonNode node, String field, String where, boolean required) {
    JsonNode value = present(node, field, where, required);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw badRequest(where + field + " must be a string, got " + kind(value), where + field);
    }
    return value.asText();
  }

  /** An object field; null when absent and not required. */
  static ObjectNode object(JsonNode node, String field, String where, boolean required) {
    JsonNode value = present(node, field, where, required);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw badRequest(where + field + " must be an object, got " + kind(value), where + field);
    }
    return (ObjectNode) value;
  }

  /** An integer field (a JSON integer, not a string); null when absent and not required. */
  static Integer integer(JsonNode node, String field, String where, boolean required) {
    JsonNode value = present(node, field, where, required);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw badRequest(where + field + " must be an integer, got " + kind(value), where + field);
    }
    return value.intValue();
  }

  /** A boolean field (exactly true or false); null when absent. */
  static Boolean bool(JsonNode node, String field, String where) {
    JsonNode value = present(node, field, where, false);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw badRequest(where + field + " must be true or false, got " + kind(value), where + field);
    }
    return value.booleanValue();
  }

  /** An object of string values, in order; null when absent. */
  static Map<String, String> stringMap(JsonNode node, String field, String where) {
    ObjectNode value = object(node, field, where, false);
    if (value == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isTextual()) {
        throw badRequest(
            where
                + field
                + "."
                + entry.getKey()
                + " must be a string, got "
                + kind(entry.getValue()),
            where + field + "." + entry.getKey());
      }
      out.put(entry.getKey(), entry.getValue().asText());
    }
    return out;
  }

  /** A text that is not blank (null passes), else 400 constraint.validation. */
  static String notBlank(String value, String field) {
    if (value != null && value.isBlank()) {
      throw new ApiError(
          400, "constraint.validation", field + " must not be blank", null, List.of(field));
    }
    return value;
  }

  /** A text of 1 to {@code max} characters, else 400 constraint.validation. */
  static String bounded(String value, String field, int max) {
    if (value != null && (value.isBlank() || value.length() > max)) {
      throw new ApiError(
          400,
          "constraint.validation",
          field + " must be 1 to " + max + " characters long, got " + value.length(),
          null,
          List.of(field));
    }
    return value;
  }

  private static JsonNode present(JsonNode node, String field, String where, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw badRequest(where + field + " is required", where + field);
      }
      return null;
    }
    return value;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "bad.request", message);
  }

  static ApiError badRequest(String message, String field) {
    return new ApiError(400, "bad.request", message, null, List.of(field));
  }

  static ApiError invalidValue(String message, String field) {
    return new ApiError(400, "invalid.value", message, null, List.of(field));
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "not.found", message);
  }

  static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
