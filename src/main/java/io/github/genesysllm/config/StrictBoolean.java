package io.github.genesysllm.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The one way a boolean is read from text, for every boolean the plugin takes (goal parameters, the
 * build file's provider fields, the configuration file, placeholders): exactly {@code true} or
 * {@code false}, white space around it ignored, in any case. Anything else ({@code yes}, {@code 1},
 * {@code on}, {@code Y}, an empty value) is refused, never taken for false.
 */
public final class StrictBoolean {

  private StrictBoolean() {}

  /** The boolean {@code text} spells, or empty when it spells none (null included). */
  public static Optional<Boolean> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /**
   * The boolean {@code text} spells.
   *
   * @throws IllegalArgumentException when it spells none; its message ("must be true or false, got
   *     'yes'") is for the caller to prefix with what was read (a parameter, a field)
   */
  public static boolean parse(String text) {
    return of(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "must be true or false, got " + (text == null ? "nothing" : "'" + text + "'")));
  }
}
