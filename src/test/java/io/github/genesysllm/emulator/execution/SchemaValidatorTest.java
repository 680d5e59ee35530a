package io.github.genesysllm.emulator.execution;

import static io.github.genesysllm.emulator.execution.ActionExecutorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static List<String> problems(String schema, String value) {
    return SchemaValidator.validate(json(schema), json(value), "v");
  }

  @Test
  void types() {
    assertEquals(List.of(), problems("{'type': 'integer'}", "3"));
    assertEquals(
        List.of("v: expected integer, got number"), problems("{'type': 'integer'}", "3.0"));
    assertEquals(
        List.of("v: expected integer, got number"), problems("{'type': 'integer'}", "3e0"));
    assertEquals(List.of(), problems("{'type': 'number'}", "3"));
    assertEquals(List.of(), problems("{'type': 'number'}", "3.5"));
    assertEquals(List.of("v: expected string, got null"), problems("{'type': 'string'}", "null"));
    assertEquals(List.of(), problems("{'type': ['string', 'null']}", "null"));
    assertEquals(
        List.of("v: expected one of [\"string\",\"null\"], got boolean"),
        problems("{'type': ['string', 'null']}", "true"));
    assertEquals(List.of("v: expected object, got array"), problems("{'type': 'object'}", "[]"));
    assertEquals(List.of(), problems("{}", "{'anything': [1]}"));
  }

  @Test
  void objects() {
    String schema =
        "{'type': 'object', 'required': ['a'], 'properties': {'a': {'type': 'string'}},"
            + " 'additionalProperties': {'type': 'integer'}}";
    assertEquals(List.of(), problems(schema, "{'a': 'x', 'b': 1}"));
    assertEquals(List.of("v.a: required, missing"), problems(schema, "{}"));
    assertEquals(
        List.of("v.b: expected integer, got string"), problems(schema, "{'a': 'x', 'b': 'y'}"));
    assertEquals(
        List.of("v.b: not a property of the contract (additionalProperties is false)"),
        problems("{'properties': {}, 'additionalProperties': false}", "{'b': 1}"));
    // patternProperties are not checked, so other names are not refused beside them
    assertEquals(
        List.of(),
        problems(
            "{'properties': {}, 'patternProperties': {'^x': {}}, 'additionalProperties': false}",
            "{'b': 1}"));
  }

  @Test
  void arrays() {
    String schema = "{'type': 'array', 'items': {'type': 'integer'}, 'minItems': 1, 'maxItems': 2}";
    assertEquals(List.of(), problems(schema, "[1, 2]"));
    assertEquals(List.of("v: at least 1 items, got 0"), problems(schema, "[]"));
    assertEquals(List.of("v: at most 2 items, got 3"), problems(schema, "[1, 2, 3]"));
    assertEquals(List.of("v[1]: expected integer, got string"), problems(schema, "[1, 'x']"));
    assertEquals(
        List.of("v: items must be unique, 1 repeats"),
        problems("{'uniqueItems': true}", "[1, 2, 1]"));
    String tuple = "{'items': [{'type': 'string'}], 'additionalItems': false}";
    assertEquals(List.of(), problems(tuple, "['a']"));
    assertEquals(
        List.of("v[1]: more items than the contract lists (additionalItems is false)"),
        problems(tuple, "['a', 'b']"));
  }

  @Test
  void stringsAndNumbersAtTheirBoundsAndOnePast() {
    String text = "{'minLength': 2, 'maxLength': 3}";
    assertEquals(List.of(), problems(text, "'ab'"));
    assertEquals(List.of(), problems(text, "'日本語'"));
    assertEquals(List.of("v: at least 2 characters, got 1"), problems(text, "'a'"));
    assertEquals(List.of("v: at most 3 characters, got 4"), problems(text, "'abcd'"));
    String range = "{'minimum': 1, 'maximum': 10, 'multipleOf': 0.5}";
    assertEquals(List.of(), problems(range, "1"));
    assertEquals(List.of(), problems(range, "10"));
    assertEquals(List.of("v: must be >= 1, got 0.5"), problems(range, "0.5"));
    assertEquals(List.of("v: must be <= 10, got 10.5"), problems(range, "10.5"));
    assertEquals(List.of("v: must be a multiple of 0.5, got 1.25"), problems(range, "1.25"));
    String exclusive =
        "{'minimum': 1, 'exclusiveMinimum': true, 'maximum': 2, 'exclusiveMaximum': true}";
    assertEquals(List.of("v: must be > 1, got 1"), problems(exclusive, "1"));
    assertEquals(List.of("v: must be < 2, got 2"), problems(exclusive, "2"));
    assertEquals(List.of(), problems(exclusive, "1.5"));
  }

  @Test
  void enumsCompareNumbersByValue() {
    assertEquals(List.of(), problems("{'enum': [1, 'a', null]}", "1.0"));
    assertEquals(List.of(), problems("{'enum': [1, 'a', null]}", "null"));
    assertEquals(
        List.of("v: must be one of [1,\"a\",null], got \"b\""),
        problems("{'enum': [1, 'a', null]}", "'b'"));
  }

  @Test
  void combinations() {
    assertEquals(List.of(), problems("{'anyOf': [{'type': 'string'}, {'type': 'integer'}]}", "1"));
    assertEquals(
        List.of("v: matches none of the schemas of anyOf"),
        problems("{'anyOf': [{'type': 'string'}, {'type': 'integer'}]}", "true"));
    assertEquals(
        List.of("v: matches 2 of the schemas of oneOf, must match one"),
        problems("{'oneOf': [{'type': 'number'}, {'type': 'integer'}]}", "1"));
    assertEquals(
        List.of("v: expected string, got integer"),
        problems("{'allOf': [{'type': 'integer'}, {'type': 'string'}]}", "1"));
    assertEquals(
        List.of("v: matches the schema of not"), problems("{'not': {'type': 'null'}}", "null"));
  }
}
