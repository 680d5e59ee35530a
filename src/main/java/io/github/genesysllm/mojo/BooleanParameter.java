package io.github.genesysllm.mojo;

import io.github.genesysllm.config.StrictBoolean;
import io.github.genesysllm.problem.Setting;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Reads a goal's boolean parameter, taken as text so that Maven's lenient conversion (anything but
 * {@code true} is false: {@code -Dgenesys.dryRun=yes} would delete) never applies: exactly {@code
 * true} or {@code false} (see {@link StrictBoolean}), else the goal stops before any request.
 */
final class BooleanParameter {

  private BooleanParameter() {}

  /** {@link #read(String, String, String)} for a setting. */
  static boolean read(String value, Setting setting) throws MojoFailureException {
    return read(value, setting.parameter(), MavenHelpfulSuggestions.property(setting));
  }

  /**
   * @param value the parameter's text as Maven injected it
   * @param name the parameter's name ({@code dryRun})
   * @param property its user property ({@code genesys.dryRun})
   * @throws MojoFailureException naming the parameter and the value when it is not a boolean
   */
  static boolean read(String value, String name, String property) throws MojoFailureException {
    try {
      return StrictBoolean.parse(value);
    } catch (IllegalArgumentException e) {
      throw GoalFailures.failure(
          ParameterChecks.theParameter(name, property)
              + " "
              + e.getMessage()
              + " (any case); nothing was done. Write -D"
              + property
              + "=true or -D"
              + property
              + "=false, or <"
              + name
              + ">true</"
              + name
              + "> in the plugin's configuration.",
          e);
    }
  }
}
