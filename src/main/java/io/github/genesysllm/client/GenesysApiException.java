package io.github.genesysllm.client;

import io.github.genesysllm.log.SafeText;
import java.util.List;

/**
 * A call the server refused, or could not be made. The message is complete for a build log: HTTP
 * status, the server's {@code code} and {@code message}, the fields of {@code details}, the {@code
 * ININ-Correlation-Id} and a hint of the fix. It never holds a secret, and is one line made safe to
 * print ({@link SafeText}): the server's text cannot break it.
 */
public class GenesysApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String serverMessage;
  private final String entityId;
  private final List<String> detailFields;
  private final String correlationId;

  public GenesysApiException(
      String message,
      int status,
      String code,
      String serverMessage,
      String entityId,
      List<String> detailFields,
      String correlationId,
      Throwable cause) {
    super(SafeText.of(message), cause);
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
    this.entityId = entityId;
    this.detailFields = detailFields == null ? List.of() : List.copyOf(detailFields);
    this.correlationId = correlationId;
  }

  /** A failure with no HTTP answer (connection refused, budget spent before an answer). */
  public GenesysApiException(String message, Throwable cause) {
    this(message, 0, null, null, null, List.of(), null, cause);
  }

  /** The HTTP status, or 0 when no answer came. */
  public int status() {
    return status;
  }

  /**
   * The error body's {@code code} ({@code general.conflict}, {@code version.mismatch}, ...), or
   * null.
   */
  public String code() {
    return code;
  }

  public String serverMessage() {
    return serverMessage;
  }

  /**
   * The error body's {@code entityId}: on a 409 {@code general.conflict}, the provider that holds
   * the name.
   */
  public String entityId() {
    return entityId;
  }

  public List<String> detailFields() {
    return detailFields;
  }

  public String correlationId() {
    return correlationId;
  }

  public boolean is(int httpStatus, String errorCode) {
    return status == httpStatus && errorCode.equals(code);
  }
}
