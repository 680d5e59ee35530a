package io.github.genesysllm.client;

import io.github.genesysllm.secret.Secret;
import org.apache.hc.core5.http.ContentType;

/**
 * One logical call, sent once or more: to the API with a bearer token, or to the login URL for a
 * token. {@code pathAndQuery} is relative to the target's URL; {@code body} may be null; {@code
 * apiKey} is the secret the body carries, if any, kept out of messages; {@code accept} the media
 * types asked for; {@code subject} what the call acts on, as messages name it ({@code provider},
 * {@code data action 'Acme - gpt-4o'}); {@code hints} the fix a refusal suggests, null for the
 * provider resource's own.
 */
record ApiCall(
    String method,
    boolean toLogin,
    String pathAndQuery,
    byte[] body,
    ContentType contentType,
    Secret apiKey,
    String accept,
    String subject,
    RefusalHints hints) {

  static final String JSON = "application/json";
  static final String PROVIDER = "provider";

  static ApiCall api(String method, String pathAndQuery) {
    return new ApiCall(method, false, pathAndQuery, null, null, null, JSON, PROVIDER, null);
  }

  static ApiCall apiWithBody(String method, String pathAndQuery, byte[] json, Secret apiKey) {
    return new ApiCall(
        method,
        false,
        pathAndQuery,
        json,
        ContentType.APPLICATION_JSON,
        apiKey,
        JSON,
        PROVIDER,
        null);
  }

  static ApiCall login(String pathAndQuery, byte[] form) {
    return new ApiCall(
        "POST",
        true,
        pathAndQuery,
        form,
        ContentType.APPLICATION_FORM_URLENCODED,
        null,
        JSON,
        "token",
        null);
  }

  /** The same call about another resource: its subject and refusal hints. */
  ApiCall about(String subject, RefusalHints hints) {
    return new ApiCall(
        method, toLogin, pathAndQuery, body, contentType, apiKey, accept, subject, hints);
  }

  /** The same call asking for other media types ({@code *}{@code /*} for a template file). */
  ApiCall accepting(String mediaTypes) {
    return new ApiCall(
        method, toLogin, pathAndQuery, body, contentType, apiKey, mediaTypes, subject, hints);
  }

  /**
   * Whether the call may be sent again after an attempt that may have been applied: not a POST to
   * the API (it would create a second resource). A token request may: a second grant only yields
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
