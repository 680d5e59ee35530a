package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a value against a draft-04 JSON Schema, for the keywords a data-action contract uses:
 * {@code type} (a JSON number with a fraction or exponent is not an {@code integer}, as draft-04
 * says), {@code enum}, {@code properties}, {@code required}, {@code additionalProperties}, {@code
 * items}, {@code additionalItems}, {@code minItems}, {@code maxItems}, {@code uniqueItems}, {@code
 * minLength}, {@code maxLength}, {@code minimum}, {@code maximum} (with the draft-04 boolean {@code
 * exclusiveMinimum} and {@code exclusiveMaximum}), {@code multipleOf}, {@code allOf}, {@code
 * anyOf}, {@code oneOf}, {@code not}. Other keywords ({@code pattern}, {@code format}, {@code
 * patternProperties}, {@code dependencies}) are not checked; {@code additionalProperties} is not
 * enforced beside {@code patternProperties}, so nothing the platform accepts is refused.
 */
final class SchemaValidator {

  private SchemaValidator() {}

  /** What is wrong with {@code value}, each problem prefixed with its path under {@code root}. */
  static List<String> validate(JsonNode schema, JsonNode value, String root) {
    List<String> problems = new ArrayList<>();
    check(schema, value, root, problems);
    return problems;
  }

  private static boolean valid(JsonNode schema, JsonNode value) {
    return validate(schema, value, "").isEmpty();
  }

  private static void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
    if (!schema.isObject()) {
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && !typeMatches(type, value)) {
      problems.add(at + ": expected " + typeText(type) + ", got " + typeOf(value));
      return;
    }
    JsonNode allowed = schema.get("enum");
    if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
      problems.add(at + ": must be one of " + allowed + ", got " + value);
    }
    if (value.isObject()) {
      checkObject(schema, value, at, problems);
    } else if (value.isArray()) {
      checkArray(schema, value, at, problems);
    } else if (value.isTextual()) {
      int length = value.textValue().codePointCount(0, value.textValue().length());
      bound(schema, "minLength", length, true, at, "characters", problems);
      bound(schema, "maxLength", length, false, at, "characters", problems);
    } else if (value.isNumber()) {
      checkNumber(schema, value.decimalValue(), at, problems);
    }
    checkCombinations(schema, value, at, problems);
  }

  private static void checkObject(
      JsonNode schema, JsonNode value, String at, List<String> problems) {
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      for (JsonNode name : required) {
        if (!value.has(name.asText())) {
          problems.add(at + "." + name.asText() + ": required, missing");
        }
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean patterns = schema.has("patternProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String where = at + "." + field.getKey();
      JsonNode propertySchema = properties.get(field.getKey());
      if (propertySchema != null) {
        check(propertySchema, field.getValue(), where, problems);
      } else if (additional != null && !patterns) {
        if (additional.isBoolean() && !additional.booleanValue()) {
          problems.add(where + ": not a property of the contract (additionalProperties is false)");
        } else {
          check(additional, field.getValue(), where, problems);
        }
      }
    }
  }

  private static void checkArray(
      JsonNode schema, JsonNode value, String at, List<String> problems) {
    bound(schema, "minItems", value.size(), true, at, "items", problems);
    bound(schema, "maxItems", value.size(), false, at, "items", problems);
    if (schema.path("uniqueItems").asBoolean(false)) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode element : value) {
        if (!seen.add(element)) {
          problems.add(at + ": items must be unique, " + element + " repeats");
          break;
        }
      }
    }
    JsonNode items = schema.get("items");
    if (items == null) {
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      String where = at + "[" + i + "]";
      if (items.isObject()) {
        check(items, value.get(i), where, problems);
      } else if (items.isArray() && i < items.size()) {
        check(items.get(i), value.get(i), where, problems);
      } else if (items.isArray()) {
        JsonNode additional = schema.get("additionalItems");
        if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
          problems.add(where + ": more items than the contract lists (additionalItems is false)");
        } else if (additional != null) {
          check(additional, value.get(i), where, problems);
        }
      }
    }
  }

  private static void checkNumber(
      JsonNode schema, BigDecimal number, String at, List<String> problems) {
    JsonNode minimum = schema.get("minimum");
    if (minimum != null && minimum.isNumber()) {
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      int c = number.compareTo(minimum.decimalValue());
      if (c < 0 || (exclusive && c == 0)) {
        problems.add(at + ": must be " + (exclusive ? "> " : ">= ") + minimum + ", got " + number);
      }
    }
    JsonNode maximum = schema.get("maximum");
    if (maximum != null && maximum.isNumber()) {
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      int c = number.compareTo(maximum.decimalValue());
      if (c > 0 || (exclusive && c == 0)) {
        problems.add(at + ": must be " + (exclusive ? "< " : "<= ") + maximum + ", got " + number);
      }
    }
    JsonNode multipleOf = schema.get("multipleOf");
    if (multipleOf != null
        && multipleOf.isNumber()
        && multipleOf.decimalValue().signum() > 0
        && number.remainder(multipleOf.decimalValue()).signum() != 0) {
      problems.add(at + ": must be a multiple of " + multipleOf + ", got " + number);
    }
  }

  private static void checkCombinations(
      JsonNode schema, JsonNode value, String at, List<String> problems) {
    JsonNode all = schema.get("allOf");
    if (all != null && all.isArray()) {
      all.forEach(s -> check(s, value, at, problems));
    }
    JsonNode any = schema.get("anyOf");
    if (any != null && any.isArray() && count(any, value) == 0) {
      problems.add(at + ": matches none of the schemas of anyOf");
    }
    JsonNode one = schema.get("oneOf");
    if (one != null && one.isArray()) {
      int matches = count(one, value);
      if (matches != 1) {
        problems.add(at + ": matches " + matches + " of the schemas of oneOf, must match one");
      }
    }
    JsonNode not = schema.get("not");
    if (not != null && not.isObject() && valid(not, value)) {
      problems.add(at + ": matches the schema of not");
    }
  }

  private static int count(JsonNode schemas, JsonNode value) {
    int matches = 0;
    for (JsonNode s : schemas) {
      if (valid(s, value)) {
        matches++;
      }
    }
    return matches;
  }

  private static void bound(
      JsonNode schema,
      String keyword,
      int size,
      boolean lower,
      String at,
      String unit,
      List<String> problems) {
    JsonNode limit = schema.get(keyword);
    if (limit != null && limit.canConvertToInt()) {
      int n = limit.intValue();
      if (lower ? size < n : size > n) {
        problems.add(
            at + ": " + (lower ? "at least " : "at most ") + n + " " + unit + ", got " + size);
      }
    }
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    List<String> names = ContractRules.types(type);
    if (names == null) {
      return true; // a malformed type is ContractRules' business
    }
    for (String name : names) {
      boolean matches =
          switch (name) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> false;
          };
      if (matches) {
        return true;
      }
    }
    return false;
  }

  private static String typeText(JsonNode type) {
    return type.isTextual() ? type.asText() : "one of " + type;
  }

  /** The draft-04 type name of {@code value}; a number with a fraction or exponent is a number. */
  static String typeOf(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isNull()) {
      return "null";
    }
    return value.isObject() ? "object" : "array";
  }

  /** Whether {@code values} holds {@code value}; numbers compare by value (1 equals 1.0). */
  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (value.isNumber() && candidate.isNumber()
          ? value.decimalValue().compareTo(candidate.decimalValue()) == 0
          : candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
