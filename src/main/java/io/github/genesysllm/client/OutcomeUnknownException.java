package io.github.genesysllm.client;

import io.github.genesysllm.problem.Problem;

/**
 * A create or update whose outcome is unknown: the connection was reset, timed out or answered a
 * 5xx after the request was sent, so the server may have applied it. The caller settles it by
 * reading the provider back instead of re-sending the request.
 */
public class OutcomeUnknownException extends GenesysApiException {

  /**
   * @param status the status of the answer that left it unknown, or 0 when none came
   */
  public OutcomeUnknownException(Problem problem, int status, Throwable cause) {
    super(problem, status, null, null, null, null, cause);
  }

  /** The same outcome, with {@code sentence} added to what happened, caused by {@code cause}. */
  OutcomeUnknownException adding(String sentence, Throwable cause) {
    Problem was = problem();
    return new OutcomeUnknownException(was.withWhat(was.what() + " " + sentence), status(), cause);
  }
}
