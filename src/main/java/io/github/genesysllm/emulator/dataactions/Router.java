package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.emulator.ApiResponse;
import io.github.genesysllm.emulator.EmulatorSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The endpoint table of the data-actions subset: a request's method and path under {@value
 * DataActionsApi#PREFIX} find the endpoint, its path parameters and the scopes it needs. A path
 * that fits no endpoint is answered 404 and a known path called with another method 405, both
 * before the token is looked at; of two patterns that fit, the one with more literal segments wins
 * ({@code credentials/types} over {@code credentials/{id}}).
 */
final class Router {

  /** What a client needs (contract section 2). */
  enum Access {
    READ(
        List.of(EmulatorSettings.SCOPE_INTEGRATIONS, EmulatorSettings.SCOPE_INTEGRATIONS_READONLY)),
    WRITE(List.of(EmulatorSettings.SCOPE_INTEGRATIONS));

    final List<String> scopes;

    Access(List<String> scopes) {
      this.scopes = scopes;
    }
  }

  /** Handles one request; {@code params} are the path's {@code {}} segments, in order. */
  @FunctionalInterface
  interface Handler {
    ApiResponse handle(ApiRequest request, List<String> params);
  }

  private record Endpoint(String method, String[] pattern, Access access, Handler handler) {

    /** The path parameters when the segments fit the pattern, else null. */
    List<String> match(String[] segments) {
      if (segments.length != pattern.length) {
        return null;
      }
      List<String> params = new ArrayList<>();
      for (int i = 0; i < pattern.length; i++) {
        if (pattern[i].equals("{}")) {
          params.add(segments[i]);
        } else if (!pattern[i].equals(segments[i])) {
          return null;
        }
      }
      return params;
    }

    int literals() {
      int count = 0;
      for (String part : pattern) {
        count += part.equals("{}") ? 0 : 1;
      }
      return count;
    }
  }

  private final List<Endpoint> endpoints = new ArrayList<>();

  /** Adds an endpoint; {@code pattern} is relative to the prefix, {@code {}} for a parameter. */
  Router add(String method, String pattern, Access access, Handler handler) {
    endpoints.add(
        new Endpoint(
            method, pattern.isEmpty() ? new String[0] : pattern.split("/"), access, handler));
    return this;
  }

  ApiResponse dispatch(ApiRequest r, DataActionsApi.Authorizer authorizer) {
    String rest = r.path().substring(DataActionsApi.PREFIX.length());
    String[] segments = rest.isEmpty() ? new String[0] : rest.substring(1).split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty()) {
        throw unknownPath(r);
      }
    }
    int best = -1;
    List<Endpoint> fitting = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      if (endpoint.match(segments) == null) {
        continue;
      }
      if (endpoint.literals() > best) {
        best = endpoint.literals();
        fitting.clear();
      }
      if (endpoint.literals() == best) {
        fitting.add(endpoint);
      }
    }
    if (fitting.isEmpty()) {
      throw unknownPath(r);
    }
    Set<String> allowed = new LinkedHashSet<>();
    for (Endpoint endpoint : fitting) {
      if (endpoint.method().equals(r.method())) {
        List<String> params = endpoint.match(segments);
        return authorizer.authorize(
            endpoint.access().scopes, () -> endpoint.handler().handle(r, params));
      }
      allowed.add(endpoint.method());
    }
    return ApiResponse.methodNotAllowed(r, String.join(", ", allowed));
  }

  private static ApiError unknownPath(ApiRequest r) {
    return new ApiError(
        404,
        "not.found",
        "The emulator serves nothing at "
            + r.method()
            + " "
            + r.path()
            + "; see the data-actions endpoints in the plugin's README");
  }
}
