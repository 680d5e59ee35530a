package io.github.genesysllm.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the client quotes of an answer, every piece redacted of the secrets it knows: the error
 * body, the correlation id, the start of the body.
 */
final class ServerText {

  static final String CORRELATION_HEADER = "ININ-Correlation-Id";
  private static final int SNIPPET_LENGTH = 60;

  private final Redactor redactor;

  ServerText(Redactor redactor) {
    this.redactor = redactor;
  }

  /** {@code ININ-Correlation-Id <id>}, or {@code ... none} when the server gave none. */
  static String correlation(String correlationId) {
    return CORRELATION_HEADER + " " + (correlationId == null ? "none" : correlationId);
  }

  /**
   * What a problem about an answer says when the answer had no correlation id ({@code ;
   * ININ-Correlation-Id none}), so that the user knows it was not left out; else nothing, the
   * problem carries it.
   */
  static String noCorrelation(String correlationId) {
    return correlationId == null ? "; " + correlation(null) : "";
  }

  /** The {@code ININ-Correlation-Id} header, else the body's {@code contextId}, else null. */
  String correlationId(ApiCall call, HttpTransport.Answer answer, ErrorBody error) {
    String header = redactor.clean(answer.header(CORRELATION_HEADER), call.apiKey());
    if (header != null && !header.isBlank()) {
      return header;
    }
    ErrorBody body = error != null ? error : errorBody(call, answer);
    return body.contextId();
  }

  /** The error fields of a body; every server text in it redacted. */
  ErrorBody errorBody(ApiCall call, HttpTransport.Answer answer) {
    JsonNode node;
    try {
      node = ProviderJson.MAPPER.readTree(answer.body());
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      return ErrorBody.NONE;
    }
    String code = text(call, node, "code");
    String message = text(call, node, "message");
    if (code == null && message == null) {
      // the token endpoint's OAuth error
      code = text(call, node, "error");
      message = text(call, node, "error_description");
      if (message == null) {
        message = text(call, node, "description");
      }
    }
    List<String> fields = new ArrayList<>();
    for (JsonNode detail : node.path("details")) {
      String field = text(call, detail, "fieldName");
      if (field != null) {
        fields.add(field);
      }
    }
    return new ErrorBody(
        code, message, text(call, node, "entityId"), fields, text(call, node, "contextId"));
  }

  /** The start of a body, on one line, redacted. */
  String snippet(ApiCall call, HttpTransport.Answer answer) {
    String text = new String(answer.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    if (text.length() > SNIPPET_LENGTH) {
      text = text.substring(0, SNIPPET_LENGTH) + "...";
    }
    return redactor.clean(text, call.apiKey());
  }

  /** A value of the answer's headers, redacted. */
  String header(ApiCall call, HttpTransport.Answer answer, String name) {
    return redactor.clean(answer.header(name), call.apiKey());
  }

  private String text(ApiCall call, JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull()
        ? null
        : redactor.clean(value.asText(), call.apiKey());
  }
}
