package io.github.genesysllm.targets.dataactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ProxyRoutes;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.Difference;
import io.github.genesysllm.reconcile.Exported;
import io.github.genesysllm.reconcile.ProbeSettings;
import io.github.genesysllm.reconcile.ProviderOutcome;
import io.github.genesysllm.reconcile.ProviderVerification;
import io.github.genesysllm.reconcile.ReconcileOptions;
import io.github.genesysllm.reconcile.Reconciler;
import io.github.genesysllm.reconcile.RegisterResult;
import io.github.genesysllm.reconcile.ReportSchemas;
import io.github.genesysllm.reconcile.UnregisterAction;
import io.github.genesysllm.reconcile.UnregisterResult;
import io.github.genesysllm.reconcile.Unregisterer;
import io.github.genesysllm.reconcile.Verifier;
import io.github.genesysllm.reconcile.VerifyResult;
import io.github.genesysllm.reconcile.VerifyStatus;
import io.github.genesysllm.targets.Targets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The core's register, verify, unregister and export through the dataActions target. */
class DataActionsTargetTest {

  private final LoopbackModel model = new LoopbackModel();
  private final EmulatedOrg org = new EmulatedOrg(b -> {});

  @AfterEach
  void close() {
    org.close();
    model.close();
    for (String line : org.log.lines()) {
      assertFalse(line.contains(EmulatedOrg.KEY), line);
    }
  }

  private ProviderSettings acme() {
    return Samples.provider(
        "Acme Gateway",
        model.baseUrl(),
        30_000,
        Samples.model("gpt-4o-mini", 4096),
        Samples.model("llama-3/8b:q4", 8192));
  }

  private RegisterResult register(ProviderSettings provider, ReconcileOptions options) {
    return new Reconciler(org.new Build().target(), options, org.log)
        .reconcile(List.of(EmulatedOrg.desired(provider)));
  }

  @Test
  void theTargetIsRegisteredAsDataActions() {
    assertEquals(DataActionsTargetType.NAME, Targets.named("dataActions").name());
  }

  @Test
  void registerCreatesThenLeavesAndPublishesEveryResourceId() {
    RegisterResult first = register(acme(), ReconcileOptions.defaults());

    ProviderOutcome created = first.providers().get(0);
    assertEquals(Action.CREATED, created.action(), created.error(Wording.PLAIN));
    assertEquals(
        List.of(
            "integrationId", "credentialId", "actions.gpt-4o-mini.id", "actions.llama-3-8b-q4.id"),
        List.copyOf(created.resourceIds().keySet()));
    assertEquals(created.resourceIds().get("integrationId"), created.id());

    int before = org.journalSize();
    ProviderOutcome second = register(acme(), ReconcileOptions.defaults()).providers().get(0);
    assertEquals(Action.UNCHANGED, second.action());
    assertEquals(created.resourceIds(), second.resourceIds());
    assertEquals(List.of(), org.writesSince(before));
  }

  @Test
  void aDryRunPlansWithoutWriting() {
    int before = org.journalSize();
    RegisterResult plan = register(acme(), ReconcileOptions.defaults().withDryRun(true));
    assertEquals(Action.WOULD_CREATE, plan.providers().get(0).action());
    assertEquals(List.of(), org.writesSince(before));
  }

  @Test
  void anUpdateListsWhatChangedAndAKeyRotationSaysSo() {
    register(acme(), ReconcileOptions.defaults());
    ProviderSettings changed =
        Samples.provider(
            "Acme Gateway",
            model.baseUrl(),
            45_000,
            Samples.model("gpt-4o-mini", 4096),
            Samples.model("llama-3/8b:q4", 8192));

    ProviderOutcome updated =
        register(changed, ReconcileOptions.defaults().withRotateApiKeys(true)).providers().get(0);

    assertEquals(Action.UPDATED, updated.action(), updated.error(Wording.PLAIN));
    assertEquals(
        List.of(
            new Difference("actions[gpt-4o-mini].timeoutSeconds", "45", "30"),
            new Difference("actions[llama-3/8b:q4].timeoutSeconds", "45", "30"),
            Difference.apiKeyRotated()),
        updated.changes());
  }

