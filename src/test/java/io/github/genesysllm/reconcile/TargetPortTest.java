package io.github.genesysllm.reconcile;

import static io.github.genesysllm.reconcile.Fixtures.desired;
import static io.github.genesysllm.reconcile.Fixtures.settings;
import static io.github.genesysllm.reconcile.Fixtures.withModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.config.ProviderSlug;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The core through a target whose provider is several resources (a credential and one action per
 * model, as the data actions target makes them): plans, outcomes, verification, removal, reports
 * and published ids work without the core knowing any of them.
 */
class TargetPortTest {

  private static final ReconcileOptions OPTIONS =
      ReconcileOptions.defaults().withProgressInterval(Duration.ofMinutes(10));

  private final Gateways gateways = new Gateways();
  private final RecordingLog log = new RecordingLog();

  /** What exists for one provider: its credential and its actions by model id. */
  record Gateway(String credentialId, Map<String, ModelAction> actions) {}

  record ModelAction(String id, String url, int maxTokens) {}

  /** An organization of credentials and actions, and the target that makes them of providers. */
  static final class Gateways implements Target<Gateway> {
    final Map<String, Gateway> byName = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public Observation<Gateway> observe(List<DesiredProvider> desired) {
      List<Observed<Gateway>> matches = new ArrayList<>();
      for (DesiredProvider provider : desired) {
        Gateway gateway = byName.get(ProviderName.key(provider.name()));
        matches.add(gateway == null ? null : observed(gateway));
      }
      return new Observation<>(matches, 0);
    }

    @Override
    public Fields fields(DesiredProvider desired) {
      Fields.Builder fields = Fields.builder().value("credential", "present");
      for (ModelSettings model : desired.settings().models()) {
        fields.group(
            "actions[" + model.id() + "]",
            action(desired.settings().baseUrl() + "/chat/completions", model.maxTokens()));
      }
      return fields.build();
    }

    private static Fields action(String url, int maxTokens) {
      return Fields.builder().value("url", url).value("maxTokens", maxTokens).build();
    }

    private static Observed<Gateway> observed(Gateway gateway) {
      Fields.Builder fields = Fields.builder().value("credential", "present");
      Map<String, String> ids = new LinkedHashMap<>();
      ids.put("credentialId", gateway.credentialId());
      gateway
          .actions()
          .forEach(
              (model, action) -> {
                fields.group("actions[" + model + "]", action(action.url(), action.maxTokens()));
                ids.put("actions." + ProviderSlug.of(model) + ".id", action.id());
              });
      return new Observed<>(
          gateway, new Footprint(null, null, null, ids), fields.build(), List.of());
    }

    @Override
    public synchronized ProviderOutcome apply(
        PlannedChange<Gateway> change, ReconcileOptions options, Consumer<String> notes) {
      DesiredProvider desired = change.desired();
      Gateway current = change.current() == null ? null : change.current().resource();
      String credentialId =
          current == null ? write("credential " + desired.name()) : current.credentialId();
      Map<String, ModelAction> actions = new LinkedHashMap<>();
      for (ModelSettings model : desired.settings().models()) {
        ModelAction had = current == null ? null : current.actions().get(model.id());
        String url = desired.settings().baseUrl() + "/chat/completions";
        if (had != null && had.url().equals(url) && had.maxTokens() == model.maxTokens()) {
          actions.put(model.id(), had);
        } else {
          String id = had == null ? write("action " + model.id()) : had.id();
          if (had != null) {
            writes.add("update " + id);
          }
          actions.put(model.id(), new ModelAction(id, url, model.maxTokens()));
        }
      }
      Gateway now = new Gateway(credentialId, actions);
      byName.put(ProviderName.key(desired.name()), now);
      notes.accept("made " + actions.size() + " actions");
      return ProviderOutcome.of(
          desired.name(),
          current == null ? Action.CREATED : Action.UPDATED,
          observed(now).footprint(),
          change.changes());
    }

    private String write(String what) {
      writes.add("create " + what);
      return "id-" + ids.incrementAndGet();
    }

