package io.github.genesysllm.mojo;

import io.github.genesysllm.log.SafeText;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * What every goal of the plugin shares: its log and its failures print through {@link SafeText}, so
 * that no name or server text can break a line of the build log or show a URL's password.
 */
abstract class AbstractPluginMojo extends AbstractMojo {

  @Override
  public Log getLog() {
    Log log = super.getLog();
    return log instanceof SafeLog ? log : new SafeLog(log);
  }

  /** A failure of one line: every control character in it escaped. */
  static MojoExecutionException failure(String message) {
    return new MojoExecutionException(SafeText.of(message));
  }

  /** A failure of one line caused by {@code cause}. */
  static MojoExecutionException failure(String message, Throwable cause) {
    return new MojoExecutionException(SafeText.of(message), cause);
  }

  /** A failure of several lines: {@code header}, each item on a line of its own, {@code footer}. */
  static MojoExecutionException failure(String header, List<String> items, String footer) {
    return new MojoExecutionException(
        SafeText.of(header)
            + items.stream().map(item -> "\n  - " + SafeText.of(item)).collect(Collectors.joining())
            + (footer == null ? "" : "\n" + SafeText.of(footer)));
  }
}
