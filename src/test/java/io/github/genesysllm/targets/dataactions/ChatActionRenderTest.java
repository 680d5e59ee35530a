package io.github.genesysllm.targets.dataactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.genesysllm.provider.ProviderSettings;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The action's templates rendered with Apache Velocity, as Genesys Cloud renders them. */
class ChatActionRenderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final VelocityEngine VELOCITY = new VelocityEngine();

  static {
    VELOCITY.init();
  }

  /** Genesys Cloud's {@code $esc.jsonString}: escapes for the inside of a JSON string literal. */
  public static final class Esc {
    public String jsonString(Object value) {
      return new String(JsonStringEncoder.getInstance().quoteAsString(String.valueOf(value)));
    }
  }

  private static final ActionDefinition ACTION;

  static {
    ProviderSettings acme = Samples.acme();
    ACTION = ChatAction.definition(acme, acme.models().get(0)); // maxTokens 4096
  }

  private static JsonNode body(Map<String, Object> input) throws Exception {
    VelocityContext context = new VelocityContext();
    context.put("input", input);
    context.put("esc", new Esc());
    StringWriter out = new StringWriter();
    VELOCITY.evaluate(context, out, "requestTemplate", ACTION.config().request().template());
    return MAPPER.readTree(out.toString());
  }

  private static Map<String, Object> input(Object... pairs) {
    Map<String, Object> input = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      input.put((String) pairs[i], pairs[i + 1]);
    }
    return input;
  }

  @Test
  void theBodyCarriesTheModelThePromptEscapedAndDoesNotStream() throws Exception {
    String prompt = "Say \"hello\"\nthen \\ and ${input.maxTokens} #end";
    JsonNode body = body(input("prompt", prompt, "maxTokens", 16));

    assertEquals("gpt-4o-mini", body.get("model").asText());
    assertEquals(1, body.get("messages").size());
    assertEquals("user", body.get("messages").get(0).get("role").asText());
    assertEquals(prompt, body.get("messages").get(0).get("content").asText());
    assertEquals(16, body.get("max_tokens").asInt());
    assertFalse(body.get("stream").asBoolean());
  }

  @Test
  void aSystemPromptComesFirstWhenGiven() throws Exception {
    JsonNode body = body(input("prompt", "Hi", "systemPrompt", "Be \"brief\""));
    assertEquals("system", body.get("messages").get(0).get("role").asText());
    assertEquals("Be \"brief\"", body.get("messages").get(0).get("content").asText());
    assertEquals("Hi", body.get("messages").get(1).get("content").asText());
  }

  @Test
  void withoutMaxTokensTheModelsMaxTokensIsSent() throws Exception {
    assertEquals(4096, body(input("prompt", "Hi")).get("max_tokens").asInt());
  }

  @ParameterizedTest
  @ValueSource(longs = {4096, 4097, 2_000_000, 0, -3})
  void maxTokensIsNeverAboveTheModelsNorBelowOne(long asked) throws Exception {
    assertEquals(4096, body(input("prompt", "Hi", "maxTokens", asked)).get("max_tokens").asInt());
  }

  @Test
  void aSmallerMaxTokensIsKeptWhateverItsNumberType() throws Exception {
    assertEquals(1, body(input("prompt", "Hi", "maxTokens", 1L)).get("max_tokens").asInt());
    assertEquals(4095, body(input("prompt", "Hi", "maxTokens", 4095)).get("max_tokens").asInt());
  }

  /** The success template rendered with the translation-map values, JSON-encoded (section 6.2). */
  private static JsonNode result(Map<String, Object> values) throws Exception {
    VelocityContext context = new VelocityContext(new HashMap<>(values));
    StringWriter out = new StringWriter();
    VELOCITY.evaluate(
        context, out, "successTemplate", ACTION.config().response().successTemplate());
    return MAPPER.readTree(out.toString());
  }

  @Test
  void theSuccessTemplateWritesTheTranslatedValuesAsJson() throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("answer", "\"Hello \\\"you\\\"\"");
    values.put("finishReason", "\"stop\"");
    values.put("promptTokens", "5");
    values.put("completionTokens", "2");
    values.put("totalTokens", "7");

    JsonNode result = result(values);

    assertEquals("Hello \"you\"", result.get("answer").asText());
    assertEquals("stop", result.get("finishReason").asText());
    assertEquals(5, result.get("promptTokens").asInt());
    assertEquals(2, result.get("completionTokens").asInt());
    assertEquals(7, result.get("totalTokens").asInt());
  }

  @Test
  void explicitNullsBecomeTheDefaultsSoTheOutputKeepsItsTypes() throws Exception {
    // a JSON null found by a path is a value, not a miss: it arrives as the text null
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("answer", "\"Hi\"");
    values.put("finishReason", "null");
    values.put("promptTokens", "null");
    values.put("completionTokens", "null");
    values.put("totalTokens", "null");

    JsonNode result = result(values);

    assertEquals(
        MAPPER.readTree(
            "{\"answer\": \"Hi\", \"finishReason\": \"\", \"promptTokens\": 0,"
                + " \"completionTokens\": 0, \"totalTokens\": 0}"),
        result);
  }

  @Test
  void valuesNotSetAtAllBecomeTheDefaultsToo() throws Exception {
    JsonNode result = result(Map.of("answer", "\"Hi\"", "totalTokens", "12"));

    assertEquals("", result.get("finishReason").textValue());
    assertEquals(0, result.get("promptTokens").intValue());
    assertEquals(12, result.get("totalTokens").intValue());
  }
}
