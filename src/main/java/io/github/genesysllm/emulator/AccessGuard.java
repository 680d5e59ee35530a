package io.github.genesysllm.emulator;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What every API call passes before it runs, in this order: a bearer token that is known and not
 * expired ({@code 401 authentication.required}, {@code bad.credentials} or {@code
 * credentials.expired}), the rate limit per token ({@code 429 too.many.requests} with {@code
 * Retry-After}) and, where the call needs one, a scope of the token's client ({@code 403}).
 */
final class AccessGuard {

  private final TokenIssuer tokens;
  private final RateLimiter limiter;
  private final EmulatorSettings settings;

  AccessGuard(EmulatorSettings settings, TokenIssuer tokens, RateLimiter limiter) {
    this.settings = settings;
    this.tokens = tokens;
    this.limiter = limiter;
  }

  /**
   * Runs {@code call} for the token's client once the token, the rate limit and the scope (if any)
   * allow it; a client without the scope is refused 403 {@code missing.any.permissions}.
   */
  ApiResponse withToken(ApiRequest r, String scope, Function<EmulatedClient, ApiResponse> call) {
    return withToken(
        r, scope == null ? List.of() : List.of(scope), "missing.any.permissions", call);
  }

  /**
   * Runs {@code call} once the token and the rate limit allow it and the client holds one of {@code
   * anyOfScopes} (none: no scope needed); a client without one is refused 403 {@code deniedCode}.
   */
  ApiResponse withToken(
      ApiRequest r,
      List<String> anyOfScopes,
      String deniedCode,
      Function<EmulatedClient, ApiResponse> call) {
    String authorization = r.headers().getFirst("Authorization");
    if (authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.substring(7).isBlank()) {
      throw new ApiError(
          401,
          "authentication.required",
          "No authentication bearer token specified in the Authorization header");
    }
    String token = authorization.substring(7).trim();
    TokenIssuer.Lookup lookup = tokens.lookup(token);
    if (lookup.status() == TokenIssuer.Status.UNKNOWN) {
      throw new ApiError(
          401, "bad.credentials", "Invalid login credentials: the bearer token is not known");
    }
    if (lookup.status() == TokenIssuer.Status.EXPIRED) {
      throw new ApiError(
          401, "credentials.expired", "The bearer token has expired; ask for a new one");
    }
    OptionalLong wait = limiter.acquire(token);
    if (wait.isPresent()) {
      return ApiResponse.error(
              429,
              "too.many.requests",
              rateLimitMessage(settings),
              null,
              List.of(),
              r.correlationId())
          .withHeader("Retry-After", Long.toString(wait.getAsLong()));
    }
    EmulatedClient client = lookup.client();
    if (!anyOfScopes.isEmpty() && anyOfScopes.stream().noneMatch(client.scopes()::contains)) {
      throw new ApiError(
          403,
          deniedCode,
          "Unable to perform the requested action. The OAuth client '"
              + client.id()
              + "' must have at least one of the following scopes assigned: ["
              + String.join(", ", anyOfScopes)
              + "]");
    }
    return call.apply(client);
  }

  /** The message of a 429, of the API and of the token endpoint alike. */
  static String rateLimitMessage(EmulatorSettings settings) {
    return "Rate limit exceeded the maximum ["
        + settings.rateLimit()
        + "] requests within ["
        + settings.rateWindowSeconds()
        + "] seconds";
  }
}
