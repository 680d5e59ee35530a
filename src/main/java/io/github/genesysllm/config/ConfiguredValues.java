package io.github.genesysllm.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The string values of one configured provider, before its fields are checked: a file's
 * placeholders are resolved in place (one in {@code timeout}, {@code maxTokens} or {@code
 * supportsStreaming} that resolves to a plain decimal integer or to true or false counts as one, as
 * a placeholder can only be written as a string); the build file's values, which the build tool
 * interpolated already, must hold no placeholder it left unresolved.
 */
final class ConfiguredValues {

  private static final Set<String> INTEGER_FIELDS = Set.of("timeout", "maxTokens");
  private static final Set<String> BOOLEAN_FIELDS = Set.of("supportsStreaming");

  /** A placeholder's value that counts as an integer: plain decimal, no leading zero. */
  private static final Pattern DECIMAL_INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,29})");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Placeholders placeholders;

  ConfiguredValues(Placeholders placeholders) {
    this.placeholders = placeholders;
  }

  /** Resolves or checks every string value of {@code entry}; adds the fields that failed. */
  void check(ProviderEntry entry, Set<String> failed, List<Problem> problems) {
    if (entry.fromFile()) {
      forEachText(
          entry.node(),
          "",
          (name, path, text) -> resolved(entry, text, name, path, failed, problems));
    } else {
      forEachText(
          entry.node(),
          "",
          (name, path, text) -> {
            UnresolvedPlaceholder.in(text)
                .ifPresent(
                    placeholder -> {
                      failed.add(path);
                      problems.add(entry.problem(path, UnresolvedPlaceholder.problem(placeholder)));
                    });
            return null;
          });
    }
  }

  /** Sees a string value at {@code path}; returns its replacement, or null to keep it. */
  @FunctionalInterface
  private interface TextVisitor {
    JsonNode visit(String name, String path, String text);
  }

  /**
   * Visits every string value under {@code node} ({@code name} is its field's, empty in a list),
   * replacing it in place by what the visitor returns.
   */
  private static void forEachText(JsonNode node, String field, TextVisitor visitor) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String path = field.isEmpty() ? name : field + "." + name;
        JsonNode value = object.get(name);
        if (value.isTextual()) {
          JsonNode replaced = visitor.visit(name, path, value.asText());
          if (replaced != null) {
            object.set(name, replaced);
          }
        } else {
          forEachText(value, path, visitor);
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        String path = field + "[" + i + "]";
        JsonNode value = array.get(i);
        if (value.isTextual()) {
          JsonNode replaced = visitor.visit("", path, value.asText());
          if (replaced != null) {
            array.set(i, replaced);
          }
        } else {
          forEachText(value, path, visitor);
        }
      }
    }
  }

  private JsonNode resolved(
      ProviderEntry entry,
      String text,
      String name,
      String path,
      Set<String> failed,
      List<Problem> problems) {
    Placeholders.Resolution resolution = placeholders.resolve(text);
    if (!resolution.problems().isEmpty()) {
      failed.add(path);
      resolution.problems().forEach(p -> problems.add(entry.problem(path, p)));
      return NODES.textNode(text);
    }
    String value = resolution.value();
    if (resolution.hadPlaceholders()
        && INTEGER_FIELDS.contains(name)
        && DECIMAL_INTEGER.matcher(value).matches()) {
      return NODES.numberNode(new BigInteger(value));
    }
    if (resolution.hadPlaceholders()
        && BOOLEAN_FIELDS.contains(name)
        && StrictBoolean.of(value).isPresent()) {
      return NODES.booleanNode(StrictBoolean.parse(value));
    }
    return NODES.textNode(value);
  }
}
