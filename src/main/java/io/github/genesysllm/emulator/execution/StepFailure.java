package io.github.genesysllm.emulator.execution;

/**
 * Why a step failed: the ErrorBody of the failed operation ({@code code}, {@code status}, {@code
 * message}) and what {@code /execute} answers for it, which differs only for a remote error.
 */
final class StepFailure extends Exception {

  private static final String REMOTE_FAILED =
      "REST call for action execute failed. Message: Request to backend service failed.";

  final String code;
  final int status;
  final String executeCode;
  final int executeStatus;

  private StepFailure(String code, int status, String executeCode, int executeStatus, String m) {
    super(m, null, false, false);
    this.code = code;
    this.status = status;
    this.executeCode = executeCode;
    this.executeStatus = executeStatus;
  }

  /** A failure answered alike by {@code /test} and {@code /execute}. */
  static StepFailure of(int status, String code, String message) {
    return new StepFailure(code, status, code, status, message);
  }

  /**
   * The remote service answered {@code remoteStatus} (not 2xx): the operation error echoes that
   * status with {@code bad.request} (section 7.1); {@code /execute} answers {@code 400 bad.request}
   * for a 3xx or 4xx and {@code 500 internal.server.error} for a 5xx (section 6.2).
   */
  static StepFailure remote(int remoteStatus, String body) {
    boolean serverError = remoteStatus >= 500;
    return new StepFailure(
        "bad.request",
        remoteStatus,
        serverError ? "internal.server.error" : "bad.request",
        serverError ? 500 : 400,
        REMOTE_FAILED + " Response from web service: " + body);
  }

  /** The remote call could not be made or completed (connection, TLS, oversized answer). */
  static StepFailure unreachable(String code, String reason) {
    return of(500, code, REMOTE_FAILED + " " + reason);
  }

  /** {@code timeoutSeconds} passed (section 6.2: {@code 504 request.timeout}). */
  static StepFailure timeout(Deadline deadline, String during) {
    return of(
        504,
        "request.timeout",
        "The action did not complete within its timeoutSeconds ("
            + deadline.seconds()
            + " s): "
            + during
            + " took too long");
  }
}
