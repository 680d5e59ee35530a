package io.github.genesysllm.emulator.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.probe.TestModelEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionExecutorTest {

  static final String KEY = "test-fake-key-7c1d";
  static final String PROMPT = "Say \"hi\" \\ to C:\\temp\nsecond line\ttab é 日本";
  static final String ANSWER =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},"
          + "\"finish_reason\":\"stop\"}]}";

  private final RemoteService remote = RemoteService.http().answer(200, ANSWER);
  private final ActionExecutor executor = new ActionExecutor(TestModelEndpoint.trustingContext());

  @AfterEach
  void stop() {
    remote.close();
  }

  static JsonNode json(String text) {
    try {
      return ActionJson.parse(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** The chat-completion action of contract section 9, step 5, calling {@code base}. */
  static ObjectNode chatConfig(String base) {
    ObjectNode config =
        (ObjectNode)
            json(
                """
        {'timeoutSeconds': 60,
         'request': {'requestUrlTemplate': 'URL/v1/chat/completions', 'requestType': 'POST',
           'headers': {'Authorization': 'Bearer ${credentials.apiKey}', 'Content-Type': 'application/json'}},
         'response': {'translationMap': {'answer': '$.choices[0].message.content'},
           'translationMapDefaults': {}, 'successTemplate': '{\\'answer\\': ${answer}}'}}
        """
                    .replace("URL", base));
    ((ObjectNode) config.get("request"))
        .put(
            "requestTemplate",
            "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"$esc.jsonString(${input.prompt})\"}], \"max_tokens\": ${input.maxTokens}}");
    return config;
  }

  static final JsonNode CONTRACT =
      json(
          """
      {'input': {'inputSchema': {'$schema': 'http://json-schema.org/draft-04/schema#',
         'type': 'object', 'required': ['prompt', 'maxTokens'],
         'properties': {'prompt': {'type': 'string'}, 'maxTokens': {'type': 'integer'}},
         'additionalProperties': true}},
       'output': {'successSchema': {'type': 'object', 'required': ['answer'],
         'properties': {'answer': {'type': 'string'}}, 'additionalProperties': true}}}
      """);

  static ObjectNode input(String prompt, int maxTokens) {
    ObjectNode input = ActionJson.MAPPER.createObjectNode();
    input.put("prompt", prompt);
    input.put("maxTokens", maxTokens);
    return input;
  }

  private ExecutionResult run(JsonNode config) {
    return run(config, CONTRACT, input(PROMPT, 16));
  }

  private ExecutionResult run(JsonNode config, JsonNode contract, JsonNode input) {
    return executor.run(config, contract, Map.of("apiKey", KEY), input);
  }

  /** The failed operation: last of the list, and the result's error. */
  static JsonNode failedStep(ExecutionResult result, String name) {
    assertFalse(result.success(), () -> result.testResult().toPrettyString());
    assertFalse(result.testResult().path("success").asBoolean(true));
    JsonNode operations = result.testResult().get("operations");
    JsonNode last = operations.get(operations.size() - 1);
    assertEquals(name, last.get("name").asText(), () -> result.testResult().toPrettyString());
    assertFalse(last.get("success").asBoolean());
    assertFalse(last.has("result"));
    assertEquals(last.get("error"), result.testResult().get("error"));
    assertEquals(name, result.failure().step());
    assertNull(result.finalResult());
    assertFalse(result.testResult().has("finalResult"));
    for (int i = 0; i < operations.size() - 1; i++) {
      assertTrue(operations.get(i).get("success").asBoolean());
    }
    return last.get("error");
  }

  @Test
  void theChatCompletionActionRunsEveryStep() throws Exception {
    ExecutionResult result = run(chatConfig(remote.base()));

    assertTrue(result.success(), () -> result.testResult().toPrettyString());
    assertNull(result.failure());
    assertEquals(json("{'answer': 'Hello!'}"), result.finalResult());
    JsonNode test = result.testResult();
    assertEquals(List.of("operations", "finalResult", "success"), fieldNames(test));
    assertTrue(test.get("success").asBoolean());
    assertEquals(json("{'answer': 'Hello!'}"), test.get("finalResult"));
    JsonNode operations = test.get("operations");
    List<String> names =
        List.of(
            "Validate input against schema",
            "Resolve request URL template",
            "Resolve request body template",
            "Resolve request headers",
            "Execute request",
            "Resolve translation map",
            "Execute success template",
            "Validate output against schema");
    assertEquals(names.size(), operations.size());
    for (int i = 0; i < names.size(); i++) {
      JsonNode operation = operations.get(i);
      assertEquals(List.of("step", "name", "success", "result"), fieldNames(operation));
      assertEquals(i + 1, operation.get("step").asInt());
      assertEquals(names.get(i), operation.get("name").asText());
      assertTrue(operation.get("success").asBoolean());
    }
    assertEquals(input(PROMPT, 16), operations.get(0).get("result"));
    assertEquals(remote.base() + "/v1/chat/completions", operations.get(1).get("result").asText());
    assertEquals(PROMPT, operations.get(2).get("result").at("/messages/0/content").asText());
    assertEquals(16, operations.get(2).get("result").get("max_tokens").asInt());
    assertEquals(
        json("{'Authorization': '*****', 'Content-Type': 'application/json'}"),
        operations.get(3).get("result"));
    assertEquals(json(ANSWER.replace('"', '\'')), operations.get(4).get("result"));
    assertEquals(json("{'answer': 'Hello!'}"), operations.get(5).get("result"));
    assertEquals(json("{'answer': 'Hello!'}"), operations.get(6).get("result"));
    assertEquals(json("{'answer': 'Hello!'}"), operations.get(7).get("result"));

    RemoteService.Received sent = remote.received().get(0);
    assertEquals("POST", sent.method());
    assertEquals("/v1/chat/completions", sent.path());
    assertEquals("Bearer " + KEY, sent.header("Authorization"));
    assertEquals("application/json", sent.header("Content-Type"));
    JsonNode body = ActionJson.parse(sent.body());
    assertEquals(PROMPT, body.at("/messages/0/content").asText());
    assertEquals("gpt-4o-mini", body.get("model").asText());
    assertFalse(test.toString().contains(KEY));
  }

  static List<String> fieldNames(JsonNode node) {
    return List.copyOf(iterable(node.fieldNames()));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    java.util.ArrayList<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
