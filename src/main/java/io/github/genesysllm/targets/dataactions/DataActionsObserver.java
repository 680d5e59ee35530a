package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One look at the organization for a whole configuration, in as few requests as the API allows: the
 * integrations listing; then, when a configured provider has an integration, the credentials
 * listing and the actions listing (each once, for all providers), each such integration's
 * configuration, and each action named after a configured model in full (its contract and templates
 * are not in the listing; one listed but answering 404 is waited for, as a new one does for a
 * while). Reads only.
 */
public final class DataActionsObserver {

  /** What was seen: a state per configured provider (null where none exists), and the others. */
  public record Seen(List<ProviderState> states, int others) {

    public Seen {
      // null entries are meaningful
      states = Collections.unmodifiableList(new ArrayList<>(states));
    }
  }

  private final DataActionsApi api;
  private final Settling settling;

  public DataActionsObserver(DataActionsApi api, Settling settling) {
    this.api = Objects.requireNonNull(api, "api");
    this.settling = Objects.requireNonNull(settling, "settling");
  }

  /**
   * What exists for each of {@code desired} (in configuration order, names distinct by the name
   * rule): its integration is the {@code custom-rest-actions} integration of its name (of several,
   * the smallest id); {@code others} counts the {@code custom-rest-actions} integrations no
   * configured provider names.
   */
  public Seen observe(List<ProviderSettings> desired) {
    List<Integration> integrations = api.integrations();
    List<Integration> matched = new ArrayList<>();
    int others = 0;
    for (Integration integration : integrations) {
      if (integration.isDataActions()
          && desired.stream()
              .noneMatch(
                  d -> DataActionNames.same(DataActionNames.integration(d), integration.name()))) {
        others++;
      }
    }
    for (ProviderSettings provider : desired) {
      matched.add(integrationOf(provider, integrations).orElse(null));
    }
    if (matched.stream().allMatch(Objects::isNull)) {
      List<ProviderState> none = new ArrayList<>();
      desired.forEach(d -> none.add(null));
      return new Seen(none, others);
    }
    List<Credential> credentials = api.credentials();
    Map<String, List<ActionSummary>> actionsByIntegration = new HashMap<>();
    for (ActionSummary action : api.actions(null)) {
      actionsByIntegration
          .computeIfAbsent(action.integrationId(), k -> new ArrayList<>())
          .add(action);
    }
    List<ProviderState> states = new ArrayList<>();
    for (int i = 0; i < desired.size(); i++) {
      Integration integration = matched.get(i);
      states.add(
          integration == null
              ? null
              : state(
                  desired.get(i),
                  integrations,
                  integration,
                  credentials,
                  actionsByIntegration.getOrDefault(integration.id(), List.of())));
    }
    return new Seen(states, others);
  }

  /**
   * The {@code custom-rest-actions} integration named after {@code provider} by the name rule, the
   * smallest id of several.
   */
  static Optional<Integration> integrationOf(ProviderSettings provider, List<Integration> all) {
    return Identities.integrations(all, DataActionNames.integration(provider)).stream().findFirst();
  }

  /** The state of one provider whose integration exists; null when it vanished meanwhile. */
  private ProviderState state(
      ProviderSettings provider,
      List<Integration> integrations,
      Integration integration,
      List<Credential> credentials,
      List<ActionSummary> listed) {
    IntegrationConfig config;
    try {
      config = api.config(integration.id());
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return null; // deleted, and still listed for a while
      }
      throw e;
    }
    Map<String, DataAction> actions = new LinkedHashMap<>();
    List<ActionSummary> extra = new ArrayList<>();
    List<ActionSummary> sorted =
        listed.stream().sorted(Comparator.comparing(ActionSummary::id)).toList();
    for (ActionSummary action : sorted) {
      ModelSettings model = modelNamed(provider, action.name());
      if (model == null || actions.containsKey(model.id())) {
        extra.add(action);
        continue;
      }
      // a new action is listed before it answers by id: not missing, so not created twice
      settling
          .readListed("data action " + action.id(), () -> api.action(action.id()))
          .ifPresent(full -> actions.put(model.id(), full));
    }
    Map<String, DataAction> ordered = new LinkedHashMap<>();
    for (ModelSettings model : provider.models()) {
      if (actions.containsKey(model.id())) {
        ordered.put(model.id(), actions.get(model.id()));
      }
    }
    String mapped = config.credentialId();
    Credential credential =
        credentials.stream().filter(c -> c.id().equals(mapped)).findFirst().orElse(null);
    List<Credential> ours =
        Identities.credentials(credentials, DataActionNames.credential(provider));
    Credential used =
        credential != null && ours.contains(credential)
            ? credential
            : ours.isEmpty() ? null : ours.get(0);
    return new ProviderState(
        integration,
        config,
        credential,
        ordered,
        extra,
        Identities.integrations(integrations, DataActionNames.integration(provider)).stream()
            .filter(i -> !i.id().equals(integration.id()))
            .toList(),
        ours.stream().filter(c -> c != used).toList());
  }

  /** The configured model whose action {@code actionName} names, by the name rule; or null. */
  static ModelSettings modelNamed(ProviderSettings provider, String actionName) {
    for (ModelSettings model : provider.models()) {
      if (DataActionNames.same(DataActionNames.action(provider, model), actionName)) {
        return model;
      }
    }
    return null;
  }
}
