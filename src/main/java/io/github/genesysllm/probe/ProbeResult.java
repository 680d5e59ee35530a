package io.github.genesysllm.probe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.reconcile.Probed;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ModelProbe} found at a provider's endpoint: {@code url} is the address asked
 * ({@code {baseUrl}/models}), {@code missingModels} the configured model ids the endpoint does not
 * list (empty unless {@link Status#MODELS_MISSING}), {@code message} what was found and, on a
 * failure, how to fix it; {@code problem} the failure as data (the provider's field at fault, a
 * {@link ProbeHint}), null when {@link Status#OK}. Never holds the API key.
 */
public record ProbeResult(
    Status status, String url, List<String> missingModels, String message, Problem problem)
    implements Probed {

  public enum Status {
    /** The endpoint lists every configured model. */
    OK,
    /** The endpoint answered, but does not list some configured models. */
    MODELS_MISSING,
    /** The endpoint refused the API key (401 or 403). */
    UNAUTHORIZED,
    /** No answer: connection refused, unknown host, TLS handshake failed, timeout. */
    UNREACHABLE,
    /** An answer that is not a model list: another status, a redirect, not JSON, another shape. */
    BAD_RESPONSE
  }

  public ProbeResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    missingModels = List.copyOf(missingModels);
    if ((status == Status.OK) != (problem == null)) {
      throw new IllegalArgumentException("a problem goes with a failure, and only with one");
    }
  }

  /** The endpoint lists every configured model; {@code message} says how many it serves. */
  public static ProbeResult ok(String url, String message) {
    return new ProbeResult(Status.OK, url, List.of(), message, null);
  }

  /**
   * A failure; its message is the problem's words without its place, which the line or report entry
   * it is shown in already names (the provider).
   */
  public static ProbeResult failed(
      Status status, String url, List<String> missingModels, Problem problem) {
    String message = Problem.at(Place.NOWHERE, problem.what(), problem.fix()).render(Wording.PLAIN);
    return new ProbeResult(status, url, missingModels, message, problem);
  }

  /** A failure at {@code field} of {@code provider}, no model named missing. */
  static ProbeResult failedAt(
      Status status, String url, String provider, String field, String what, Fix fix) {
    return failed(
        status, url, List.of(), Problem.at(new Place.OfProvider(provider, field), what, fix));
  }

  @Override
  public boolean ok() {
    return status == Status.OK;
  }

  /** {@code UNAUTHORIZED: the endpoint refused the API key ...}, for a log line. */
  @Override
  public String describe() {
    return status + ": " + message;
  }

  /** {@code {"status", "url", "missingModels" (only when some are), "message"}}. */
  @Override
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("status", status.name());
    node.put("url", url);
    if (!missingModels.isEmpty()) {
      missingModels.forEach(node.putArray("missingModels")::add);
    }
    node.put("message", message);
    return node;
  }
}