    @Override
    public ProviderRemoval remove(DesiredProvider desired, Observed<Gateway> current) {
      byName.remove(ProviderName.key(desired.name()));
      current.resource().actions().values().forEach(a -> writes.add("delete " + a.id()));
      writes.add("delete " + current.resource().credentialId());
      return ProviderRemoval.of(
          desired.name(), UnregisterAction.DELETED, current.footprint(), null, null);
    }

    @Override
    public Probe<Gateway> openProbe(ProbeSettings settings) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Exported export() {
      return new Exported(List.of(), List.of());
    }
  }

  private RegisterResult register(DesiredProvider... desired) {
    return new Reconciler(gateways, OPTIONS, log).reconcile(List.of(desired));
  }

  @Test
  void aProviderOfSeveralResourcesIsCreatedOnceAndItsIdsReachTheReportAndTheProperties() {
    RegisterResult first = register(desired("Acme"));
    ProviderOutcome created = first.providers().get(0);

    assertEquals(Action.CREATED, created.action());
    assertNull(created.id(), "this target has no main resource");
    assertEquals(
        List.of("credentialId", "actions.private-model-v1.id", "actions.private-model-v2.id"),
        List.copyOf(created.resourceIds().keySet()));
    JsonNode entry = first.toReport("Org", "http://localhost", Wording.PLAIN).at("/providers/0");
    assertFalse(entry.has("id"));
    assertEquals(
        created.resourceIds().get("credentialId"), entry.at("/resources/credentialId").asText());
    assertEquals(
        Map.of(
            "acme.credentialId", "id-1",
            "acme.actions.private-model-v1.id", "id-2",
            "acme.actions.private-model-v2.id", "id-3"),
        PublishedIds.of(first).ids());
    assertTrue(log.lines().contains("INFO Acme: made 2 actions"), log.lines().toString());

    RegisterResult second = register(desired("Acme"));
    assertEquals(Action.UNCHANGED, second.providers().get(0).action());
    assertEquals(created.resourceIds(), second.providers().get(0).resourceIds());
    assertEquals(3, gateways.writes.size(), "the second run only read: " + gateways.writes);
  }

  @Test
  void aChangedModelIsOneDifferenceOfItsGroupAndAnUnconfiguredActionIsDrift() {
    register(desired("Acme"));
    List<ModelSettings> models = new ArrayList<>(settings("Acme").models());
    models.set(0, new ModelSettings("private-model-v1", "Private Model v1", 1024, true));
    DesiredProvider changed = desired(withModels(settings("Acme"), models));

    RegisterResult preview =
        new Reconciler(gateways, OPTIONS.withDryRun(true), log).reconcile(List.of(changed));
    assertEquals(
        List.of(new Difference("actions[private-model-v1].maxTokens", "1024", "8192")),
        preview.providers().get(0).changes());

    DesiredProvider oneModel = desired(withModels(settings("Acme"), models.subList(0, 1)));
    VerifyResult verified = new Verifier(gateways, log).verify(List.of(oneModel));
    ProviderVerification drift = verified.providers().get(0);
    assertEquals(VerifyStatus.DRIFTED, drift.status());
    assertEquals(
        List.of("actions[private-model-v1].maxTokens", "actions[private-model-v2]"),
        drift.differences().stream().map(Difference::field).toList());
    assertEquals(Difference.ABSENT, drift.differences().get(1).expected());
    assertEquals("id-1", verified.toReport().at("/providers/0/resources/credentialId").asText());
  }

  @Test
  void unregisteringRemovesEveryResourceAndReportsTheirIds() {
    register(desired("Acme"));

    UnregisterResult result =
        new Unregisterer(gateways, log).unregister(List.of(desired("Acme")), false);

    assertEquals(UnregisterAction.DELETED, result.providers().get(0).action());
    assertEquals(
        "id-3",
        result
            .toReport(Wording.PLAIN)
            .at("/providers/0/resources/actions.private-model-v2.id")
            .asText());
    assertEquals(
        List.of("delete id-2", "delete id-3", "delete id-1"),
        gateways.writes.subList(3, gateways.writes.size()));
    assertTrue(gateways.byName.isEmpty());
  }
}
