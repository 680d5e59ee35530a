package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.config.ProviderSlug;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What exists in the organization for one configured provider: its integration (a {@code
 * custom-rest-actions} integration of the provider's name), that integration's configuration, the
 * credential the configuration maps (null when none is mapped or the mapped one is not listed), the
 * published actions named after the configured models (keyed by model id, in configuration order;
 * of several of one name, the smallest id), and the integration's other published actions: those
 * the configuration does not name, and the twins of those it names. Names are not unique: {@code
 * integrationTwins} are the other integrations of the provider's name and type, {@code
 * credentialTwins} the provider's credentials (by name and type) other than the one it uses.
 */
public record ProviderState(
    Integration integration,
    IntegrationConfig config,
    Credential credential,
    Map<String, DataAction> actions,
    List<ActionSummary> extra,
    List<Integration> integrationTwins,
    List<Credential> credentialTwins) {

  /** The key of an action's id among a provider's resource ids: {@code actions.<model slug>.id}. */
  public static String actionKey(ModelSettings model) {
    return "actions." + ProviderSlug.of(model.id()) + ".id";
  }

  /**
   * The ids of what exists, as reports and build properties show them: {@code integrationId},
   * {@code credentialId} (the provider's credential in use, when there is one) and one {@link
   * #actionKey} per configured model whose action exists.
   */
  public Map<String, String> resourceIds(ProviderSettings provider) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("integrationId", integration.id());
    if (credential != null && config.credentialId() != null) {
      ids.put("credentialId", credential.id());
    }
    for (ModelSettings model : provider.models()) {
      DataAction action = actions.get(model.id());
      if (action != null) {
        ids.put(actionKey(model), action.id());
      }
    }
    return ids;
  }

  public ProviderState {
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(config, "config");
    actions = Maps.ordered(actions);
    extra = List.copyOf(extra);
    integrationTwins = List.copyOf(integrationTwins);
    credentialTwins = List.copyOf(credentialTwins);
  }
}
