package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Architect's flattening (ASSUMED, contract section 7.2): nested object keys joined with {@code .},
 * for values ({@code {"a":{"b":1}}} → {@code {"a.b":1}}) and for schemas (the {@code *Flattened}
 * variants of sections 5.1 and 5.7). Arrays and flat objects are unchanged.
 */
final class Flattening {

  private Flattening() {}

  static JsonNode value(JsonNode node) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = ProviderJson.MAPPER.createObjectNode();
    flattenValue(node, "", out);
    return out;
  }

  private static void flattenValue(JsonNode node, String prefix, ObjectNode out) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getValue().isObject() && !field.getValue().isEmpty()) {
        flattenValue(field.getValue(), prefix + field.getKey() + ".", out);
      } else {
        out.set(prefix + field.getKey(), field.getValue());
      }
    }
  }

  static JsonNode schema(JsonNode schema) {
    if (!schema.isObject() || !schema.path("properties").isObject()) {
      return schema;
    }
    ObjectNode out = schema.deepCopy();
    ObjectNode properties = out.putObject("properties");
    ArrayNode required = ProviderJson.MAPPER.createArrayNode();
    flattenSchema(schema, "", true, properties, required);
    if (schema.has("required")) {
      out.set("required", required);
    }
    return out;
  }

  private static void flattenSchema(
      JsonNode schema, String prefix, boolean reached, ObjectNode properties, ArrayNode required) {
    Set<String> requiredHere = new HashSet<>();
    schema.path("required").forEach(name -> requiredHere.add(name.asText()));
    for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
      String name = prefix + field.getKey();
      JsonNode property = field.getValue();
      boolean isRequired = reached && requiredHere.contains(field.getKey());
      if ("object".equals(property.path("type").asText())
          && property.path("properties").isObject()) {
        flattenSchema(property, name + ".", isRequired, properties, required);
      } else {
        properties.set(name, property);
        if (isRequired) {
          required.add(name);
        }
      }
    }
  }
}
