package io.github.genesysllm.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.dataactions.DataActionsApi;
import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderRules;
import io.github.genesysllm.provider.ProviderRules.Operation;
import io.github.genesysllm.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calls of the contract: the token endpoint, {@code tokens/me} and the provider resource, with
 * authentication, scopes and the rate limit; the data-actions subset under {@code
 * /api/v2/integrations} is {@link DataActionsApi}'s, behind the same token, rate limit and scope
 * check. Each call gets an {@link ApiRequest} and gives an {@link ApiResponse}; sending it (or not)
 * is the {@link EmulatorHandler}'s business.
 *
 * <p>Beyond the contract: a known path called with another method is answered 405 {@code
 * method.not.allowed} (ErrorBody, with an {@code Allow} header); an unknown path is answered 404
 * {@code not.found} without looking at the token. A 429 of the token endpoint has the OAuth error
 * shape, {@code {"error":"too_many_requests",...}}.
 */
final class EmulatedApi {

  static final String TOKEN_PATH = "/oauth/token";
  static final String ME_PATH = "/api/v2/tokens/me";

  private static final ObjectReader STRICT_JSON =
      ProviderJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int DEFAULT_PAGE_SIZE = 25;
  private static final int MAX_PAGE_SIZE = 100;

  private final EmulatorSettings settings;
  private final ProviderStore store;
  private final TokenIssuer tokens;
  private final RateLimiter apiLimiter;
  private final RateLimiter tokenLimiter;
  private final DataActionsApi dataActions;

  EmulatedApi(EmulatorSettings settings, ProviderStore store, DataActionsApi dataActions) {
    this.settings = settings;
    this.store = store;
    this.dataActions = dataActions;
    this.tokens = new TokenIssuer(settings.tokenTtlSeconds());
    this.apiLimiter = new RateLimiter(settings.rateLimit(), settings.rateWindowSeconds());
    this.tokenLimiter = new RateLimiter(settings.rateLimit(), settings.rateWindowSeconds());
  }

  ApiResponse handle(ApiRequest r) {
    try {
      return route(r);
    } catch (ApiError e) {
      return ApiResponse.error(e, r.correlationId());
    } catch (RuntimeException e) {
      // the message of an internal failure never holds a request body, so it is safe to show
      return ApiResponse.error(
          500,
          "internal.server.error",
          "The emulator failed: " + e.getMessage(),
          null,
          List.of(),
          r.correlationId());
    }
  }

  private ApiResponse route(ApiRequest r) {
    String path = r.path();
    String providers = settings.providersPath();
    if (path.equals(TOKEN_PATH)) {
      return r.method().equals("POST") ? token(r) : ApiResponse.methodNotAllowed(r, "POST");
    }
    if (path.equals(ME_PATH)) {
      return r.method().equals("GET")
          ? withToken(r, null, this::me)
          : ApiResponse.methodNotAllowed(r, "GET");
    }
    if (path.equals(providers)) {
      switch (r.method()) {
        case "GET":
          return withToken(r, EmulatorSettings.SCOPE_READ, client -> list(r));
        case "POST":
          return withToken(r, EmulatorSettings.SCOPE_WRITE, client -> create(r));
        default:
          return ApiResponse.methodNotAllowed(r, "GET, POST");
      }
    }
    if (path.startsWith(providers + "/")) {
      String id = path.substring(providers.length() + 1);
      if (!id.isEmpty() && !id.contains("/")) {
        switch (r.method()) {
          case "GET":
            return withToken(r, EmulatorSettings.SCOPE_READ, client -> get(id));
          case "PUT":
            return withToken(r, EmulatorSettings.SCOPE_WRITE, client -> update(r, id));
          case "DELETE":
            return withToken(r, EmulatorSettings.SCOPE_WRITE, client -> delete(id));
          default:
            return ApiResponse.methodNotAllowed(r, "GET, PUT, DELETE");
        }
      }
    }
    if (DataActionsApi.serves(path)) {
      return dataActions.handle(
          r,
          (scopes, call) ->
              withToken(r, scopes, DataActionsApi.SCOPE_DENIED_CODE, client -> call.get()));
    }
    throw new ApiError(
        404,
        "not.found",
        "The emulator serves nothing at "
            + r.method()
            + " "
            + path
            + "; the providers are at "
            + providers);
  }

  // ---- token endpoint ------------------------------------------------------------------------

