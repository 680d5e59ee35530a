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
 * the body carries that must stay out of every message (a provider's API key), or null.
 */
public record ApiRequest(String method, String pathAndQuery, JsonNode body, Secret secret) {

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with '/', got " + pathAndQuery);
    }
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
