package io.github.genesysllm.reconcile;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A probe that cannot start (a trust store that cannot be read): raised before the organization is
 * read. Its problems are the target's reason, each said to stop the probe: the cause's own problems
 * (place, fix and all) when it carries them, else its message.
 */
public class ProbeUnavailableException extends RuntimeException implements Reported {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ProbeUnavailableException(RuntimeException cause) {
    this(problemsOf(cause), cause);
  }

  private ProbeUnavailableException(List<Problem> problems, RuntimeException cause) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")), cause);
    this.problems = problems;
  }

  @Override
  public List<Problem> problems() {
    return problems;
  }

  private static List<Problem> problemsOf(RuntimeException cause) {
    List<Problem> reasons =
        cause instanceof Reported reported
            ? reported.problems()
            : List.of(Problem.at(Place.NOWHERE, String.valueOf(cause.getMessage()), null));
    return reasons.stream()
        .map(reason -> reason.withWhat("the model probe cannot start: " + reason.what()))
        .toList();
  }
}
