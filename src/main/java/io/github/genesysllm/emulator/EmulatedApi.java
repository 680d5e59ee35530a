package io.github.genesysllm.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.dataactions.DataActionsApi;
import io.github.genesysllm.provider.ProviderJson;
import java.util.List;

/**
 * The calls of the contract, routed: the {@link TokenEndpoint}, {@code tokens/me}, the {@link
 * ProvidersResource} and the data-actions subset under {@code /api/v2/integrations} ({@link
 * DataActionsApi}), every API call behind the {@link AccessGuard} (token, rate limit, scope). Each
 * call gets an {@link ApiRequest} and gives an {@link ApiResponse}; sending it (or not) is the
 * {@link EmulatorHandler}'s business.
 *
 * <p>Beyond the contract: a known path called with another method is answered 405 {@code
 * method.not.allowed} (ErrorBody, with an {@code Allow} header); an unknown path is answered 404
 * {@code not.found} without looking at the token. A 429 of the token endpoint has the OAuth error
 * shape, {@code {"error":"too_many_requests",...}}.
 */
final class EmulatedApi {

  static final String TOKEN_PATH = TokenEndpoint.PATH;
  static final String ME_PATH = "/api/v2/tokens/me";

  private final EmulatorSettings settings;
  private final TokenEndpoint tokenEndpoint;
  private final AccessGuard access;
  private final ProvidersResource providers;
  private final DataActionsApi dataActions;

  EmulatedApi(EmulatorSettings settings, ProviderStore store, DataActionsApi dataActions) {
    this.settings = settings;
    this.dataActions = dataActions;
    TokenIssuer tokens = new TokenIssuer(settings.tokenTtlSeconds());
    RateLimiter apiLimiter =
        new RateLimiter(settings.rateWindow(), settings.rateLimit(), settings.rateWindowSeconds());
    RateLimiter tokenLimiter =
        new RateLimiter(settings.rateWindow(), settings.rateLimit(), settings.rateWindowSeconds());
    this.tokenEndpoint = new TokenEndpoint(settings, tokens, tokenLimiter);
    this.access = new AccessGuard(settings, tokens, apiLimiter);
    this.providers = new ProvidersResource(settings.providersPath(), store);
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
    String providersPath = settings.providersPath();
    if (path.equals(TOKEN_PATH)) {
      return r.method().equals("POST")
          ? tokenEndpoint.token(r)
          : ApiResponse.methodNotAllowed(r, "POST");
    }
    if (path.equals(ME_PATH)) {
      return r.method().equals("GET")
          ? access.withToken(r, null, this::me)
          : ApiResponse.methodNotAllowed(r, "GET");
    }
    if (path.equals(providersPath)) {
      switch (r.method()) {
        case "GET":
          return access.withToken(r, EmulatorSettings.SCOPE_READ, client -> providers.list(r));
        case "POST":
          return access.withToken(r, EmulatorSettings.SCOPE_WRITE, client -> providers.create(r));
        default:
          return ApiResponse.methodNotAllowed(r, "GET, POST");
      }
    }
    if (path.startsWith(providersPath + "/")) {
      String id = path.substring(providersPath.length() + 1);
      if (!id.isEmpty() && !id.contains("/")) {
        switch (r.method()) {
          case "GET":
            return access.withToken(r, EmulatorSettings.SCOPE_READ, client -> providers.get(id));
          case "PUT":
            return access.withToken(
                r, EmulatorSettings.SCOPE_WRITE, client -> providers.update(r, id));
          case "DELETE":
            return access.withToken(
                r, EmulatorSettings.SCOPE_WRITE, client -> providers.delete(id));
          default:
            return ApiResponse.methodNotAllowed(r, "GET, PUT, DELETE");
        }
      }
    }
    if (DataActionsApi.serves(path)) {
      return dataActions.handle(
          r,
          (scopes, call) ->
              access.withToken(r, scopes, DataActionsApi.SCOPE_DENIED_CODE, client -> call.get()));
    }
    throw new ApiError(
        404,
        "not.found",
        "The emulator serves nothing at "
            + r.method()
            + " "
            + path
            + "; the providers are at "
            + providersPath);
  }

  /** {@code tokens/me}: the organization and the token's client with its scopes. */
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
}