  @Test
  void verifyMatchesDriftsAndIsMissingAndProbesFromThePlatform() throws IOException {
    ProviderSettings acme = acme();
    register(acme, ReconcileOptions.defaults());
    ProbeSettings probe = new ProbeSettings(Duration.ofSeconds(5), ProxyRoutes.NONE, null);
    List<DesiredProvider> desired =
        List.of(
            EmulatedOrg.desired(acme),
            EmulatedOrg.desired(Samples.provider("Missing", Samples.model("m", 1))));

    VerifyResult matches = new Verifier(org.new Build().target(), org.log).verify(desired, probe);
    assertEquals(VerifyStatus.MATCHES, matches.providers().get(0).status());
    assertTrue(
        matches.providers().get(0).probe().ok(), matches.providers().get(0).probe().describe());
    assertEquals(2, model.calls().size(), "Genesys Cloud called each model once");
    assertEquals(VerifyStatus.MISSING, matches.providers().get(1).status());
    ReportSchemas.assertValidBody("verify", "dataActions", matches.toReport());

    EmulatedOrg.Build build = org.new Build();
    String integrationId =
        Identities.integrations(build.api.integrations(), "Acme Gateway").get(0).id();
    build.api.setIntendedState(integrationId, Integration.DISABLED);
    ProviderVerification drifted =
        new Verifier(build.target(), org.log).verify(desired.subList(0, 1)).providers().get(0);
    assertEquals(VerifyStatus.DRIFTED, drifted.status());
    assertEquals(
        List.of(new Difference("integration.state", "ACTIVE", "INACTIVE")), drifted.differences());
  }

  @Test
  void aFailingPlatformTestFailsTheProbeNamingTheStep() throws IOException {
    register(acme(), ReconcileOptions.defaults());
    model.refusing(true);
    ProbeSettings probe = new ProbeSettings(Duration.ofSeconds(5), ProxyRoutes.NONE, null);

    VerifyResult result =
        new Verifier(org.new Build().target(), org.log)
            .verify(List.of(EmulatedOrg.desired(acme())), probe);
    ProviderVerification verified = result.providers().get(0);

    assertFalse(verified.probe().ok());
    assertTrue(
        verified.probe().describe().startsWith("FAILED: gpt-4o-mini at step 'Execute request'"),
        verified.probe().describe());
    assertEquals("Execute request", verified.probe().toJson().at("/actions/0/step").asText());
    ReportSchemas.assertValidBody("verify", "dataActions", result.toReport());
  }

  @Test
  void unregisterDeletesEverythingOfTheConfiguredProvidersOnly() {
    register(acme(), ReconcileOptions.defaults());
    ProviderSettings other = Samples.provider("Other", Samples.model("m", 1));
    register(other, ReconcileOptions.defaults());

    UnregisterResult removed =
        new Unregisterer(org.new Build().target(), org.log)
            .unregister(List.of(EmulatedOrg.desired(acme())), false);

    assertEquals(UnregisterAction.DELETED, removed.providers().get(0).action());
    EmulatedOrg.Build look = org.new Build();
    assertEquals(
        List.of("Other"), look.api.integrations().stream().map(Integration::name).toList());
    assertEquals(
        List.of("Other API key"), look.api.credentials().stream().map(Credential::name).toList());
  }

  @Test
  void exportReadsBackWhatAProviderMayBe() {
    register(Samples.acme(), ReconcileOptions.defaults());
    ProviderSettings loopback = acme();
    register(
        Samples.provider("Loopback", loopback.baseUrl(), 30_000, loopback.models().get(0)),
        ReconcileOptions.defaults());

    Exported exported = org.new Build().target().export();

    assertEquals(
        List.of("Acme Gateway"), exported.providers().stream().map(p -> p.name()).toList());
    assertEquals(1, exported.skipped().size());
    assertEquals("Loopback", exported.skipped().get(0).name());
    assertTrue(
        exported.skipped().get(0).reason().startsWith("as a provider, its baseUrl"),
        exported.skipped().get(0).reason());
  }
}
