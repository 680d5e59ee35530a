package io.github.genesysllm.config;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ${...}} left in a value that the build tool has already interpolated (a provider of the
 * build file, a parameter): a build tool that cannot resolve a placeholder may leave it as it is,
 * and a provider would be registered with that text for a name. Such a value is an error, as an
 * unresolvable placeholder of the configuration file is.
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

  /**
   * What is wrong with a value holding {@code placeholder} ({@code holds ${x}, which the build
   * could not resolve}) and how to fix it ({@link ConfigHint#DEFINE_PROPERTY}); the caller places
   * it.
   */
  public static Problem problem(String placeholder) {
    String name = placeholder.substring(2, placeholder.length() - 1);
    String what = "holds " + placeholder + ", which the build could not resolve:";
    Fix fix =
        name.isBlank()
            ? Fix.of(
                ConfigHint.DEFINE_PROPERTY,
                "name a property in the placeholder, or write the value itself")
            : Fix.of(
                ConfigHint.DEFINE_PROPERTY,
                "define ",
                new Place.Property(name),
                ", or write the value itself");
    return Problem.at(Place.NOWHERE, what, fix);
  }
}
