package io.github.genesysllm.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ${...}} left in a value that Maven has already interpolated (a POM value, a parameter):
 * Maven leaves a placeholder it cannot resolve as it is, and a provider would be registered with
 * that text for a name. Such a value is an error, as an unresolvable placeholder of the file is.
 */
public final class UnresolvedPlaceholder {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private UnresolvedPlaceholder() {}

  /** The first placeholder in {@code text} ({@code ${model.host}}), if there is one. */
  public static Optional<String> in(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = PLACEHOLDER.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /** What to say of {@code placeholder}: {@code holds ${x}, which Maven could not resolve: ...}. */
  public static String problem(String placeholder) {
    String name = placeholder.substring(2, placeholder.length() - 1);
    return "holds "
        + placeholder
        + ", which Maven could not resolve: define the property"
        + (name.isBlank() ? "" : " '" + name + "'")
        + " (in the POM's <properties>, or -D"
        + (name.isBlank() ? "name" : name)
        + "=...), or write the value itself";
  }
}
