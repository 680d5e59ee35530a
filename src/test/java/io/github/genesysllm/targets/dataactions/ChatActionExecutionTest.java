package io.github.genesysllm.targets.dataactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.execution.ActionExecutor;
import io.github.genesysllm.emulator.execution.ExecutionResult;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin's action as the emulator's engine runs it (every step of a platform-side test, the
 * output validated against the action's own contract), against what gateways answer.
 */
class ChatActionExecutionTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final LoopbackModel model = new LoopbackModel();
  private final ActionExecutor executor = new ActionExecutor();

  @AfterEach
  void close() {
    model.close();
  }

  private ExecutionResult run() {
    ProviderSettings provider =
        Samples.provider("Acme Gateway", model.baseUrl(), 30_000, Samples.model("m1", 64));
    ObjectNode wire =
        DataActionsJson.createActionBody(
            "integration-1", ChatAction.definition(provider, provider.models().get(0)));
    ObjectNode input = MAPPER.createObjectNode().put("prompt", "Say hi");
    return executor.run(
        wire.get("config"), wire.get("contract"), Map.of("apiKey", "sk-test-key-4d1e"), input);
  }

  private static String completion(String finishReason, String usage) {
    return "{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\":"
        + " \"Hi\"}, \"finish_reason\": "
        + finishReason
        + "}]"
        + (usage == null ? "" : ", \"usage\": " + usage)
        + "}";
  }

  @Test
  void aFullAnswerIsPassedOn() throws Exception {
    model.answering(
        completion(
            "\"length\"",
            "{\"prompt_tokens\": 9, \"completion_tokens\": 1, \"total_tokens\": 10}"));

    ExecutionResult result = run();

    assertTrue(result.success(), () -> result.testResult().toPrettyString());
    assertEquals(
        MAPPER.readTree(
            "{\"answer\": \"Hi\", \"finishReason\": \"length\", \"promptTokens\": 9,"
                + " \"completionTokens\": 1, \"totalTokens\": 10}"),
        result.finalResult());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"prompt_tokens\": null, \"completion_tokens\": null, \"total_tokens\": null}",
        "null",
        "{}",
        "(none)"
      })
  void explicitNullsAndMissingValuesGiveTheDefaults(String usage) throws Exception {
    model.answering(completion("null", usage.equals("(none)") ? null : usage));

    ExecutionResult result = run();

    assertTrue(result.success(), () -> result.testResult().toPrettyString());
    assertEquals(
        MAPPER.readTree(
            "{\"answer\": \"Hi\", \"finishReason\": \"\", \"promptTokens\": 0,"
                + " \"completionTokens\": 0, \"totalTokens\": 0}"),
        result.finalResult());
  }

  @Test
  void anAnswerWithoutContentStillFailsLoudly() {
    model.answering("{\"choices\": [{\"index\": 0, \"finish_reason\": \"stop\"}]}");

    ExecutionResult result = run();

    assertFalse(result.success());
    assertEquals("Resolve translation map", result.failure().step());
  }

  @Test
  void aNullContentFailsTheOutputContract() {
    model.answering(completion("\"content_filter\"", null).replace("\"Hi\"", "null"));

    ExecutionResult result = run();

    assertFalse(result.success());
    assertEquals("Validate output against schema", result.failure().step());
    JsonNode operations = result.testResult().get("operations");
    assertEquals(8, operations.size());
  }
}
