package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.targets.dataactions.Samples.model;
import static io.github.genesysllm.targets.dataactions.Samples.provider;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.execution.ContractRules;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChatActionTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ActionDefinition first(ProviderSettings provider) {
    return ChatAction.definition(provider, provider.models().get(0));
  }

  @Test
  void theActionPostsToTheChatCompletionsOfTheBaseUrlWithTheCredentialsKey() {
    ActionDefinition action = first(Samples.acme());
    assertEquals("Acme Gateway - gpt-4o-mini", action.name());
    assertEquals("Acme Gateway", action.category());
    ActionConfig.Request request = action.config().request();
    assertEquals("https://llm.example.com/v1/chat/completions", request.urlTemplate());
    assertEquals("POST", request.requestType());
    assertEquals(
        Map.of("Authorization", "Bearer ${credentials.apiKey}", "Content-Type", "application/json"),
        request.headers());
    assertEquals(30, action.config().timeoutSeconds());
  }

  @Test
  void theBodyTemplateNamesTheModelCapsMaxTokensEscapesThePromptsAndDoesNotStream() {
    String template = first(Samples.acme()).config().request().template();
    assertTrue(template.startsWith("#set($maxTokens = 4096)\n"), template);
    assertTrue(
        template.contains(
            "#if($input.maxTokens && $input.maxTokens > 0 && $input.maxTokens < $maxTokens)"
                + "#set($maxTokens = $input.maxTokens)#end"),
        template);
    assertTrue(template.contains("{\"model\": \"gpt-4o-mini\""), template);
    assertTrue(template.contains("\"content\": \"$esc.jsonString(${input.prompt})\""), template);
    assertTrue(
        template.contains(
            "#if($input.systemPrompt){\"role\": \"system\", \"content\":"
                + " \"$esc.jsonString(${input.systemPrompt})\"}, #end"),
        template);
    assertTrue(template.endsWith("\"max_tokens\": $maxTokens, \"stream\": false}"), template);
  }

  @Test
  void theAnswerAndItsMetadataAreTranslatedWithJsonLiteralDefaults() throws Exception {
    ActionConfig.Response response = first(Samples.acme()).config().response();
    assertEquals("$.choices[0].message.content", response.translationMap().get("answer"));
    assertEquals(
        List.of("answer", "finishReason", "promptTokens", "completionTokens", "totalTokens"),
        List.copyOf(response.translationMap().keySet()));
    assertFalse(response.translationMapDefaults().containsKey("answer"));
    assertEquals(
        Set.of("finishReason", "promptTokens", "completionTokens", "totalTokens"),
        response.translationMapDefaults().keySet());
    for (String literal : response.translationMapDefaults().values()) {
      assertDoesNotThrow(() -> MAPPER.readTree(literal), literal + " is a JSON literal");
    }
    assertEquals(
        "", MAPPER.readTree(response.translationMapDefaults().get("finishReason")).asText());
    // values arrive JSON-encoded: never quoted again
    assertTrue(response.successTemplate().startsWith("{\"answer\": ${answer}, "));
    for (String variable : response.translationMapDefaults().keySet()) {
      assertTrue(
          response.successTemplate().contains("#else${" + variable + "}#end"),
          response.successTemplate());
      assertFalse(response.successTemplate().contains("\"${" + variable + "}\""));
    }
  }

  @Test
  void noConfigurationChangesTheContract() {
    ActionDefinition base = first(Samples.acme());
    List<ProviderSettings> others =
        List.of(
            provider("Other", "https://elsewhere.example/api", 60_000, model("mistral-large", 1)),
            provider("Acme Gateway", Samples.BASE_URL, 1_000, model("gpt-4o-mini", 2_000_000)));
    for (ProviderSettings other : others) {
      ActionDefinition changed = first(other);
      assertTrue(changed.contract().sameAs(base.contract()));
      assertEquals(base.contract().inputSchema(), changed.contract().inputSchema());
      assertFalse(changed.config().equals(base.config()));
    }
  }

  @Test
  void theContractFollowsTheDataActionRules() {
    ActionContract contract = ChatAction.contract();
    JsonNode input = contract.inputSchema();
    assertEquals("http://json-schema.org/draft-04/schema#", input.get("$schema").asText());
    assertEquals("object", input.get("type").asText());
    assertEquals(List.of("prompt"), strings(input.get("required")));
    Pattern names = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    Set<String> flat = Set.of("string", "integer", "number", "boolean", "null");
    input
        .get("properties")
        .properties()
        .forEach(
            p -> {
              assertTrue(names.matcher(p.getKey()).matches(), p.getKey());
              assertFalse(Set.of("orgId", "integrationId", "rawRequest").contains(p.getKey()));
              assertTrue(flat.contains(p.getValue().get("type").asText()), p.getKey());
            });
    JsonNode output = contract.successSchema();
    assertEquals("object", output.get("type").asText());
    assertEquals(List.of("answer"), strings(output.get("required")));
    ObjectNode wire = MAPPER.createObjectNode();
    wire.putObject("input").set("inputSchema", input);
    wire.putObject("output").set("successSchema", output);
    assertEquals(List.of(), ContractRules.check(wire), "the emulator's reading of section 5.2");
    for (JsonNode schema : List.of(input, output)) {
      assertFalse(schema.toString().contains("$ref"));
      assertFalse(schema.toString().contains("\"array\""), "no arrays at all");
    }
  }

  @Test
  void theContractCarriesThePluginsContractVersion() {
    assertEquals(ChatAction.CONTRACT_VERSION, ChatAction.contractVersionOf(ChatAction.contract()));
    ObjectNode handMade = (ObjectNode) ChatAction.contract().inputSchema();
    handMade.put("description", "written by hand");
    assertNull(
        ChatAction.contractVersionOf(
            new ActionContract(handMade, ChatAction.contract().successSchema())));
  }

  @Test
  void anActionOfThePluginsShapeIsReadBackToWhatItWasMadeFrom() {
    ProviderSettings acme = Samples.acme();
    ActionDefinition action = ChatAction.definition(acme, acme.models().get(1));
    assertEquals(
        new ChatAction.Model(Samples.BASE_URL, "llama-3/8b:q4", 8192, 30),
        ChatAction.parse("acme gateway", action));
  }

  @Test
  void anActionThatDiffersFromThePluginsShapeIsNotReadBack() {
    ActionDefinition action = first(Samples.acme());
    ActionConfig c = action.config();
    ActionConfig extraHeader =
        new ActionConfig(
            c.timeoutSeconds(),
            new ActionConfig.Request(
                c.request().urlTemplate(),
                c.request().requestType(),
                Map.of("Authorization", "Bearer x", "Content-Type", "application/json"),
                c.request().template()),
            c.response());
    assertNull(ChatAction.parse("Acme Gateway", withConfig(action, extraHeader)));
    assertNull(ChatAction.parse("Other Gateway", action), "named after another integration");
    ObjectNode output = (ObjectNode) ChatAction.contract().successSchema();
    output.put("title", "changed");
    assertNull(
        ChatAction.parse(
            "Acme Gateway",
            new ActionDefinition(
                action.name(),
                action.category(),
                action.config(),
                new ActionContract(ChatAction.contract().inputSchema(), output))));
  }

  private static ActionDefinition withConfig(ActionDefinition action, ActionConfig config) {
    return new ActionDefinition(action.name(), action.category(), config, action.contract());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.asText()));
    return out;
  }
}
