package io.github.genesysllm.client;

import io.github.genesysllm.secret.Secret;
import org.apache.hc.core5.http.ContentType;

/**
 * One logical call, sent once or more: to the API with a bearer token, or to the login URL for a
 * token. {@code pathAndQuery} is relative to the target's URL; {@code body} may be null; {@code
 * apiKey} is the provider key the body carries, if any, kept out of messages.
 */
record ApiCall(
    String method,
    boolean toLogin,
    String pathAndQuery,
    byte[] body,
    ContentType contentType,
    Secret apiKey) {

  static ApiCall api(String method, String pathAndQuery) {
    return new ApiCall(method, false, pathAndQuery, null, null, null);
  }

  static ApiCall apiWithBody(String method, String pathAndQuery, byte[] json, Secret apiKey) {
    return new ApiCall(method, false, pathAndQuery, json, ContentType.APPLICATION_JSON, apiKey);
  }

  /**
   * Whether the call may be sent again after an attempt that may have been applied: not a POST to
   * the API (it would create a second provider). A token request may: a second grant only yields
   * another token.
   */
  boolean resendable() {
    return toLogin || !"POST".equals(method);
  }

  /** Method and path, for messages: {@code POST /api/v2/ai/llm/providers}. */
  String display() {
    return method + " " + pathAndQuery;
  }
}
