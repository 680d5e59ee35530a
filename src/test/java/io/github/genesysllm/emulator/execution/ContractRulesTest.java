package io.github.genesysllm.emulator.execution;

import static io.github.genesysllm.emulator.execution.ActionExecutorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractRulesTest {

  /** Read without the engine's nesting limit, as the emulator's routes read a request. */
  private static ObjectNode contract(String input, String output) {
    String text =
        "{'input': {'inputSchema': " + input + "}, 'output': {'successSchema': " + output + "}}";
    try {
      return (ObjectNode) ProviderJson.MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static final String OBJECT = "{'type': 'object', 'properties': {}}";

  private static List<String> problems(String input, String output) {
    return ContractRules.check(contract(input, output));
  }

  private static void assertOneProblem(String expectedStart, List<String> problems) {
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith(expectedStart), problems::toString);
  }

  @Test
  void theContractOfTheChatActionFollowsTheRules() {
    assertEquals(List.of(), ContractRules.check(ActionExecutorTest.CONTRACT));
    assertEquals(List.of(), problems(OBJECT, OBJECT));
  }

  @Test
  void bothSchemasAreRequiredObjectSchemasWithProperties() {
    assertOneProblem("contract:", ContractRules.check(json("[]")));
    assertOneProblem("contract:", ContractRules.check(null));
    List<String> none = ContractRules.check(json("{}"));
    assertEquals(2, none.size(), none::toString);
    assertTrue(none.get(0).startsWith("contract.input.inputSchema: required"));
    assertTrue(none.get(1).startsWith("contract.output.successSchema: required"));
    assertOneProblem(
        "contract.input.inputSchema.type:",
        problems("{'type': 'string', 'properties': {}}", OBJECT));
    assertOneProblem("contract.output.successSchema.type:", problems(OBJECT, "{'properties': {}}"));
    assertOneProblem(
        "contract.output.successSchema.properties:", problems(OBJECT, "{'type': 'object'}"));
    assertOneProblem(
        "contract.input.inputSchema.required:",
        problems("{'type': 'object', 'properties': {}, 'required': 'x'}", OBJECT));
  }

  @Test
  void onlyDraft04IsAccepted() {
    assertEquals(
        List.of(),
        problems(
            "{'$schema': 'http://json-schema.org/draft-04/schema', 'type': 'object', 'properties': {}}",
            OBJECT));
    assertOneProblem(
        "contract.input.inputSchema.$schema:",
        problems(
            "{'$schema': 'http://json-schema.org/draft-07/schema#', 'type': 'object', 'properties': {}}",
            OBJECT));
  }

  @Test
  void refIsNotSupportedAnywhere() {
    assertOneProblem(
        "contract.output.successSchema.properties.a.items.$ref:",
        problems(
            OBJECT,
            "{'type': 'object', 'properties': {'a': {'type': 'array', 'items': {'$ref': '#/x'}}}}"));
  }

  @Test
  void inputPropertiesAreFlatAndOfTheFiveScalarTypes() {
    for (String type :
        List.of("'string'", "'integer'", "'number'", "'boolean'", "'null'", "['string', 'null']")) {
      assertEquals(
          List.of(),
          problems("{'type': 'object', 'properties': {'p': {'type': " + type + "}}}", OBJECT),
          type);
    }
    for (String type : List.of("'object'", "'array'", "['string', 'array']", "7")) {
      assertOneProblem(
          "contract.input.inputSchema.properties.p.type:",
          problems("{'type': 'object', 'properties': {'p': {'type': " + type + "}}}", OBJECT));
    }
    assertOneProblem(
        "contract.input.inputSchema.properties.p.type:",
        problems("{'type': 'object', 'properties': {'p': {}}}", OBJECT));
  }

  @Test
  void inputNamesFollowThePatternAndAvoidTheReservedOnes() {
    for (String name : List.of("a", "A9", "max-tokens", "max_tokens", "x-_9")) {
      assertEquals(
          List.of(),
          problems(
              "{'type': 'object', 'properties': {'" + name + "': {'type': 'string'}}}", OBJECT),
          name);
    }
    for (String name :
        List.of("9a", "_a", "-a", "a b", "a.b", "é", "orgId", "integrationId", "rawRequest")) {
      assertOneProblem(
          "contract.input.inputSchema.properties." + name + ":",
          problems(
              "{'type': 'object', 'properties': {'" + name + "': {'type': 'string'}}}", OBJECT));
    }
  }

  @Test
  void outputsNestObjectsAndArraysOfObjectsButNoArrayInAnArray() {
    assertEquals(
        List.of(),
        problems(
            OBJECT,
            "{'type': 'object', 'properties': {'o': {'type': 'object', 'properties': {'list':"
                + " {'type': 'array', 'items': {'type': 'object', 'properties': {'id': {'type': 'string'}}}}}}}}"));
    assertOneProblem(
        "contract.output.successSchema.properties.m.items:",
        problems(
            OBJECT,
            "{'type': 'object', 'properties': {'m': {'type': 'array', 'items': {'type': 'array'}}}}"));
    assertOneProblem(
        "contract.output.successSchema.properties.m.items.properties.inner:",
        problems(
            OBJECT,
            "{'type': 'object', 'properties': {'m': {'type': 'array', 'items': {'type': 'object',"
                + " 'properties': {'inner': {'type': ['array', 'null']}}}}}}"));
    assertOneProblem(
        "contract.output.successSchema.properties.x.type:",
        problems(OBJECT, "{'type': 'object', 'properties': {'x': {'type': 'date'}}}"));
  }

  @Test
  void fiftyLevelsAreAllowedAndFiftyOneAreNot() {
    assertEquals(List.of(), problems(OBJECT, nested(50)));
    assertOneProblem(
        "contract.output.successSchema: nested deeper than 50", problems(OBJECT, nested(51)));
  }

  /** An object schema nested {@code levels} JSON levels deep (odd or even). */
  private static String nested(int levels) {
    // a leaf {'type':'string'} is 1 level, {'type':'string','enum':['a']} 2; each
    // {'type':'object','properties':{'p': ...}} around it adds 2
    JsonNode schema =
        json(levels % 2 == 1 ? "{'type': 'string'}" : "{'type': 'string', 'enum': ['a']}");
    while (ContractRules.depth(schema) < levels) {
      ObjectNode outer = ActionJson.MAPPER.createObjectNode().put("type", "object");
      outer.putObject("properties").set("p", schema);
      schema = outer;
    }
    assertEquals(levels, ContractRules.depth(schema));
    return schema.toString().replace('"', '\'');
  }
}
