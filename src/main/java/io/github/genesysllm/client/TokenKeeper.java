package io.github.genesysllm.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

/**
 * The client's bearer token: the ready access token, or one asked for with the client-credentials
 * grant, cached, renewed shortly before it expires and forgotten when the API refuses it. Every
 * secret of the credentials is added to the redactor. Thread-safe: parallel calls share the token.
 */
final class TokenKeeper {

  private static final String TOKEN_PATH = "/oauth/token";
  private static final byte[] GRANT =
      "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);
  private static final String EXPECTED = "a token (access_token, expires_in)";

  /**
   * A token is renewed this long before it expires at most (or 10% of its lifetime, if shorter).
   */
  private static final Duration MAX_RENEWAL_MARGIN = Duration.ofSeconds(60);

  /**
   * Longer lifetimes are read as this one: a run never lasts that long, and nanosecond sums stay in
   * range.
   */
  private static final long MAX_TOKEN_LIFETIME_SECONDS = Duration.ofDays(30).toSeconds();

  private final OAuthCredentials credentials;
  private final TimeSource time;
  private final Redactor redactor;
  private final AnswerReader reader;
  private final BuildLog log;

  /** Sends the token request under the client's retry policy. */
  private final Function<ApiCall, HttpTransport.Answer> login;

  /**
   * {@code base64(clientId:clientSecret)} of the token request, or null with a ready access token.
   */
  private final Secret basicCredentials;

  private final Object lock = new Object();
  private Secret token;

  /**
   * Whether the token has a lifetime; if so, {@link #renewAtNanos} is when to ask for a new one.
   */
  private boolean tokenExpires;

  private long renewAtNanos;

  TokenKeeper(
      OAuthCredentials credentials,
      TimeSource time,
      Redactor redactor,
      AnswerReader reader,
      BuildLog log,
      Function<ApiCall, HttpTransport.Answer> login) {
    this.credentials = credentials;
    this.time = time;
    this.redactor = redactor;
    this.reader = reader;
    this.log = log;
    this.login = login;
    redactor.add(credentials.clientSecret());
    redactor.add(credentials.accessToken());
    // a login that echoes its request shows the secret only in this encoding
    this.basicCredentials =
        credentials.isAccessToken()
            ? null
            : Secret.of(
                Base64.getEncoder()
                    .encodeToString(
                        (credentials.clientId() + ":" + credentials.clientSecret().reveal())
                            .getBytes(StandardCharsets.UTF_8)));
    redactor.add(basicCredentials);
  }

  /** The Basic credentials of the token request. */
  Secret basicCredentials() {
    return basicCredentials;
  }

  /** Whether a token the API refused can be replaced: not a ready access token. */
  boolean renewable() {
    return !credentials.isAccessToken();
  }

  /** The token to send: the ready one, or the cached one, asked for anew when missing or due. */
  Secret current() {
    if (credentials.isAccessToken()) {
      return credentials.accessToken();
    }
    synchronized (lock) {
      if (token == null || tokenExpires && time.nanoTime() - renewAtNanos >= 0) {
        requestToken();
      }
      return token;
    }
  }

  /** Forgets a token the API refused, unless another thread already replaced it. */
  void discard(Secret refused) {
    synchronized (lock) {
      if (token == refused) {
        token = null;
      }
    }
  }

  private void requestToken() {
    ApiCall call = ApiCall.login(TOKEN_PATH, GRANT);
    long askedAt = time.nanoTime();
    HttpTransport.Answer answer = login.apply(call);
    JsonNode body = reader.readJson(call, answer, EXPECTED);
    JsonNode accessToken = body.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isEmpty()) {
      throw reader.badBody(call, answer, EXPECTED, "it has no access_token", null);
    }
    Secret fresh = Secret.of(accessToken.asText());
    redactor.add(fresh);
    JsonNode expiresIn = body.get("expires_in");
    // without a lifetime the token is used until the API refuses it, then renewed once
    tokenExpires = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0;
    if (tokenExpires) {
      Duration lifetime =
          Duration.ofSeconds(Math.min(expiresIn.asLong(), MAX_TOKEN_LIFETIME_SECONDS));
      Duration margin = lifetime.dividedBy(10);
      if (margin.compareTo(MAX_RENEWAL_MARGIN) > 0) {
        margin = MAX_RENEWAL_MARGIN;
      }
      renewAtNanos = askedAt + lifetime.minus(margin).toNanos();
    }
    token = fresh;
    log.debug(
        "Got a token for OAuth client '"
            + credentials.clientId()
            + "'"
            + (tokenExpires ? ", valid for " + expiresIn.asLong() + " s" : ", no lifetime given"));
  }
}
