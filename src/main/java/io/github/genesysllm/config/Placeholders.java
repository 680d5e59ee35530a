package io.github.genesysllm.config;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.WhiteSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * Resolves the placeholders of a configuration file's string values: {@code ${env.NAME}} is the
 * environment variable {@code NAME}, any other {@code ${name}} the property {@code name} (the
 * project's and the system's properties). {@code $${} stands for a literal {@code ${}; any other
 * {@code $} is itself. Placeholders do not nest, and a resolved value is not resolved again.
 *
 * <p>A placeholder that cannot be resolved is a problem, never left in the value: an environment
 * variable that is not set or is empty (as CI systems leave secrets they withhold), a property not
 * set, a {@code ${} without its {@code }}. Problems name the placeholder, never the rest of the
 * value, which may be an API key; they have no place, which the caller knows.
 */
final class Placeholders {

  private static final String ENV_PREFIX = "env.";

  /** The value with its placeholders replaced, whether it had any, and the problems found. */
  record Resolution(String value, boolean hadPlaceholders, List<Problem> problems) {}

  private final Function<String, String> env;
  private final Properties properties;

  Placeholders(Function<String, String> env, Properties properties) {
    this.env = env;
    this.properties = properties;
  }

  Resolution resolve(String text) {
    StringBuilder out = new StringBuilder(text.length());
    List<Problem> problems = new ArrayList<>();
    boolean hadPlaceholders = false;
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          problems.add(
              Problem.at(
                  Place.NOWHERE,
                  "has a '${' without a closing '}'",
                  Fix.of(ConfigHint.FIX_PLACEHOLDER, "write '$${' for a literal '${'")));
          break;
        }
        hadPlaceholders = true;
        String value = lookup(text.substring(i + 2, end), problems);
        out.append(value == null ? "" : value);
        i = end + 1;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return new Resolution(out.toString(), hadPlaceholders, problems);
  }

  private String lookup(String name, List<Problem> problems) {
    String placeholder = "${" + name + "}";
    if (WhiteSpace.isBlank(name) || name.contains("${")) {
      problems.add(
          Problem.at(
              Place.NOWHERE,
              "has a malformed placeholder '" + placeholder + "':",
              Fix.of(
                  ConfigHint.FIX_PLACEHOLDER,
                  "write ${env.NAME} for an environment variable or ${property.name} for a"
                      + " property (placeholders do not nest)")));
      return null;
    }
    if (name.startsWith(ENV_PREFIX)) {
      String variable = name.substring(ENV_PREFIX.length());
      if (variable.isEmpty()) {
        problems.add(
            Problem.at(
                Place.NOWHERE,
                "placeholder '" + placeholder + "' names no environment variable:",
                Fix.of(ConfigHint.FIX_PLACEHOLDER, "write ${env.NAME}")));
        return null;
      }
      String value = env.apply(variable);
      if (value == null || value.isEmpty()) {
        problems.add(
            Problem.at(
                Place.NOWHERE,
                "placeholder '"
                    + placeholder
                    + "' cannot be resolved: environment variable "
                    + variable
                    + (value == null ? " is not set" : " is empty"),
                Fix.of(ConfigHint.SET_ENVIRONMENT_VARIABLE, "set it in the build's environment")));
        return null;
      }
      return value;
    }
    String value = properties.getProperty(name);
    if (value == null) {
      problems.add(
          Problem.at(
              Place.NOWHERE,
              "placeholder '" + placeholder + "' cannot be resolved: there is no such property",
              Fix.of(
                  ConfigHint.DEFINE_PROPERTY,
                  "define ",
                  new Place.Property(name),
                  " (write ${env." + name + "} for an environment variable)")));
    }
    return value;
  }
}
