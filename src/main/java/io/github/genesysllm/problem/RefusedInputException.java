package io.github.genesysllm.problem;

import java.util.List;

/**
 * What the build gave a plain class that it refuses before any request (a setting out of its range,
 * two configured providers of one name, an unknown target), as a problem: where, what, and how to
 * fix it. An {@link IllegalArgumentException}, so that it is the user's to fix.
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
