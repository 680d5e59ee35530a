package io.github.genesysllm.targets.dataactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Difference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataActionsComparisonTest {

  private static final ProviderSettings ACME = Samples.acme();
  private static final Integration ACTIVE =
      new Integration("i1", "Acme Gateway", Integration.TYPE, "ENABLED", "ACTIVE", null);
  private static final Credential KEY = new Credential("c1", "acme gateway api KEY", "userDefined");

  private static DataAction action(String id, ActionDefinition d) {
    return new DataAction(id, "i1", 1, false, d);
  }

  private static Map<String, DataAction> asConfigured() {
    Map<String, DataAction> actions = new LinkedHashMap<>();
    actions.put("gpt-4o-mini", action("a1", ChatAction.definition(ACME, ACME.models().get(0))));
    actions.put("llama-3/8b:q4", action("a2", ChatAction.definition(ACME, ACME.models().get(1))));
    return actions;
  }

  private static IntegrationConfig config(String credentialId) {
    ObjectNode empty = JsonNodeFactory.instance.objectNode();
    return new IntegrationConfig(
        "Acme Gateway",
        3,
        "",
        empty,
        empty,
        credentialId == null ? Map.of() : Map.of("basicAuth", credentialId));
  }

  private static ProviderState state(
      Integration integration, Credential credential, Map<String, DataAction> actions) {
    return new ProviderState(
        integration,
        config(credential == null ? null : credential.id()),
        credential,
        actions,
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void whatThePluginMadeMatchesItsConfigurationWhateverTheCaseOfTheCredentialsName() {
    assertEquals(
        List.of(), DataActionsComparison.differences(ACME, state(ACTIVE, KEY, asConfigured())));
  }

  @Test
  void theIntegrationsStateAndTheCredentialMappingAreCompared() {
    Integration inactive =
        new Integration("i1", "Acme Gateway", Integration.TYPE, "DISABLED", "INACTIVE", null);
    Credential foreign = new Credential("c9", "Someone else's", "userDefined");
    assertEquals(
        List.of(
            new Difference("integration.state", "ACTIVE", "INACTIVE"),
            new Difference(
                "credential",
                "Acme Gateway API key (userDefined)",
                "Someone else's (userDefined)")),
        DataActionsComparison.differences(ACME, state(inactive, foreign, asConfigured())));
    assertEquals(
        List.of(new Difference("credential", "Acme Gateway API key (userDefined)", "none")),
        DataActionsComparison.differences(ACME, state(ACTIVE, null, asConfigured())));
    Credential basic = new Credential("c1", "Acme Gateway API key", "basicAuth");
    assertEquals(
        List.of(
            new Difference(
                "credential",
                "Acme Gateway API key (userDefined)",
                "Acme Gateway API key (basicAuth)")),
        DataActionsComparison.differences(ACME, state(ACTIVE, basic, asConfigured())));
  }

  @Test
  void eachActionIsComparedFieldByFieldAndAMissingOneAsAWhole() {
    Map<String, DataAction> actions = asConfigured();
    ProviderSettings moved =
        Samples.provider(
            "Acme Gateway",
            "https://elsewhere.example/v1",
            45_000,
            Samples.model("gpt-4o-mini", 4096));
    actions.put("gpt-4o-mini", action("a1", ChatAction.definition(moved, moved.models().get(0))));
    actions.remove("llama-3/8b:q4");

    List<Difference> differences =
        DataActionsComparison.differences(ACME, state(ACTIVE, KEY, actions));

    assertEquals(3, differences.size(), differences.toString());
    assertEquals(
        List.of(
            new Difference(
                "actions[gpt-4o-mini].url",
                "https://llm.example.com/v1/chat/completions",
                "https://elsewhere.example/v1/chat/completions"),
            new Difference("actions[gpt-4o-mini].timeoutSeconds", "30", "45")),
        differences.subList(0, 2));
    Difference missing = differences.get(2);
    assertEquals("actions[llama-3/8b:q4]", missing.field());
    assertEquals(Difference.ABSENT, missing.actual());
    assertTrue(
        missing
            .expected()
            .startsWith(
                "name=Acme Gateway - llama-3/8b:q4, category=Acme Gateway,"
                    + " url=https://llm.example.com/v1/chat/completions"),
        missing.expected());
  }

  @Test
  void templatesAreShownByWhatTheyAreSoThatADifferenceFitsALine() {
    Map<String, DataAction> actions = asConfigured();
    ActionDefinition d = ChatAction.definition(ACME, ACME.models().get(0));
    ProviderSettings smaller = Samples.provider("Acme Gateway", Samples.model("gpt-4o-mini", 1024));
    actions.put(
        "gpt-4o-mini", action("a1", ChatAction.definition(smaller, smaller.models().get(0))));
    assertEquals(
        List.of(
            new Difference(
                "actions[gpt-4o-mini].requestTemplate",
                "the plugin's chat body for model gpt-4o-mini, max_tokens at most 4096",
                "the plugin's chat body for model gpt-4o-mini, max_tokens at most 1024")),
        DataActionsComparison.differences(ACME, state(ACTIVE, KEY, actions)));

    ActionConfig c = d.config();
    ActionDefinition edited =
        new ActionDefinition(
            d.name(),
            d.category(),
            new ActionConfig(
                c.timeoutSeconds(),
                new ActionConfig.Request(
                    c.request().urlTemplate(),
                    c.request().requestType(),
                    c.request().headers(),
                    c.request().template() + " "),
                new ActionConfig.Response(
                    c.response().translationMap(), c.response().translationMapDefaults(), "{}")),
            d.contract());
    actions.put("gpt-4o-mini", action("a1", edited));
    List<Difference> differences =
        DataActionsComparison.differences(ACME, state(ACTIVE, KEY, actions));
    assertEquals(
        List.of("actions[gpt-4o-mini].requestTemplate", "actions[gpt-4o-mini].successTemplate"),
        differences.stream().map(Difference::field).toList());
    assertTrue(
        differences
            .get(0)
            .actual()
            .matches(
                "a template of \\d+ characters not written by the plugin \\(sha256 [0-9a-f]{12}\\)"),
        differences.get(0).actual());
    assertEquals(
        "the plugin's result (answer, finishReason, token counts)", differences.get(1).expected());
  }

  @Test
  void aContractIsShownAsWhatItIs() {
    ActionContract current = ChatAction.contract();
    assertEquals("genesys-llm chat contract 1", DataActionsComparison.contractLabel(current));
    ObjectNode input = (ObjectNode) current.inputSchema();
    input.put("title", "edited");
    assertEquals(
        "genesys-llm chat contract 1, altered",
        DataActionsComparison.contractLabel(new ActionContract(input, current.successSchema())));
    input.put("description", "(contract 7 of genesys-llm-maven-plugin)");
    assertEquals(
        "genesys-llm chat contract 7",
        DataActionsComparison.contractLabel(new ActionContract(input, current.successSchema())));
    input.remove("description");
    assertEquals(
        "a contract not written by the plugin",
        DataActionsComparison.contractLabel(new ActionContract(input, current.successSchema())));
  }

  @Test
  void twinsAreDifferencesAndOtherActionsAreDefects() {
    ActionSummary twin =
        new ActionSummary("a7", "ACME GATEWAY - gpt-4o-mini", "i1", "Acme Gateway", 1);
    ActionSummary other =
        new ActionSummary("a8", "Acme Gateway - old-model", "i1", "Acme Gateway", 1);
    ProviderState state =
        new ProviderState(
            ACTIVE,
            config("c1"),
            KEY,
            asConfigured(),
            List.of(twin, other),
            List.of(
                new Integration(
                    "i2", "acme gateway", Integration.TYPE, "DISABLED", "INACTIVE", null)),
            List.of(new Credential("c2", "Acme Gateway API key", "userDefined")));

    assertEquals(
        List.of(
            new Difference("integration.twins", "none", "i2"),
            new Difference("credential.twins", "none", "c2"),
            new Difference("actions[gpt-4o-mini].twins", "none", "a7")),
        DataActionsComparison.differences(ACME, state));
    assertEquals(
        List.of(
            new Difference("extraActions[Acme Gateway - old-model]", Difference.ABSENT, "id a8")),
        DataActionsComparison.defects(state));
  }
}
