package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.targets.dataactions.EmulatedOrg.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.emulator.JournalEntry;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.SettingValue;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.Difference;
import io.github.genesysllm.reconcile.UnregisterAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One provider's credential, integration and actions provisioned in the emulator, run after run.
 */
class ProvisioningAgainstEmulatorTest {

  private EmulatedOrg org;

  @AfterEach
  void close() {
    org.close();
    for (String line : org.log.lines()) {
      assertFalse(line.contains(EmulatedOrg.KEY), line);
    }
  }

  private static List<String> fields(List<Difference> differences) {
    return differences.stream().map(Difference::field).toList();
  }

  @Test
  void aFirstRunCreatesEverythingAndTheSecondOnlyReads() {
    org = new EmulatedOrg(b -> {});
    EmulatedOrg.Build build = org.new Build();
    ProviderSettings acme = Samples.acme();

    ProviderProvisioning.Outcome first = build.register(acme, plain());

    assertEquals(Action.CREATED, first.action(), String.valueOf(first.problem()));
    assertEquals(
        List.of(
            "integrationId", "credentialId", "actions.gpt-4o-mini.id", "actions.llama-3-8b-q4.id"),
        List.copyOf(first.resourceIds().keySet()));
    ProviderState state = build.observe(acme).states().get(0);
    assertEquals(List.of(), DataActionsComparison.differences(acme, state));
    assertEquals(List.of(), DataActionsComparison.defects(state));
    assertEquals(Integration.ACTIVE, state.integration().reportedState());
    assertEquals(first.resourceIds().get("credentialId"), state.config().credentialId());
    assertEquals(ProviderProvisioning.MARK, state.config().notes());

    int before = org.journalSize();
    assertEquals(Action.UNCHANGED, org.new Build().register(acme, plain()).action());
    assertEquals(List.of(), org.writesSince(before), "the second run only reads");
  }

  @Test
  void aChangedModelPatchesItsActionOnlyWithTheVersionRead() {
    org = new EmulatedOrg(b -> {});
    ProviderSettings acme = Samples.acme();
    ProviderProvisioning.Outcome first = org.new Build().register(acme, plain());
    ProviderSettings changed =
        Samples.provider(
            "Acme Gateway",
            Samples.model("gpt-4o-mini", 1024),
            Samples.model("llama-3/8b:q4", 8192));
    EmulatedOrg.Build build = org.new Build();
    ProviderState state = build.observe(changed).states().get(0);
    assertEquals(
        List.of("actions[gpt-4o-mini].requestTemplate"),
        fields(DataActionsComparison.differences(changed, state)));

    int before = org.journalSize();
    ProviderProvisioning.Outcome second = build.register(changed, plain());

    assertEquals(Action.UPDATED, second.action(), String.valueOf(second.problem()));
    assertEquals(first.resourceIds(), second.resourceIds(), "same ids: flows keep working");
    List<JournalEntry> writes = org.writesSince(before);
    assertEquals(1, writes.size(), writes.toString());
    assertEquals("PATCH", writes.get(0).method());
    assertEquals(
        "/api/v2/integrations/actions/" + first.resourceIds().get("actions.gpt-4o-mini.id"),
        writes.get(0).path());
  }

  @Test
  void aKeyRotationPutsTheCredentialAndTouchesNoAction() {
    org = new EmulatedOrg(b -> {});
    ProviderSettings acme = Samples.acme();
    ProviderProvisioning.Outcome first = org.new Build().register(acme, plain());

    int before = org.journalSize();
    ProviderProvisioning.Outcome rotated =
        org.new Build().register(acme, new ProvisionOptions(true, false, false));

    assertEquals(Action.UPDATED, rotated.action(), String.valueOf(rotated.problem()));
    List<JournalEntry> writes = org.writesSince(before);
    assertEquals(
        List.of("PUT /api/v2/integrations/credentials/" + first.resourceIds().get("credentialId")),
        writes.stream().map(e -> e.method() + " " + e.path()).toList());
  }

  @Test
  void aContractThatIsNotThePluginsFailsUnlessRecreatingIsAllowed() {
    org = new EmulatedOrg(b -> {});
    ProviderSettings acme = Samples.provider("Acme Gateway", Samples.model("gpt-4o-mini", 64));
    EmulatedOrg.Build build = org.new Build();
    ProviderProvisioning.Outcome first = build.register(acme, plain());
    String id = first.resourceIds().get("actions.gpt-4o-mini.id");
    // an action of the same name whose contract an older plugin wrote
    ActionDefinition current = ChatAction.definition(acme, acme.models().get(0));
    var older = (com.fasterxml.jackson.databind.node.ObjectNode) current.contract().inputSchema();
    older.put("description", "The prompt for the model (contract 0 of genesys-llm-maven-plugin)");
    build.api.deleteAction(id);
    ActionSummary old =
        build.api.createAction(
            first.resourceIds().get("integrationId"),
            new ActionDefinition(
                current.name(),
                current.category(),
                current.config(),
                new ActionContract(older, current.contract().successSchema())));
    ProviderState state = build.observe(acme).states().get(0);
    assertEquals(
        List.of(
            new Difference(
                "actions[gpt-4o-mini].contract",
                "genesys-llm chat contract 1",
                "genesys-llm chat contract 0")),
        DataActionsComparison.differences(acme, state));

    ProviderProvisioning.Outcome refused = org.new Build().register(acme, plain());
    assertEquals(Action.FAILED, refused.action());
    Problem problem = refused.problem();
    assertEquals(DataActionsHint.ALLOW_RECREATE, problem.hint());
    assertEquals(new Place.OfProvider("Acme Gateway", "actions[gpt-4o-mini]"), problem.where());
    assertEquals(
        List.of(Setting.ALLOW_RECREATE.is("true")),
        problem.fix().parts().stream().filter(SettingValue.class::isInstance).toList());
    // the action the user must look at, by name and id
    assertTrue(
        problem.what().contains("'Acme Gateway - gpt-4o-mini' (" + old.id() + ")"), problem.what());
    assertTrue(build.api.action(old.id()).isPresent(), "left as it was");

    ProviderProvisioning.Outcome recreated =
        org.new Build().register(acme, new ProvisionOptions(false, true, false));
    assertEquals(Action.UPDATED, recreated.action(), String.valueOf(recreated.problem()));
    assertNotEquals(old.id(), recreated.resourceIds().get("actions.gpt-4o-mini.id"));
    assertEquals(
        List.of(), DataActionsComparison.differences(acme, build.observe(acme).states().get(0)));
  }

