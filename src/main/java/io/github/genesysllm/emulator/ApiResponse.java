package io.github.genesysllm.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer before it is sent: status, extra headers and a body (null for none), JSON unless a
 * {@code Content-Type} header says otherwise.
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, new LinkedHashMap<>(), bytes(body));
  }

  /** A {@code text/plain} UTF-8 body. */
  public static ApiResponse text(int status, String body) {
    return new ApiResponse(status, new LinkedHashMap<>(), body.getBytes(StandardCharsets.UTF_8))
        .withHeader("Content-Type", "text/plain; charset=UTF-8");
  }

  public static ApiResponse empty(int status) {
    return new ApiResponse(status, new LinkedHashMap<>(), null);
  }

  /** 405 {@code method.not.allowed} (ErrorBody) with the {@code Allow} header. */
  public static ApiResponse methodNotAllowed(ApiRequest r, String allowed) {
    return error(
            405,
            "method.not.allowed",
            r.method() + " is not supported on " + r.path() + "; use " + allowed,
            null,
            List.of(),
            r.correlationId())
        .withHeader("Allow", allowed);
  }

  /** The contract's ErrorBody, {@code contextId} being the answer's correlation id. */
  public static ApiResponse error(
      int status,
      String code,
      String message,
      String entityId,
      List<String> fields,
      String correlationId) {
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    body.put("message", message);
    body.put("code", code);
    body.put("status", status);
    if (entityId != null) {
      body.put("entityId", entityId);
    }
    body.put("contextId", correlationId);
    ArrayNode details = body.putArray("details");
    for (String field : fields) {
      details.addObject().put("errorCode", "invalid.value").put("fieldName", field);
    }
    body.putArray("errors");
    return json(status, body);
  }

  public static ApiResponse error(ApiError error, String correlationId) {
    return error(
        error.status(),
        error.code(),
        error.getMessage(),
        error.entityId(),
        error.fields(),
        correlationId);
  }

  /** An error of the token endpoint, which has the OAuth shape instead of the ErrorBody. */
  static ApiResponse oauthError(int status, String error, String description) {
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    body.put("error", error);
    body.put("description", description);
    body.put("error_description", description);
    return json(status, body);
  }

  public ApiResponse withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  private static byte[] bytes(JsonNode body) {
    if (body == null) {
      return null;
    }
    try {
      return ProviderJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
