package io.github.genesysllm.mojo;

import io.github.genesysllm.config.UnresolvedPlaceholder;
import io.github.genesysllm.problem.Setting;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Checks of a goal's parameters that run before any request, each naming the parameter and its user
 * property: a {@link Setting}'s as {@link MavenHelpfulSuggestions} spells it, or one of the
 * emulator's goals, given by name.
 */
final class ParameterChecks {

  private ParameterChecks() {}

  /** How a message opens on a parameter: {@code The parameter dryRun (genesys.dryRun)}. */
  static String theParameter(String name, String property) {
    return "The parameter " + name + " (" + property + ")";
  }

  /** {@link #requireResolved(Object, String, String)} for a setting. */
  static void requireResolved(Object value, Setting setting) throws MojoFailureException {
    requireResolved(value, setting.parameter(), MavenHelpfulSuggestions.property(setting));
  }

  /**
   * Refuses a {@code ${...}} that Maven left in a parameter because it could not resolve it ({@code
   * <apiUrl>${genesys.emulator.url}</apiUrl>} without an emulator started, say).
   *
   * @param value the parameter's text, or a {@link File}; null when not set
   */
  static void requireResolved(Object value, String name, String property)
      throws MojoFailureException {
    if (value == null) {
      return;
    }
    var placeholder = UnresolvedPlaceholder.in(value.toString());
    if (placeholder.isPresent()) {
      throw GoalFailures.failure(
          theParameter(name, property)
              + " "
              + MavenHelpfulSuggestions.line(UnresolvedPlaceholder.problem(placeholder.get()))
              + "; nothing was done.");
    }
  }

  /** Refuses a directory parameter that names something other than a directory. */
  static void requireDirectoryOrAbsent(File directory, Setting setting)
      throws MojoFailureException {
    if (directory != null && directory.exists() && !directory.isDirectory()) {
      throw GoalFailures.failure(
          theParameter(setting.parameter(), MavenHelpfulSuggestions.property(setting))
              + " names "
              + directory
              + ", which is not a directory; nothing was done. Point it at a directory (it is"
              + " created when missing).");
    }
  }

  /** Refuses a number parameter that is 0 or less. */
  static void requirePositive(int value, Setting setting) throws MojoFailureException {
    if (value <= 0) {
      throw GoalFailures.failure(
          theParameter(setting.parameter(), MavenHelpfulSuggestions.property(setting))
              + " must be a positive number, got "
              + value);
    }
  }
}
