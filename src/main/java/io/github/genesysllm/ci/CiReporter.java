package io.github.genesysllm.ci;

import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * What a CI system is told of a goal's run, beside the build log: on GitHub Actions a job summary
 * and annotations ({@link GitHubActions}); elsewhere nothing at all ({@link #NONE}).
 */
public interface CiReporter {

  /** A goal ran to its end (its build may still fail, on drift or failed providers). */
  void goalFinished(GoalReport report, SourceFiles sources);

  /**
   * A goal stopped on its configuration before any call.
   *
   * @param message the whole message, as the build log shows it
   * @param problems each problem on its own, with its place
   * @param wording how the build tool words a problem, as its log does
   */
  void configurationFailed(
      String heading, String message, List<Problem> problems, Wording wording, SourceFiles sources);

  /** Outside a known CI system: tells nothing. */
  CiReporter NONE =
      new CiReporter() {
        @Override
        public void goalFinished(GoalReport report, SourceFiles sources) {}

        @Override
        public void configurationFailed(
            String heading,
            String message,
            List<Problem> problems,
            Wording wording,
            SourceFiles sources) {}
      };

  /**
   * The reporter of the CI system the build runs in: {@link GitHubActions} when {@code
   * GITHUB_ACTIONS} is exactly {@code true}, else {@link #NONE}.
   *
   * @param env the environment ({@code System::getenv} in a build)
   * @param out where workflow commands go: the process's standard output, which the runner reads
   * @param log the build log, for a summary that cannot be written
   */
  static CiReporter detect(Function<String, String> env, PrintStream out, BuildLog log) {
    return "true".equals(env.apply(GitHubActions.ENV_GITHUB_ACTIONS))
        ? GitHubActions.fromEnvironment(env, out, log)
        : NONE;
  }
}
