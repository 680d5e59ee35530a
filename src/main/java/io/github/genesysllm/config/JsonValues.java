package io.github.genesysllm.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the configuration's checks ask of a JSON value, without ever showing it. */
final class JsonValues {

  private JsonValues() {}

  /** Whether {@code node} is absent or null: not set. */
  static boolean isMissing(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** What a value is ("a string", "a list"), without showing it: values may be keys. */
  static String kind(JsonNode node) {
    if (isMissing(node)) {
      return "nothing";
    }
    if (node.isTextual()) {
      return node.asText().isBlank() ? "an empty value" : "a string";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** The field names of {@code node}, in order. */
  static List<String> fieldNames(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
