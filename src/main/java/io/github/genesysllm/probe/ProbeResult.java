package io.github.genesysllm.probe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.reconcile.Probed;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ModelProbe} found at a provider's endpoint: {@code url} is the address asked
 * ({@code {baseUrl}/models}), {@code missingModels} the configured model ids the endpoint does not
 * list (empty unless {@link Status#MODELS_MISSING}), {@code message} what was found and, on a
 * failure, how to fix it. Never holds the API key.
 */
public record ProbeResult(Status status, String url, List<String> missingModels, String message)
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
