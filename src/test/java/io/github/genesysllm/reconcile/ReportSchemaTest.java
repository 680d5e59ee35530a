package io.github.genesysllm.reconcile;

import static io.github.genesysllm.reconcile.Fixtures.desired;
import static io.github.genesysllm.reconcile.Fixtures.settings;
import static io.github.genesysllm.reconcile.Fixtures.withTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.GenesysHosts;
import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.targets.providers.ProvidersClient;
import io.github.genesysllm.targets.providers.ProvidersTarget;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports the goals write, made by the core against the emulator (and against a target of
 * several resources per provider), are valid by the JSON Schemas the jar ships; every action and
 * status a report can hold is met at least once.
 */
class ReportSchemaTest {

  private static final String PROVIDERS = "/api/v2/ai/llm/providers";

  private final RecordingLog log = new RecordingLog();
  private Emulator emulator;
  private GenesysClient client;
  private Target<?> target;
  private String organization;

  @BeforeEach
  void start() throws IOException {
    emulator = Emulator.start(EmulatorSettings.builder().build());
    client =
        new GenesysClient(
            GenesysHosts.resolve(null, emulator.url().toString(), null),
            OAuthCredentials.clientCredentials(
                emulator.clientId(), emulator.clientSecret(), "the test's emulator"),
            ClientOptions.builder()
                .timeout(Duration.ofSeconds(2))
                .maxRetryTime(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .build(),
            log);
    organization = client.identity().organizationName();
    target = new ProvidersTarget(new ProvidersClient(client), log);
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  private ObjectNode report(String goal, String targetName, ObjectNode body) {
    return new ReportHeader(
            goal, targetName, organization, emulator.url().toString(), Instant.now())
        .wrap(body);
  }

  private void faults(String json) {
    emulator.setFaultScript(FaultScript.parse("{\"rules\": [" + json + "]}", "the test"));
  }

  private RegisterResult register(boolean dryRun, DesiredProvider... desired) {
    ReconcileOptions options =
        ReconcileOptions.defaults()
            .withDryRun(dryRun)
            .withRotateApiKeys(false)
            .withProgressInterval(Duration.ofMinutes(10));
    return new Reconciler(target, options, log).reconcile(List.of(desired));
  }

  @Test
  void everyRegisterVerifyAndUnregisterOutcomeAgainstTheEmulatorIsValid() throws IOException {
    DesiredProvider alpha = desired("Alpha");
    DesiredProvider beta = desired("Beta");
    DesiredProvider gamma = desired("Gamma");
    DesiredProvider alphaChanged = desired(withTimeout(settings("Alpha"), 45_000));
    Set<Action> actions = EnumSet.noneOf(Action.class);

    // a create applied whose answer is lost is found by name: adopted
    faults(
        "{\"method\": \"POST\", \"path\": \"" + PROVIDERS + "\", \"action\": \"commitThenDrop\"}");
    List<RegisterResult> runs = new ArrayList<>();
    runs.add(register(false, alpha));
    runs.add(register(false, alpha, beta));
    runs.add(register(true, alphaChanged, beta, gamma));
    // a create refused: failed
    faults(
        "{\"method\": \"POST\", \"path\": \""
            + PROVIDERS
            + "\", \"action\": \"status\", \"status\": 400}");
    runs.add(register(false, alphaChanged, beta, gamma));
    for (RegisterResult run : runs) {
      run.providers().forEach(p -> actions.add(p.action()));
      ReportSchemas.assertValid(
          "register",
          report("register", "providers", run.toReport(organization, "u", Wording.PLAIN)));
    }
    assertEquals(EnumSet.allOf(Action.class), actions, "every action is met");

    VerifyResult verified = new Verifier(target, log).verify(List.of(alpha, beta, gamma));
    assertEquals(
        EnumSet.of(VerifyStatus.DRIFTED, VerifyStatus.MATCHES, VerifyStatus.MISSING),
        verified.providers().stream()
            .map(ProviderVerification::status)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(VerifyStatus.class))));
    ReportSchemas.assertValid("verify", report("verify", "providers", verified.toReport()));

    Set<UnregisterAction> removals = EnumSet.noneOf(UnregisterAction.class);
    faults(
        "{\"method\": \"DELETE\", \"path\": \""
            + PROVIDERS
            + "/*\", \"action\": \"status\", \"status\": 400}");
    for (boolean dryRun : List.of(true, false, false)) {
      UnregisterResult removed =
          new Unregisterer(target, log).unregister(List.of(alpha, beta, gamma), dryRun);
      removed.providers().forEach(p -> removals.add(p.action()));
      ReportSchemas.assertValid(
          "unregister", report("unregister", "providers", removed.toReport(Wording.PLAIN)));
    }
    assertEquals(EnumSet.allOf(UnregisterAction.class), removals, "every action is met");
  }

  @Test
  void theReportsOfATargetWithSeveralResourcesPerProviderAreValid() throws IOException {
    TargetPortTest.Gateways gateways = new TargetPortTest.Gateways();
    DesiredProvider acme = desired("Acme");
    RegisterResult registered =
        new Reconciler(
                gateways,
                ReconcileOptions.defaults().withProgressInterval(Duration.ofMinutes(10)),
                log)
            .reconcile(List.of(acme));
    ObjectNode report =
        report("register", "gateways", registered.toReport(organization, "u", Wording.PLAIN));
    assertTrue(report.at("/providers/0/resources").size() > 1, report.toString());
    ReportSchemas.assertValid("register", report);
    ReportSchemas.assertValid(
        "verify",
        report("verify", "gateways", new Verifier(gateways, log).verify(List.of(acme)).toReport()));
    ReportSchemas.assertValid(
        "unregister",
        report(
            "unregister",
            "gateways",
            new Unregisterer(gateways, log)
                .unregister(List.of(acme), false)
                .toReport(Wording.PLAIN)));
  }

  @Test
  void theHeaderNamesTheSchemaThePluginTheGoalTheTargetAndTheTimeAndTheSchemasAreStrict()
      throws IOException {
    ObjectNode report =
        new ReportHeader(
                "register",
                "providers",
                "Org",
                "http://x",
                Instant.parse("2026-01-02T03:04:05.678901Z"))
            .wrap(
                new RegisterResult(false, List.of(), 0)
                    .toReport("ignored", "ignored", Wording.PLAIN));

    assertEquals(ReportHeader.SCHEMA_VERSION, report.get("schemaVersion").asInt());
    assertEquals(ReportHeader.pluginVersion(), report.get("pluginVersion").asText());
    assertFalse(report.get("pluginVersion").asText().contains("$"));
    assertEquals("register", report.get("goal").asText());
    assertEquals("providers", report.get("target").asText());
    assertEquals("2026-01-02T03:04:05.678Z", report.get("generatedAt").asText());
    assertEquals("Org", report.get("organization").asText(), "the header's fields win");
    ReportSchemas.assertValid("register", report);

    report.put("surprise", true);
    assertFalse(
        ReportSchemas.schema("register").validate(report).isEmpty(), "an unknown field is refused");
    report.remove("surprise");
    report.put("goal", "verify");
    assertFalse(
        ReportSchemas.schema("register").validate(report).isEmpty(),
        "another goal's report is refused");
  }
}
