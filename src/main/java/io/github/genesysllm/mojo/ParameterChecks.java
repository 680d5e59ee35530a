package io.github.genesysllm.mojo;

import io.github.genesysllm.config.UnresolvedPlaceholder;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;

/** Checks of a goal's parameters that run before any request, each naming the parameter. */
final class ParameterChecks {

  private ParameterChecks() {}

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
          "The parameter "
              + name
              + " ("
              + property
              + ") "
              + MavenHelpfulSuggestions.line(UnresolvedPlaceholder.problem(placeholder.get()))
              + "; nothing was done.");
    }
  }

  /** Refuses a directory parameter that names something other than a directory. */
  static void requireDirectoryOrAbsent(File directory, String name, String property)
      throws MojoFailureException {
    if (directory != null && directory.exists() && !directory.isDirectory()) {
      throw GoalFailures.failure(
          "The parameter "
              + name
              + " ("
              + property
              + ") names "
              + directory
              + ", which is not a directory; nothing was done. Point it at a directory (it is"
              + " created when missing).");
    }
  }
}
