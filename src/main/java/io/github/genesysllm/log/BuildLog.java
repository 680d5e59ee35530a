package io.github.genesysllm.log;

import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;

/**
 * Where plain classes write for the build log, so that they know nothing of Maven: the mojos pass
 * an adapter over Maven's {@code Log}, tests pass a recorder. Never give it a secret.
 */
public interface BuildLog {

  void debug(String message);

  void info(String message);

  void warn(String message);

  /** A problem that does not stop the goal, worded for the build tool by the edge's log. */
  default void warn(Problem problem) {
    warn(problem.render(wording()));
  }

  /** How this log's build tool words a problem: the plugin's own names unless the edge says. */
  default Wording wording() {
    return Wording.PLAIN;
  }

  /** A log that drops everything. */
  BuildLog SILENT =
      new BuildLog() {
        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}
      };
}
