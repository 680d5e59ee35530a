package io.github.genesysllm.reconcile;

import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import java.util.List;

/**
 * A change a target refuses to make, as a problem written for the user (what was found, why nothing
 * was written, how to fix it): reported as it is, as a server's refusal is, where any other
 * exception is reported with its class.
 */
public class RefusedChangeException extends RuntimeException implements Reported {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public RefusedChangeException(Problem problem) {
    super(problem.toString(), null, false, false);
    this.problem = problem;
  }

  /** What was refused, where, and how to fix it. */
  public Problem problem() {
    return problem;
  }

  @Override
  public List<Problem> problems() {
    return List.of(problem);
  }
}
