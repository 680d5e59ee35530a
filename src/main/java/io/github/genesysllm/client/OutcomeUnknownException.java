package io.github.genesysllm.client;

/**
 * A create or update whose outcome is unknown: the connection was reset, timed out or answered a
 * 5xx after the request was sent, so the server may have applied it. The caller settles it by
 * reading the provider back instead of re-sending the request.
 */
public class OutcomeUnknownException extends GenesysApiException {

  public OutcomeUnknownException(
      String message, int status, String correlationId, Throwable cause) {
    super(message, status, null, null, null, null, correlationId, cause);
  }
}
