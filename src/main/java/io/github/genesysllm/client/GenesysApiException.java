package io.github.genesysllm.client;

import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.problem.Wording;
import java.util.List;

/**
 * A call the server refused, or could not be made. Its {@link #problem()} says where (the request),
 * what the server said (HTTP status, its {@code code} and {@code message}, the fields of {@code
 * details}), how to fix it and the {@code ININ-Correlation-Id}; the answer's fields are kept as
 * data too. It never holds a secret; its message is the problem in the plugin's own words, one line
 * made safe to print ({@link SafeText}): the server's text cannot break it.
 */
public class GenesysApiException extends RuntimeException implements Reported {

  private final transient Problem problem;
  private final int status;
  private final String code;
  private final String serverMessage;
  private final String entityId;
  private final List<String> detailFields;

  /**
   * A refused call: {@code problem}, and the answer's status and error body's {@code code}, {@code
   * message}, {@code entityId} and {@code details[].fieldName} (each may be null).
   */
  public GenesysApiException(
      Problem problem,
      int status,
      String code,
      String serverMessage,
      String entityId,
      List<String> detailFields,
      Throwable cause) {
    super(SafeText.of(problem.render(Wording.PLAIN)), cause);
    this.problem = problem;
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
    this.entityId = entityId;
    this.detailFields = detailFields == null ? List.of() : List.copyOf(detailFields);
  }

  /** A failure with no HTTP answer (connection refused, budget spent before an answer). */
  public GenesysApiException(Problem problem, Throwable cause) {
    this(problem, 0, null, null, null, List.of(), cause);
  }

  /** A failure with no HTTP answer, no place and no fix to name, in the caller's words. */
  public GenesysApiException(String message, Throwable cause) {
    this(Problem.at(Place.NOWHERE, message, null), cause);
  }

  /** What went wrong, as data. */
  public Problem problem() {
    return problem;
  }

  @Override
  public List<Problem> problems() {
    return List.of(problem);
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

  /** The answer's {@code ININ-Correlation-Id} (else its body's {@code contextId}), or null. */
  public String correlationId() {
    return problem.correlationId();
  }

  public boolean is(int httpStatus, String errorCode) {
    return status == httpStatus && errorCode.equals(code);
  }
}
