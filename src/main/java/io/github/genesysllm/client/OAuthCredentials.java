package io.github.genesysllm.client;

import io.github.genesysllm.secret.Secret;
import java.util.Objects;

/**
 * How the plugin authenticates: an OAuth client (id and secret, for the client-credentials grant)
 * or a ready access token used as is. {@code source} says where they were read from (for example
 * the build tool's server credentials 'genesys-cloud'), for log lines and 401 hints; it never holds
 * a value.
 */
public final class OAuthCredentials {
  private final String clientId;
  private final Secret clientSecret;
  private final Secret accessToken;
  private final String source;

  private OAuthCredentials(
      String clientId, Secret clientSecret, Secret accessToken, String source) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.accessToken = accessToken;
    this.source = Objects.requireNonNull(source, "source");
  }

  public static OAuthCredentials clientCredentials(
      String clientId, Secret clientSecret, String source) {
    return new OAuthCredentials(
        Objects.requireNonNull(clientId, "clientId"),
        Objects.requireNonNull(clientSecret, "clientSecret"),
        null,
        source);
  }

  public static OAuthCredentials accessToken(Secret accessToken, String source) {
    return new OAuthCredentials(
        null, null, Objects.requireNonNull(accessToken, "accessToken"), source);
  }

  /** True for a ready token: it cannot be renewed, so a 401 with it is final. */
  public boolean isAccessToken() {
    return accessToken != null;
  }

  public String clientId() {
    return clientId;
  }

  public Secret clientSecret() {
    return clientSecret;
  }

  public Secret accessToken() {
    return accessToken;
  }

  /** Where the credentials came from, for messages. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return isAccessToken()
        ? "access token from " + source
        : "OAuth client '" + clientId + "' from " + source;
  }
}
