package io.github.genesysllm.targets.providers;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.OutcomeUnknownException;
import io.github.genesysllm.config.ExportedProvider;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.probe.ModelProbe;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Ambiguity;
import io.github.genesysllm.reconcile.Difference;
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
import io.github.genesysllm.reconcile.UnregisterAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code providers} target: each configured provider is one resource of Genesys Cloud's custom
 * LLM provider API ({@code llm-providers-api.md}), matched by name. One listing observes the whole
 * configuration; a create or update is one POST or PUT ({@link ProviderChange} settles its races);
 * a deletion is one DELETE; the probe asks the provider's own endpoint for its models; export reads
 * the listing back.
 */
public final class ProvidersTarget implements Target<Provider> {

  private final ProvidersApi api;
  private final BuildLog log;

  public ProvidersTarget(ProvidersApi api, BuildLog log) {
    this.api = Objects.requireNonNull(api, "api");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * One listing: each configured provider is the listed provider of its name by the name rule
   * ({@link ProviderName}); when several listed providers match one configured name, none of them
   * is proven to be it, and the provider is ambiguous. Every listed provider that no configured
   * name matches counts as another provider.
   */
  @Override
  public Observation<Provider> observe(List<DesiredProvider> desired) {
    Set<String> configured = new HashSet<>();
    desired.forEach(d -> configured.add(ProviderName.key(d.name())));
    Map<String, List<Provider>> listed = new LinkedHashMap<>();
    int others = 0;
    for (Provider provider : api.listAll()) {
      String key = ProviderName.key(provider.name());
      listed.computeIfAbsent(key, k -> new ArrayList<>()).add(provider);
      if (!configured.contains(key)) {
        others++;
      }
    }
    List<Observed<Provider>> matches = new ArrayList<>();
    List<Ambiguity> ambiguities = new ArrayList<>();
    for (DesiredProvider provider : desired) {
      List<Provider> found = listed.getOrDefault(ProviderName.key(provider.name()), List.of());
      matches.add(found.size() == 1 ? observed(found.get(0)) : null);
      ambiguities.add(
          found.size() > 1
              ? new Ambiguity(
                  "providers",
                  found.stream().map(p -> new Ambiguity.Candidate(p.name(), p.id())).toList())
              : null);
    }
    return new Observation<>(matches, ambiguities, others);
  }

  @Override
  public Fields fields(DesiredProvider desired) {
    return fields(desired.settings());
  }

  @Override
  public ProviderOutcome apply(
      PlannedChange<Provider> change, ReconcileOptions options, Consumer<String> notes) {
    return new ProviderChange(this, api, change, options.rotateApiKeys(), notes).run();
  }

  /**
   * Deletes the provider by the id the listing gave for its name. A 404 means it was deleted
   * meanwhile; a deletion whose answer was lost (no answer, or a 5xx) is settled by reading the
   * provider back, never by deleting again.
   */
  @Override
  public ProviderRemoval remove(DesiredProvider desired, Observed<Provider> current) {
    String id = current.resource().id();
    try {
      api.delete(id);
      return removal(desired, current, UnregisterAction.DELETED, null);
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return removal(desired, current, UnregisterAction.ABSENT, "it was deleted meanwhile");
      }
      if (mayHaveBeenApplied(e) && isGone(id)) {
        return removal(
            desired,
            current,
            UnregisterAction.DELETED,
            "its answer was lost, but reading it back shows it is gone");
      }
      throw e;
    }
  }

  private static ProviderRemoval removal(
      DesiredProvider desired, Observed<Provider> current, UnregisterAction action, String note) {
    return ProviderRemoval.of(desired.name(), action, current.footprint(), note, null);
  }

  /** A failure with no answer, or a server fault: the deletion may have gone through. */
  private static boolean mayHaveBeenApplied(GenesysApiException e) {
    return e instanceof OutcomeUnknownException || e.status() == 0 || e.status() >= 500;
  }

  /**
   * Whether reading the provider back answers 404; false when it is there or cannot be read either.
   */
  private boolean isGone(String id) {
    try {
      api.get(id);
      return false;
    } catch (GenesysApiException e) {
      return e.status() == 404;
    }
  }

  /**
   * Asks each provider's model endpoint ({@code GET <baseUrl>/models}) with its configured key: the
   * build machine must reach the models.
   */
  @Override
  public Probe<Provider> openProbe(ProbeSettings settings) {
    ModelProbe probe =
        settings.sslContext() == null
            ? new ModelProbe(settings.timeout(), settings.proxies())
            : new ModelProbe(settings.timeout(), settings.proxies(), settings.sslContext());
    return new Probe<>() {
      @Override
      public Probed probe(DesiredProvider desired, Observed<Provider> current) {
        log.debug("Probing " + desired.settings().baseUrl() + "/models for " + desired.name());
        return probe.probe(desired);
      }

      @Override
      public void close() {
        probe.close();
      }
    };
  }

  /** Every provider of the organization, in creation order; nothing is skipped. */
  @Override
  public Exported export() {
    return new Exported(
        api.listAll().stream().map(p -> new ExportedProvider(p.id(), p.settings())).toList(),
        List.of());
  }

  /**
   * The contract's writable fields but the key, in its order: {@code name}, {@code providerType},
   * {@code baseUrl}, {@code apiVersion}, {@code timeout}, then one group per model, {@code
   * models[<id>]} (ids are compared exactly), of its {@code name}, {@code maxTokens} and {@code
   * supportsStreaming}: the models are a set keyed by id, their order on either side does not
   * matter.
   */
  static Fields fields(ProviderSettings settings) {
    Fields.Builder fields =
        Fields.builder()
            .value("name", settings.name())
            .value("providerType", settings.providerType())
            .value("baseUrl", settings.baseUrl())
            .value("apiVersion", settings.apiVersion())
            .value("timeout", settings.timeout());
    for (ModelSettings model : settings.models()) {
      fields.group(
          "models[" + model.id() + "]",
          Fields.builder()
              .value("name", model.name())
              .value("maxTokens", model.maxTokens())
              .value("supportsStreaming", model.supportsStreaming())
              .build());
    }
    return fields.build();
  }

  /** Its id, selfUri and version: a provider is one resource. */
  static Footprint footprint(Provider provider) {
    return new Footprint(provider.id(), provider.selfUri(), provider.version(), Map.of());
  }

  /**
   * A provider as the core sees it: its fields, its id, selfUri and version, and a defect when it
   * has no key stored ({@code apiKeyConfigured}, which register does not change unless keys are
   * rotated).
   */
  static Observed<Provider> observed(Provider provider) {
    return new Observed<>(
        provider,
        footprint(provider),
        fields(provider.settings()),
        provider.apiKeyConfigured()
            ? List.of()
            : List.of(new Difference("apiKeyConfigured", "true", "false")));
  }
}
