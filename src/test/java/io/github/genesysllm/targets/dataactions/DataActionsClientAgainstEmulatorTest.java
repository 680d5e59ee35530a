package io.github.genesysllm.targets.dataactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The data-actions client and its settling loops against the emulator, with and without lag. */
class DataActionsClientAgainstEmulatorTest {

  private static final String KEY = EmulatedOrg.KEY;

  private EmulatedOrg org;
  private DataActionsClient api;
  private Settling settling;

  private void start(Consumer<EmulatorSettings.Builder> tweaks) {
    org = new EmulatedOrg(tweaks);
    EmulatedOrg.Build build = org.new Build();
    api = build.api;
    settling = build.settling;
  }

  @AfterEach
  void stop() {
    org.close();
    for (String line : org.log.lines()) {
      assertFalse(line.contains(KEY) || line.contains(EmulatedOrg.CLIENT_SECRET), line);
    }
  }

  /** Contract section 9, steps 0 to 5, then a read-back, an update and the teardown. */
  @Test
  void theProvisioningSequenceRoundTripsWhatThePluginBuilds() throws IOException {
    start(b -> {});
    ProviderSettings acme = Samples.acme();
    ActionDefinition wanted = ChatAction.definition(acme, acme.models().get(0));

    assertTrue(api.credentialTypes().contains("userDefined"));
    Credential credential = api.createCredential(DataActionNames.credential(acme), Secret.of(KEY));
    Integration integration = api.createIntegration(DataActionNames.integration(acme));
    IntegrationConfig config =
        settling.updateConfig(integration.id(), c -> c.withCredential(credential.id())).result();
    assertEquals(credential.id(), config.credentialId());
    api.setIntendedState(integration.id(), Integration.ENABLED);
    assertEquals(
        Integration.ACTIVE,
        settling
            .awaitReported(
                integration.id(), Set.of(Integration.ACTIVE, Integration.ERROR), Place.NOWHERE)
            .reportedState());
    ActionSummary created = api.createAction(integration.id(), wanted);

    DataAction read = api.action(created.id()).orElseThrow();
    assertEquals(wanted.config(), read.definition().config());
    assertTrue(wanted.contract().sameAs(read.definition().contract()));
    assertEquals(wanted.name(), read.name());
    assertEquals(integration.id(), read.integrationId());
    assertEquals(
        List.of(created.id()),
        Identities.actions(api.actions(wanted.name()), integration.id(), wanted.name()).stream()
            .map(ActionSummary::id)
            .toList());
    assertTrue(
        api.credentials().stream().anyMatch(c -> c.id().equals(credential.id())),
        "listed through the cursor listing");

    ProviderSettings changed =
        Samples.provider(
            "Acme Gateway", "https://other.example/v2", 45_000, Samples.model("gpt-4o-mini", 64));
    ActionDefinition update = ChatAction.definition(changed, changed.models().get(0));
    ActionSummary updated = settling.updateAction(created.id(), update).result();
    assertEquals(read.version() + 1, updated.version());
    assertEquals(update.config(), api.action(created.id()).orElseThrow().definition().config());
    assertFalse(settling.updateAction(created.id(), update).written(), "no-op");

    assertTrue(api.deleteAction(created.id()));
    assertFalse(api.deleteAction(created.id()));
    assertTrue(api.deleteIntegration(integration.id()));
    settling.awaitIntegrationGone(integration.id(), Place.NOWHERE);
    assertTrue(api.deleteCredential(credential.id()));
    assertEquals(Optional.empty(), api.integration(integration.id()));
  }

  @Test
  void aDraftIsCreatedPublishedAndReadBackAsThePublishedAction() throws IOException {
    start(b -> {});
    ProviderSettings acme = Samples.acme();
    ActionDefinition wanted = ChatAction.definition(acme, acme.models().get(1));
    Integration integration = api.createIntegration("Acme Gateway");

    ActionSummary draft = api.createDraft(integration.id(), wanted);
    assertEquals(Optional.empty(), api.action(draft.id()), "only a draft so far");
    assertEquals(wanted.config(), api.draft(draft.id()).orElseThrow().definition().config());
    ActionSummary published = settling.publishDraft(draft.id());

    assertEquals(draft.id(), published.id());
    assertEquals(wanted.config(), api.action(draft.id()).orElseThrow().definition().config());
    assertEquals(Optional.empty(), api.draft(draft.id()), "the draft is gone once published");

    ProviderSettings changed = Samples.provider("Acme Gateway", Samples.model("llama-3/8b:q4", 7));
    ActionDefinition update = ChatAction.definition(changed, changed.models().get(0));
    api.draftOf(draft.id());
    settling.updateDraft(draft.id(), update);
    assertEquals(
        wanted.config(),
        api.action(draft.id()).orElseThrow().definition().config(),
        "published unchanged");
    settling.publishDraft(draft.id());
    assertEquals(update.config(), api.action(draft.id()).orElseThrow().definition().config());
  }

  @Test
  void theLoopsWaitOutEveryLagOfTheEmulator() throws IOException {
    start(b -> b.searchLagSeconds(5).createLagSeconds(5).deleteLagSeconds(5));
    ProviderSettings acme = Samples.acme();
    ActionDefinition wanted = ChatAction.definition(acme, acme.models().get(0));
    Integration integration = api.createIntegration("Acme Gateway");

    // 404 right after create, waited out
    settling.updateConfig(
        integration.id(),
        c -> c.withCredential(api.createCredential("Acme Gateway API key", Secret.of(KEY)).id()));
    ActionSummary created = api.createAction(integration.id(), wanted);
    assertTrue(api.actions(wanted.name()).isEmpty(), "not yet in the name search");
    ActionSummary listed =
        settling.awaitListed(
            "data action '" + wanted.name() + "'",
            Place.NOWHERE,
            () ->
                Identities.actions(api.actions(wanted.name()), integration.id(), wanted.name())
                    .stream()
                    .findFirst());
    assertEquals(created.id(), listed.id());

    api.deleteIntegration(integration.id());
    assertTrue(api.integration(integration.id()).isPresent(), "200 right after delete");
    settling.awaitIntegrationGone(integration.id(), Place.NOWHERE);
    assertTrue(org.time.slept().compareTo(Duration.ofSeconds(5)) >= 0);
  }
}
