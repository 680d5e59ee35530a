package io.github.genesysllm.mojo;

import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import org.apache.maven.plugin.logging.Log;

/** Hands the plain classes' log lines to Maven's log. */
final class MavenBuildLog implements BuildLog {
  private final Log log;

  MavenBuildLog(Log log) {
    this.log = log;
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void warn(Problem problem) {
    log.warn(MavenHelpfulSuggestions.line(problem));
  }

  @Override
  public Wording wording() {
    return MavenHelpfulSuggestions.WORDING;
  }
}
