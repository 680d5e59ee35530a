package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as the engine reads it: one complete document, nested at most {@value
 * ContractRules#MAX_DEPTH} levels (contract section 8), nothing after it.
 */
final class ActionJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(ContractRules.MAX_DEPTH).build())
              .build());

  private static final ObjectReader STRICT =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ActionJson() {}

  /** The document {@code text} holds. */
  static JsonNode parse(String text) throws JsonProcessingException {
    JsonNode node = STRICT.readTree(text);
    if (node == null || node.isMissingNode()) {
      throw new JsonProcessingException("no JSON value") {};
    }
    return node;
  }

  /** Whether a parse failed only because the document nests too deeply. */
  static boolean tooDeep(JsonProcessingException e) {
    return e instanceof StreamConstraintsException;
  }

  /** The first line of a parse error, without Jackson's source excerpt. */
  static String reason(JsonProcessingException e) {
    if (tooDeep(e)) {
      return "nested deeper than " + ContractRules.MAX_DEPTH + " levels";
    }
    return e.getOriginalMessage().lines().findFirst().orElse("not JSON");
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /**
   * {@code node} as the plain Java values a template sees: strings, numbers, booleans, null, maps
   * and lists.
   */
  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(toJava(element)));
      return list;
    }
    return node.asText();
  }
}
