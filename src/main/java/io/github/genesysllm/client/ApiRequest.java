package io.github.genesysllm.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.secret.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One request of a target to the API, sent by {@link GenesysClient#send} under the client's one
 * retry policy: {@code pathAndQuery} is relative to the API URL ({@code
 * /api/v2/ai/llm/providers?pageSize=100}); {@code body} is JSON, or null; {@code secret} is what
 * the body carries that must stay out of every message (a provider's API key), or null; {@code
 * accept} the media types asked for; {@code subject} what the request acts on, as messages name it
 * ({@code provider}, {@code data action 'Acme - gpt-4o'}); {@code hints} how a refusal is fixed,
 * null for the client's own wording.
 */
public record ApiRequest(
    String method,
    String pathAndQuery,
    JsonNode body,
    Secret secret,
    String accept,
    String subject,
    RefusalHints hints) {

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    Objects.requireNonNull(accept, "accept");
    Objects.requireNonNull(subject, "subject");
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with '/', got " + pathAndQuery);
    }
  }

  /** A JSON request about a provider, refusals worded by the client. */
  public ApiRequest(String method, String pathAndQuery, JsonNode body, Secret secret) {
    this(method, pathAndQuery, body, secret, ApiCall.JSON, ApiCall.PROVIDER, null);
  }

  /** The same request about {@code subject}, its refusals hinted by {@code hints}. */
  public ApiRequest about(String subject, RefusalHints hints) {
    return new ApiRequest(method, pathAndQuery, body, secret, accept, subject, hints);
  }

  /** The same request asking for other media types ({@code *}{@code /*} for a text file). */
  public ApiRequest accepting(String mediaTypes) {
    return new ApiRequest(method, pathAndQuery, body, secret, mediaTypes, subject, hints);
  }

  public static ApiRequest get(String pathAndQuery) {
    return new ApiRequest("GET", pathAndQuery, null, null);
  }

  public static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, null, null);
  }

  /** A POST: never re-sent blindly after an attempt that may have been applied. */
  public static ApiRequest post(String path, JsonNode body, Secret secret) {
    return new ApiRequest("POST", path, Objects.requireNonNull(body, "body"), secret);
  }

  public static ApiRequest put(String path, JsonNode body, Secret secret) {
    return new ApiRequest("PUT", path, Objects.requireNonNull(body, "body"), secret);
  }

  /**
   * {@code text} encoded for a path segment or a query value: {@code a b/c} as {@code a%20b%2Fc}.
   */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
