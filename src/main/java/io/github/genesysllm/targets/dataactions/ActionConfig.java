package io.github.genesysllm.targets.dataactions;

import java.util.Map;
import java.util.Objects;

/**
 * A data action's {@code config}: what Genesys Cloud sends and how it reads the answer. Maps keep
 * their order (headers, translation map) and cannot be changed.
 *
 * @param timeoutSeconds {@code timeoutSeconds}, 1 to 60; null when the server shows none (its
 *     default, 60)
 */
public record ActionConfig(Integer timeoutSeconds, Request request, Response response) {

  public ActionConfig {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
  }

  /** {@code config.request}: URL and body are Velocity templates, header values too. */
  public record Request(
      String urlTemplate, String requestType, Map<String, String> headers, String template) {

    public Request {
      headers = Maps.ordered(headers);
    }
  }

  /**
   * {@code config.response}: JSONPaths into the answer, their defaults as JSON literals, and the
   * Velocity template of the result.
   */
  public record Response(
      Map<String, String> translationMap,
      Map<String, String> translationMapDefaults,
      String successTemplate) {

    public Response {
      translationMap = Maps.ordered(translationMap);
      translationMapDefaults = Maps.ordered(translationMapDefaults);
    }
  }
}
