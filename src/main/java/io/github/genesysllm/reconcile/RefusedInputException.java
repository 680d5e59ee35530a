package io.github.genesysllm.reconcile;

import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import java.util.List;

/**
 * What the build gave the core that it refuses before any request (a run option out of its range,
 * two configured providers of one name), as a problem: where, what, and how to fix it.
 */
public class RefusedInputException extends IllegalArgumentException implements Reported {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public RefusedInputException(Problem problem) {
    super(problem.toString());
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