  private ApiResponse token(ApiRequest r) {
    EmulatedClient client = basicClient(r.headers().getFirst("Authorization"));
    if (client == null) {
      return ApiResponse.oauthError(401, "invalid_client", "client not found");
    }
    OptionalLong wait = tokenLimiter.acquire(client.id());
    if (wait.isPresent()) {
      return ApiResponse.oauthError(429, "too_many_requests", rateLimitMessage())
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

  // ---- bearer token, rate limit, scope -------------------------------------------------------

  /**
   * Runs {@code call} for the token's client once the token, the rate limit and the scope (if any)
   * allow it.
   */
  private ApiResponse withToken(
      ApiRequest r, String scope, Function<EmulatedClient, ApiResponse> call) {
    return withToken(
        r, scope == null ? List.of() : List.of(scope), "missing.any.permissions", call);
  }

  /**
   * Runs {@code call} once the token and the rate limit allow it and the client holds one of {@code
   * anyOfScopes} (none: no scope needed); a client without one is refused 403 {@code deniedCode}.
   */
  private ApiResponse withToken(
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
    OptionalLong wait = apiLimiter.acquire(token);
    if (wait.isPresent()) {
      return ApiResponse.error(
              429, "too.many.requests", rateLimitMessage(), null, List.of(), r.correlationId())
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

  private String rateLimitMessage() {
    return "Rate limit exceeded the maximum ["
        + settings.rateLimit()
        + "] requests within ["
        + settings.rateWindowSeconds()
        + "] seconds";
  }

  // ---- tokens/me -----------------------------------------------------------------------------

  private ApiResponse me(EmulatedClient client) {
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    ObjectNode organization = body.putObject("organization");
    organization.put("id", settings.organizationId());
    organization.put("name", settings.organizationName());
    body.set("homeOrganization", organization.deepCopy());
    ArrayNode scopes = body.putArray("authorizedScope");
    client.scopes().stream().sorted().forEach(scopes::add);
    ObjectNode oauthClient = body.putObject("OAuthClient");
    oauthClient.put("id", client.id());
    oauthClient.put("name", client.id());
    return ApiResponse.json(200, body);
  }

  // ---- providers -----------------------------------------------------------------------------

  private ApiResponse list(ApiRequest r) {
    Map<String, String> query = r.query();
    List<String> broken = new ArrayList<>();
    int pageSize =
        intParameter(
            query.get("pageSize"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, "pageSize", broken);
    int pageNumber =
        intParameter(query.get("pageNumber"), 1, 1, Integer.MAX_VALUE, "pageNumber", broken);
    if (!broken.isEmpty()) {
      throw new ApiError(
          400,
          "invalid.value",
          "pageSize must be an integer from 1 to "
              + MAX_PAGE_SIZE
              + " and pageNumber an integer from 1 up; got "
              + describeParameters(query),
          null,
          broken);
    }
    String name = query.get("name");
    List<Provider> matching =
        name == null ? store.list() : store.findByName(name).map(List::of).orElse(List.of());
    return ApiResponse.json(
        200,
        PageEnvelope.of(
            matching,
            pageSize,
            pageNumber,
            ProviderJson::toRepresentation,
            page -> pageUri(pageSize, page, name)));
  }

  private static int intParameter(
      String value, int fallback, int min, int max, String name, List<String> broken) {
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the other broken parameters
    }
    broken.add(name);
    return fallback;
  }

  private static String describeParameters(Map<String, String> query) {
    return query.entrySet().stream()
        .filter(e -> e.getKey().equals("pageSize") || e.getKey().equals("pageNumber"))
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private String pageUri(int pageSize, int pageNumber, String name) {
    String uri = settings.providersPath() + "?pageSize=" + pageSize + "&pageNumber=" + pageNumber;
    return name == null ? uri : uri + "&name=" + PageEnvelope.encode(name);
  }

  private ApiResponse get(String id) {
    Provider provider = store.get(id).orElseThrow(() -> ProviderStore.notFound(id));
    return ApiResponse.json(200, ProviderJson.toRepresentation(provider));
  }

  private ApiResponse create(ApiRequest r) {
    JsonNode body = validBody(r, Operation.CREATE);
    Provider created =
        store.create(ProviderJson.settingsOf(body), Secret.of(body.get("apiKey").asText()));
    return ApiResponse.json(201, ProviderJson.toRepresentation(created))
        .withHeader("Location", created.selfUri());
  }

  private ApiResponse update(ApiRequest r, String id) {
    JsonNode body = validBody(r, Operation.UPDATE);
    Secret apiKey = body.hasNonNull("apiKey") ? Secret.of(body.get("apiKey").asText()) : null;
    Provider updated =
        store.update(id, body.get("version").asLong(), ProviderJson.settingsOf(body), apiKey);
    return ApiResponse.json(200, ProviderJson.toRepresentation(updated));
  }

  private ApiResponse delete(String id) {
    if (!store.delete(id)) {
      throw ProviderStore.notFound(id);
    }
    return ApiResponse.empty(204);
  }

  /**
   * The body as a JSON object that keeps every rule. @throws ApiError 400 bad.request or
   * invalid.value
   */
  private static JsonNode validBody(ApiRequest r, Operation operation) {
    JsonNode body;
    try {
      body = STRICT_JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      // never echo the body: it holds the API key
      throw new ApiError(
          400,
          "bad.request",
          "The request body is not valid JSON (at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (java.io.IOException e) {
      throw new ApiError(400, "bad.request", "The request body cannot be read as JSON");
    }
    if (body == null || !body.isObject()) {
      throw new ApiError(
          400,
          "bad.request",
          "The request body must be a JSON object (a provider), got "
              + (body == null || body.isMissingNode()
                  ? "nothing"
                  : body.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    List<FieldViolation> violations = ProviderRules.validate(body, operation);
    if (!violations.isEmpty()) {
      String message =
          violations.stream()
              .map(v -> v.field() + " " + v.message())
              .collect(
                  Collectors.joining(
                      "; ",
                      "The provider breaks "
                          + violations.size()
                          + (violations.size() == 1 ? " rule: " : " rules: "),
                      ""));
      throw new ApiError(
          400,
          "invalid.value",
          message,
          null,
          violations.stream().map(FieldViolation::field).collect(Collectors.toList()));
    }
    return body;
  }
}
