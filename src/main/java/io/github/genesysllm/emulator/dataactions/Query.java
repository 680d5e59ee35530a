package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.emulator.ApiRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Strict reading of query parameters: a value that is not exactly valid is {@code 400
 * invalid.query.param.value}, never a silent default. Parameters the emulator does not know are
 * ignored, as the platform ignores them (so {@code GET /actions?integrationId=} filters nothing).
 */
final class Query {

  private Query() {}

  /** A boolean parameter: exactly {@code true} or {@code false}; {@code fallback} when absent. */
  static boolean flag(ApiRequest r, String name, boolean fallback) {
    String value = r.query().get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw invalid(name, "must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** A whole number from {@code min} up; above {@code clampAt} it is taken as {@code clampAt}. */
  static int number(ApiRequest r, String name, int fallback, int min, int clampAt) {
    String value = r.query().get(name);
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(name, "must be a whole number from " + min + " up, got '" + value + "'");
    }
    if (parsed < min) {
      throw invalid(name, "must be a whole number from " + min + " up, got " + parsed);
    }
    return Math.min(parsed, clampAt);
  }

  /** One of {@code allowed} (compared without case), upper-cased; null when absent. */
  static String choice(ApiRequest r, String name, Set<String> allowed) {
    String value = r.query().get(name);
    if (value == null) {
      return null;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if (!allowed.contains(upper)) {
      throw invalid(name, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
    return upper;
  }

  /**
   * The {@code ids} filter: repeated ({@code ids=a&ids=b}) or comma-separated, at most {@code max}
   * distinct ids; null when absent.
   */
  static Set<String> ids(ApiRequest r, int max) {
    List<String> values = r.queryValues("ids");
    if (values.isEmpty()) {
      return null;
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String value : values) {
      for (String id : value.split(",")) {
        if (!id.isBlank()) {
          ids.add(id.strip());
        }
      }
    }
    if (ids.size() > max) {
      throw invalid("ids", "takes at most " + max + " ids, got " + ids.size());
    }
    return ids;
  }

  static ApiError invalid(String name, String problem) {
    return new ApiError(
        400,
        "invalid.query.param.value",
        "The query parameter " + name + " " + problem,
        null,
        List.of(name));
  }
}
