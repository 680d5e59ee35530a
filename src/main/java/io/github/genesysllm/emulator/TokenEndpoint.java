package io.github.genesysllm.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * {@code POST /oauth/token}: the client credentials grant for a configured client named with its
 * secret in a {@code Basic} header, within the rate limit per client. Its errors have the OAuth
 * shape ({@code {"error": ..., "error_description": ...}}), not the ErrorBody.
 */
final class TokenEndpoint {

  static final String PATH = "/oauth/token";

  private final EmulatorSettings settings;
  private final TokenIssuer tokens;
  private final RateLimiter limiter;

  TokenEndpoint(EmulatorSettings settings, TokenIssuer tokens, RateLimiter limiter) {
    this.settings = settings;
    this.tokens = tokens;
    this.limiter = limiter;
  }

  ApiResponse token(ApiRequest r) {
    EmulatedClient client = basicClient(r.headers().getFirst("Authorization"));
    if (client == null) {
      return ApiResponse.oauthError(401, "invalid_client", "client not found");
    }
    OptionalLong wait = limiter.acquire(client.id());
    if (wait.isPresent()) {
      return ApiResponse.oauthError(
              429, "too_many_requests", AccessGuard.rateLimitMessage(settings))
          .withHeader("Retry-After", Long.toString(wait.getAsLong()));
    }
    String grant =
        ApiRequest.decodeForm(new String(r.body(), StandardCharsets.UTF_8)).get("grant_type");
    if (!"client_credentials".equals(grant)) {
      return ApiResponse.oauthError(
          400,
          "unsupported_grant_type",
          "grant_type must be client_credentials, got "
              + (grant == null ? "nothing" : "'" + grant + "'"));
    }
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    body.put("access_token", tokens.issue(client));
    body.put("token_type", "bearer");
    body.put("expires_in", settings.tokenTtlSeconds());
    return ApiResponse.json(200, body).withHeader("Cache-Control", "no-store");
  }

  /** The client a {@code Basic} header names with its right secret, or null. */
  private EmulatedClient basicClient(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String id = decoded.substring(0, colon);
    byte[] secret = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
    for (EmulatedClient client : settings.clients()) {
      if (client.id().equals(id)
          && MessageDigest.isEqual(
              client.secret().reveal().getBytes(StandardCharsets.UTF_8), secret)) {
        return client;
      }
    }
    return null;
  }
}
