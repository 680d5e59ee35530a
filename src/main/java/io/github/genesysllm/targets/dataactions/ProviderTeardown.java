package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.UnregisterAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deletes what exists for one configured provider, in the order the API needs: its actions (a 404
 * is one already gone), then its integration, waiting until it answers 404 (a deleted one answers
 * for a while), then its credential (which may not be deleted while an integration maps it).
 */
final class ProviderTeardown {

  /** What was done, and how an absent provider came to be absent. */
  record Removal(UnregisterAction action, String note) {}

  private final DataActionsApi api;
  private final Settling settling;

  ProviderTeardown(DataActionsApi api, Settling settling) {
    this.api = Objects.requireNonNull(api, "api");
    this.settling = Objects.requireNonNull(settling, "settling");
  }

  /**
   * @throws GenesysApiException when something could not be deleted (a credential another
   *     integration still maps: 409)
   */
  Removal remove(ProviderSettings provider, ProviderState state) {
    List<String> actions = new ArrayList<>();
    state.actions().values().forEach(a -> actions.add(a.id()));
    state.extra().forEach(a -> actions.add(a.id()));
    for (String id : actions) {
      api.deleteAction(id);
    }
    String integrationId = state.integration().id();
    boolean deleted = api.deleteIntegration(integrationId);
    if (deleted) {
      settling.awaitIntegrationGone(
          integrationId, new Place.OfProvider(provider.name(), ProviderProvisioning.INTEGRATION));
    }
    String name = DataActionNames.credential(provider);
    List<String> credentials = new ArrayList<>();
    Identities.credentials(api.credentials(), name).forEach(c -> credentials.add(c.id()));
    Credential mapped = state.credential();
    if (mapped != null
        && DataActionsComparison.isOurs(mapped, name)
        && !credentials.contains(mapped.id())) {
      credentials.add(mapped.id());
    }
    for (String id : credentials) {
      api.deleteCredential(id);
    }
    return deleted
        ? new Removal(UnregisterAction.DELETED, null)
        : new Removal(UnregisterAction.ABSENT, "its integration was deleted meanwhile");
  }
}