  @Test
  void anActionTheConfigurationDoesNotNameIsReportedAndLeft() {
    org = new EmulatedOrg(b -> {});
    ProviderSettings both = Samples.acme();
    org.new Build().register(both, plain());
    ProviderSettings one = Samples.provider("Acme Gateway", both.models().get(0));

    EmulatedOrg.Build build = org.new Build();
    ProviderState state = build.observe(one).states().get(0);
    assertEquals(List.of(), DataActionsComparison.differences(one, state));
    assertEquals(
        List.of("extraActions[Acme Gateway - llama-3/8b:q4]"),
        fields(DataActionsComparison.defects(state)));
    int before = org.journalSize();
    assertEquals(Action.UNCHANGED, build.register(one, plain()).action());
    assertEquals(List.of(), org.writesSince(before));
  }

  @Test
  void unregisterDeletesActionsThenTheIntegrationThenTheCredential() {
    org = new EmulatedOrg(b -> b.deleteLagSeconds(3));
    ProviderSettings acme = Samples.acme();
    EmulatedOrg.Build build = org.new Build();
    build.register(acme, plain());
    ProviderState state = build.observe(acme).states().get(0);

    ProviderTeardown.Removal removal =
        new ProviderTeardown(build.api, build.settling).remove(acme, state);

    assertEquals(UnregisterAction.DELETED, removal.action());
    assertNull(build.observe(acme).states().get(0));
    assertEquals(
        List.of(), Identities.credentials(build.api.credentials(), "Acme Gateway API key"));
    List<String> deletes =
        org.writesSince(0).stream()
            .filter(e -> e.method().equals("DELETE"))
            .map(JournalEntry::path)
            .toList();
    assertEquals(4, deletes.size(), deletes.toString());
    assertTrue(deletes.get(0).startsWith("/api/v2/integrations/actions/"));
    assertTrue(deletes.get(1).startsWith("/api/v2/integrations/actions/"));
    assertEquals("/api/v2/integrations/" + state.integration().id(), deletes.get(2));
    assertTrue(deletes.get(3).startsWith("/api/v2/integrations/credentials/"));
  }

  @Test
  void anExportedIntegrationRegistersUnchanged() {
    org = new EmulatedOrg(b -> {});
    ProviderSettings acme = Samples.acme();
    EmulatedOrg.Build build = org.new Build();
    build.register(acme, plain());
    build.api.createIntegration("Empty");
    Integration hand = build.api.createIntegration("Hand made");
    ProviderSettings handSettings = Samples.provider("Hand made", Samples.model("m", 10));
    ActionDefinition plugin = ChatAction.definition(handSettings, handSettings.models().get(0));
    build.api.createAction(
        hand.id(),
        new ActionDefinition(
            plugin.name(),
            plugin.category(),
            new ActionConfig(
                plugin.config().timeoutSeconds(),
                new ActionConfig.Request(
                    plugin.config().request().urlTemplate(),
                    "POST",
                    Map.of("Authorization", "Bearer ${credentials.apiKey}", "X-Extra", "1"),
                    plugin.config().request().template()),
                plugin.config().response()),
            plugin.contract()));

    DataActionsExport.Result exported = new DataActionsExport(build.api).export();

    assertEquals(1, exported.providers().size());
    ProviderSettings back = exported.providers().get(0).settings();
    assertEquals(acme.name(), back.name());
    assertEquals(acme.baseUrl(), back.baseUrl());
    assertEquals(acme.timeout(), back.timeout());
    assertEquals(
        Map.of("gpt-4o-mini", 4096, "llama-3/8b:q4", 8192),
        Map.of(
            back.models().get(0).id(), back.models().get(0).maxTokens(),
            back.models().get(1).id(), back.models().get(1).maxTokens()));
    assertEquals(
        List.of("Empty", "Hand made"),
        exported.skipped().stream().map(DataActionsExport.Skipped::name).toList());
    assertEquals("it has no published data actions", exported.skipped().get(0).reason());
    assertTrue(
        exported.skipped().get(1).reason().startsWith("action 'Hand made - m' is not the plugin's"),
        exported.skipped().get(1).reason());
    int before = org.journalSize();
    assertEquals(Action.UNCHANGED, org.new Build().register(back, plain()).action());
    assertEquals(List.of(), org.writesSince(before));
  }
}
