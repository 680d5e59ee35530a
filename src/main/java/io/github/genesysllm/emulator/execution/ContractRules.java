package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a data action's contract must follow (contract section 5.2), for {@code 400
 * invalid.schema}: both schemas draft-04 object schemas with {@code properties}, no {@code $ref};
 * the input flat (properties of type string, integer, number, boolean or null only) with names
 * matching {@code ^[A-Za-z][A-Za-z0-9_-]*$} and none of the reserved ones; the output free of
 * arrays nested in arrays; neither deeper than 50 levels (section 8).
 */
public final class ContractRules {

  /** Section 8: JSON nesting in requests and templates. */
  static final int MAX_DEPTH = 50;

  private static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Set<String> RESERVED_INPUT_NAMES =
      Set.of("orgId", "integrationId", "rawRequest");
  private static final Set<String> INPUT_TYPES =
      Set.of("string", "integer", "number", "boolean", "null");
  private static final Set<String> TYPES =
      Set.of("string", "integer", "number", "boolean", "null", "object", "array");
  private static final Set<String> DRAFT_04 =
      Set.of("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-04/schema");

  private ContractRules() {}

  /**
   * What is wrong with {@code contract} ({@code {"input":{"inputSchema":…},
   * "output":{"successSchema":…}}}), each problem naming the field; empty when it follows the
   * rules.
   */
  public static List<String> check(JsonNode contract) {
    List<String> problems = new ArrayList<>();
    if (contract == null || !contract.isObject()) {
      problems.add(
          "contract: must be an object {\"input\":{\"inputSchema\":{…}},"
              + " \"output\":{\"successSchema\":{…}}}");
      return problems;
    }
    JsonNode input = contract.path("input").path("inputSchema");
    JsonNode output = contract.path("output").path("successSchema");
    if (objectSchema(input, "contract.input.inputSchema", problems)) {
      checkInput(input, problems);
    }
    if (objectSchema(output, "contract.output.successSchema", problems)) {
      checkTypes(output, "contract.output.successSchema", problems);
      checkNoNestedArrays(output, "contract.output.successSchema", false, problems);
    }
    return problems;
  }

  /** The rules both schemas share; false when the schema is too broken to look further into. */
  private static boolean objectSchema(JsonNode schema, String where, List<String> problems) {
    if (!schema.isObject()) {
      problems.add(where + ": required, a JSON Schema (draft-04) object");
      return false;
    }
    if (depth(schema) > MAX_DEPTH) {
      problems.add(where + ": nested deeper than " + MAX_DEPTH + " levels");
      return false;
    }
    String ref = refPath(schema, where);
    if (ref != null) {
      problems.add(ref + ": $ref is not supported in contracts; write the schema inline");
    }
    JsonNode version = schema.get("$schema");
    if (version != null && !(version.isTextual() && DRAFT_04.contains(version.asText()))) {
      problems.add(
          where
              + ".$schema: must be \"http://json-schema.org/draft-04/schema#\" (contracts are"
              + " draft-04) or left out, got "
              + version);
    }
    if (!"object".equals(schema.path("type").asText(null)) || !schema.path("type").isTextual()) {
      problems.add(where + ".type: the top level must be \"type\": \"object\"");
    }
    if (!schema.path("properties").isObject()) {
      problems.add(where + ".properties: required, an object of property schemas");
      return false;
    }
    JsonNode required = schema.get("required");
    if (required != null && !stringArray(required)) {
      problems.add(where + ".required: must be an array of property names");
    }
    return true;
  }

  private static void checkInput(JsonNode schema, List<String> problems) {
    for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
      String name = field.getKey();
      String where = "contract.input.inputSchema.properties." + name;
      if (!INPUT_NAME.matcher(name).matches()) {
        problems.add(
            where
                + ": an input name must start with a letter and hold only letters, digits,"
                + " '-' and '_'");
      } else if (RESERVED_INPUT_NAMES.contains(name)) {
        problems.add(where + ": " + name + " is reserved (orgId, integrationId, rawRequest)");
      }
      JsonNode type = field.getValue().path("type");
      List<String> types = types(type);
      if (types == null || types.isEmpty() || !INPUT_TYPES.containsAll(types)) {
        problems.add(
            where
                + ".type: the input is flat, each property of type string, integer, number,"
                + " boolean or null, got "
                + (type.isMissingNode() ? "none" : type.toString()));
      }
    }
  }

  /** Every {@code type} in the output schema names a draft-04 type. */
  private static void checkTypes(JsonNode schema, String where, List<String> problems) {
    if (!schema.isObject()) {
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null) {
      List<String> types = types(type);
      if (types == null || types.isEmpty() || !TYPES.containsAll(types)) {
        problems.add(
            where
                + ".type: must be one of string, integer, number, boolean, null, object, array"
                + " (or an array of them), got "
                + type);
      }
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      properties
          .properties()
          .forEach(f -> checkTypes(f.getValue(), where + ".properties." + f.getKey(), problems));
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      checkTypes(items, where + ".items", problems);
    } else if (items != null && items.isArray()) {
      for (int i = 0; i < items.size(); i++) {
        checkTypes(items.get(i), where + ".items[" + i + "]", problems);
      }
    }
  }

  /** "The output contract does not support nested arrays": no array below an array's items. */
  private static void checkNoNestedArrays(
      JsonNode schema, String where, boolean inArray, List<String> problems) {
    if (!schema.isObject()) {
      return;
    }
    boolean array = isArray(schema);
    if (array && inArray) {
      problems.add(
          where + ": an array inside an array; output contracts do not support nested arrays");
      return;
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      properties
          .properties()
          .forEach(
              f ->
                  checkNoNestedArrays(
                      f.getValue(), where + ".properties." + f.getKey(), inArray, problems));
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      checkNoNestedArrays(items, where + ".items", true, problems);
    } else if (items != null && items.isArray()) {
      for (int i = 0; i < items.size(); i++) {
        checkNoNestedArrays(items.get(i), where + ".items[" + i + "]", true, problems);
      }
    }
  }

  private static boolean isArray(JsonNode schema) {
    List<String> types = types(schema.path("type"));
    return (types != null && types.contains("array")) || schema.has("items");
  }

  /** The names of a {@code type} value (a string or an array of strings); null when malformed. */
  static List<String> types(JsonNode type) {
    if (type.isTextual()) {
      return List.of(type.asText());
    }
    if (!stringArray(type)) {
      return null;
    }
    List<String> names = new ArrayList<>();
    type.forEach(t -> names.add(t.asText()));
    return names;
  }

  private static boolean stringArray(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        return false;
      }
    }
    return true;
  }

  /** Where the first {@code $ref} key is, or null. */
  private static String refPath(JsonNode node, String where) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        return where + ".$ref";
      }
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        String found = refPath(f.getValue(), where + "." + f.getKey());
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = refPath(node.get(i), where + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Levels of nesting of {@code node}: 0 for a scalar, 1 for a flat object or array. */
  static int depth(JsonNode node) {
    if (!node.isContainerNode()) {
      return 0;
    }
    int deepest = 0;
    for (JsonNode child : node) {
      deepest = Math.max(deepest, depth(child));
    }
    return deepest + 1;
  }
}
