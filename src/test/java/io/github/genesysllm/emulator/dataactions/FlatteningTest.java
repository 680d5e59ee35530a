package io.github.genesysllm.emulator.dataactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.ProviderJson;
import org.junit.jupiter.api.Test;

class FlatteningTest {

  private static JsonNode json(String text) throws Exception {
    return ProviderJson.MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void nestedKeysAreJoinedWithDotsAndArraysStay() throws Exception {
    assertEquals(
        json(
            "{'answer': 'x', 'usage.total': 3, 'usage.detail.in': 1, 'ids': [1, {'a': {'b': 2}}],"
                + " 'empty': {}}"),
        Flattening.value(
            json(
                "{'answer': 'x', 'usage': {'total': 3, 'detail': {'in': 1}},"
                    + " 'ids': [1, {'a': {'b': 2}}], 'empty': {}}")));
    assertEquals(json("[1]"), Flattening.value(json("[1]")));
  }

  @Test
  void schemasFlattenTheirObjectPropertiesAndKeepRequiredOnlyAlongRequiredPaths() throws Exception {
    JsonNode flattened =
        Flattening.schema(
            json(
                "{'type': 'object', 'required': ['a', 'b'], 'properties': {"
                    + " 'a': {'type': 'object', 'required': ['x'], 'properties': {'x': {'type':"
                    + " 'string'}, 'y': {'type': 'string'}}},"
                    + " 'b': {'type': 'string'},"
                    + " 'c': {'type': 'object', 'required': ['z'], 'properties': {'z': {'type':"
                    + " 'integer'}}}}}"));
    assertEquals(
        json(
            "{'a.x': {'type': 'string'}, 'a.y': {'type': 'string'}, 'b': {'type': 'string'},"
                + " 'c.z': {'type': 'integer'}}"),
        flattened.get("properties"));
    assertEquals(json("['a.x', 'b']"), flattened.get("required"));
  }
}
