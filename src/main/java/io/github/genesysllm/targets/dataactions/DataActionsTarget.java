package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.Exported;
import io.github.genesysllm.reconcile.Fields;
import io.github.genesysllm.reconcile.Footprint;
import io.github.genesysllm.reconcile.Observation;
import io.github.genesysllm.reconcile.Observed;
import io.github.genesysllm.reconcile.PlannedChange;
import io.github.genesysllm.reconcile.Probe;
import io.github.genesysllm.reconcile.ProbeSettings;
import io.github.genesysllm.reconcile.Probed;
import io.github.genesysllm.reconcile.ProviderOutcome;
import io.github.genesysllm.reconcile.ProviderRemoval;
import io.github.genesysllm.reconcile.ReconcileOptions;
import io.github.genesysllm.reconcile.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The {@code dataActions} target: each configured provider is a {@code userDefined} credential
 * holding its key, a Web Services Data Actions integration of its name mapping that credential,
 * enabled, and one published data action per model ({@link ChatAction}), all through Genesys
 * Cloud's published integrations API ({@code data-actions-api.md}). One look observes the whole
 * configuration ({@link DataActionsObserver}); a change settles its races by reading back ({@link
 * ProviderProvisioning}); the probe has Genesys Cloud call the models ({@link PlatformProbe}).
 */
public final class DataActionsTarget implements Target<ProviderState> {

  private final DataActionsApi api;
  private final Settling settling;
  private final LongSupplier nanoClock;
  private final BuildLog log;

  DataActionsTarget(DataActionsApi api, Settling settling, LongSupplier nanoClock, BuildLog log) {
    this.api = Objects.requireNonNull(api, "api");
    this.settling = Objects.requireNonNull(settling, "settling");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** The target talking through {@code client}, waiting out of its retry budget. */
  static DataActionsTarget on(GenesysClient client, BuildLog log) {
    DataActionsApi api = new DataActionsClient(client);
    return new DataActionsTarget(
        api,
        new Settling(api, Settling.patienceOf(client)),
        client.options().timeSource()::nanoTime,
        log);
  }

  @Override
  public Observation<ProviderState> observe(List<DesiredProvider> desired) {
    List<ProviderSettings> settings = desired.stream().map(DesiredProvider::settings).toList();
    DataActionsObserver.Seen seen = new DataActionsObserver(api, settling).observe(settings);
    List<Observed<ProviderState>> matches = new ArrayList<>();
    for (int i = 0; i < desired.size(); i++) {
      ProviderState state = seen.states().get(i);
      matches.add(state == null ? null : observed(settings.get(i), state));
    }
    return new Observation<>(matches, seen.others());
  }

  @Override
  public Fields fields(DesiredProvider desired) {
    return DataActionsComparison.fields(desired.settings());
  }

  @Override
  public ProviderOutcome apply(
      PlannedChange<ProviderState> change, ReconcileOptions options, Consumer<String> notes) {
    DesiredProvider desired = change.desired();
    ProviderState current = change.current() == null ? null : change.current().resource();
    ProvisionOptions provision =
        new ProvisionOptions(change.rotateApiKey(), options.allowRecreate(), options.probe());
    ProviderProvisioning.Outcome outcome =
        new ProviderProvisioning(api, settling, desired, current, provision, notes).run();
    Footprint at = footprint(outcome.resourceIds());
    if (outcome.action() == Action.FAILED) {
      return ProviderOutcome.failed(desired.name(), at, outcome.problem());
    }
    return ProviderOutcome.of(
        desired.name(),
        outcome.action(),
        at,
        outcome.action() == Action.CREATED ? List.of() : change.changes());
  }

  @Override
  public ProviderRemoval remove(DesiredProvider desired, Observed<ProviderState> current) {
    ProviderTeardown.Removal removal =
        new ProviderTeardown(api, settling).remove(desired.settings(), current.resource());
    return ProviderRemoval.of(
        desired.name(), removal.action(), current.footprint(), removal.note(), null);
  }

  /**
   * Runs each configured model's action's {@code /test} from the platform side: the build machine
   * never reaches the models, so the probe settings' timeout, proxies and trust are not used.
   */
  @Override
  public Probe<ProviderState> openProbe(ProbeSettings settings) {
    PlatformProbe probe = new PlatformProbe(api, nanoClock);
    return new Probe<>() {
      @Override
      public Probed probe(DesiredProvider desired, Observed<ProviderState> current) {
        log.debug("Testing the data actions of " + desired.name() + " from Genesys Cloud");
        return new ProbedActions(
            desired.name(), probe.probe(desired.settings(), current.resource()));
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Exported export() {
    DataActionsExport.Result result = new DataActionsExport(api).export();
    return new Exported(
        result.providers(),
        result.skipped().stream().map(s -> new Exported.Skipped(s.name(), s.reason())).toList());
  }

  private static Observed<ProviderState> observed(ProviderSettings desired, ProviderState state) {
    return new Observed<>(
        state,
        footprint(state.resourceIds(desired)),
        DataActionsComparison.fields(desired, state),
        DataActionsComparison.defects(state));
  }

  /** The integration as the main resource, and every resource's id. */
  static Footprint footprint(Map<String, String> resourceIds) {
    String integrationId = resourceIds.get("integrationId");
    return new Footprint(
        integrationId,
        integrationId == null ? null : DataActionsClient.BASE + "/" + Rest.segment(integrationId),
        null,
        resourceIds);
  }
}
