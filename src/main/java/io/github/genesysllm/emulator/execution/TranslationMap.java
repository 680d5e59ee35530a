package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The translation map of contract section 6.2: each variable is a JSONPath (Jayway semantics)
 * evaluated against the remote answer, holding the JSON value found; an indefinite path ({@code
 * ..}, {@code [*]}, a filter) gives an array. The variable's default, a JSON literal, is used only
 * when its path resolves to nothing (a definite path that is absent, or an indefinite one that
 * matches nothing); a JSON {@code null} found is a value and does not fall back.
 */
final class TranslationMap {

  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(ActionJson.MAPPER))
          .mappingProvider(new JacksonMappingProvider(ActionJson.MAPPER))
          .build();

  private TranslationMap() {}

  /**
   * The variables of {@code translationMap} (variable → JSONPath) resolved against {@code
   * response}, with {@code defaults} (variable → JSON literal).
   *
   * @param response the remote answer parsed, or null when it is not JSON
   */
  static ObjectNode resolve(JsonNode translationMap, JsonNode defaults, JsonNode response)
      throws StepFailure {
    Map<String, JsonNode> fallbacks = defaults(translationMap, defaults);
    ObjectNode variables = ActionJson.MAPPER.createObjectNode();
    if (translationMap.isEmpty()) {
      return variables;
    }
    if (response == null) {
      throw StepFailure.of(
          500,
          "internal.server.error",
          "The response from the web service is not JSON, so the translation map's JSONPaths"
              + " cannot be evaluated against it.");
    }
    DocumentContext document = JsonPath.using(JSON_PATH).parse(response);
    for (Map.Entry<String, JsonNode> entry : translationMap.properties()) {
      String variable = entry.getKey();
      JsonPath path = compile(variable, entry.getValue());
      JsonNode found = find(document, path);
      boolean nothing = found == null || (!path.isDefinite() && found.isEmpty());
      JsonNode fallback = fallbacks.get(variable);
      if (nothing && fallback != null) {
        found = fallback;
      } else if (found == null) {
        throw StepFailure.of(
            400,
            "no.results",
            "translationMap."
                + variable
                + ": the JSONPath "
                + entry.getValue().textValue()
                + " resolves to nothing in the response and translationMapDefaults has no"
                + " default for it (add one, e.g. \"\\\"\\\"\" or \"null\", if the value may be"
                + " missing)");
      }
      variables.set(variable, found);
    }
    return variables;
  }

  /** The value at {@code path}; null when the path resolves to nothing. */
  private static JsonNode find(DocumentContext document, JsonPath path) {
    try {
      Object value = document.read(path);
      return value instanceof JsonNode node ? node : ActionJson.MAPPER.valueToTree(value);
    } catch (PathNotFoundException e) {
      return null;
    }
  }

  private static JsonPath compile(String variable, JsonNode path) throws StepFailure {
    if (!path.isTextual()) {
      throw StepFailure.of(
          500,
          "invalid.substitution",
          "translationMap." + variable + ": must be a JSONPath string, got " + path);
    }
    try {
      return JsonPath.compile(path.textValue());
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw StepFailure.of(
          500,
          "invalid.substitution",
          "translationMap."
              + variable
              + ": "
              + path.textValue()
              + " is not a valid JSONPath ("
              + e.getMessage()
              + ")");
    }
  }

  /** The defaults parsed; each must be a JSON literal for a variable of the map. */
  private static Map<String, JsonNode> defaults(JsonNode translationMap, JsonNode defaults)
      throws StepFailure {
    Map<String, JsonNode> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : defaults.properties()) {
      String where = "translationMapDefaults." + entry.getKey();
      if (!translationMap.has(entry.getKey())) {
        throw StepFailure.of(
            500,
            "invalid.substitution",
            where + ": there is no translationMap variable " + entry.getKey() + " to default");
      }
      try {
        if (!entry.getValue().isTextual()) {
          throw new IllegalArgumentException("not a string");
        }
        parsed.put(entry.getKey(), ActionJson.parse(entry.getValue().textValue()));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw StepFailure.of(
            500,
            "invalid.substitution",
            where
                + ": a default is a JSON literal in a string, e.g. \"\\\"\\\"\" for an empty"
                + " string, \"0\", \"null\" or \"[]\"; got "
                + entry.getValue());
      }
    }
    return parsed;
  }
}
