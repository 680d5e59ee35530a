package io.github.genesysllm.mojo;

import io.github.genesysllm.log.SafeText;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What every goal of the plugin shares: its log and its failures print through {@link SafeText}, so
 * that no name or server text can break a line of the build log or show a URL's password; and no
 * exception leaves a goal but Maven's own, made by {@link GoalFailures}.
 */
abstract class AbstractPluginMojo extends AbstractMojo {

  @Override
  public Log getLog() {
    Log log = super.getLog();
    return log instanceof SafeLog ? log : new SafeLog(log);
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    try {
      executeGoal();
    } catch (RuntimeException e) {
      GoalFailures.rethrow(goal(), e);
    }
  }

  /** The goal's work. */
  abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

  /** The goal's name, for messages. */
  abstract String goal();
}
