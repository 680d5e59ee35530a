package io.github.genesysllm.emulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Issues opaque access tokens (random, not JWTs) and tells, for a token a request shows, which
 * client it belongs to or that it is unknown or expired. Expired tokens are kept so that they can
 * be told apart from unknown ones ({@code credentials.expired} against {@code bad.credentials}).
 */
final class TokenIssuer {

  /** What a bearer token turned out to be. */
  enum Status {
    VALID,
    UNKNOWN,
    EXPIRED
  }

  record Lookup(Status status, EmulatedClient client) {}

  private record Issued(EmulatedClient client, long expiresAtNanos) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final long ttlNanos;

  TokenIssuer(long ttlSeconds) {
    this.ttlNanos = TimeUnit.SECONDS.toNanos(ttlSeconds);
  }

  String issue(EmulatedClient client) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, new Issued(client, System.nanoTime() + ttlNanos));
    return token;
  }

  Lookup lookup(String token) {
    Issued issued = tokens.get(token);
    if (issued == null) {
      return new Lookup(Status.UNKNOWN, null);
    }
    if (System.nanoTime() - issued.expiresAtNanos() >= 0) {
      return new Lookup(Status.EXPIRED, issued.client());
    }
    return new Lookup(Status.VALID, issued.client());
  }
}
