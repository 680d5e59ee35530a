package io.github.genesysllm.dataactions;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What exists in the organization for one configured provider: its integration (a {@code
 * custom-rest-actions} integration of the provider's name), that integration's configuration, the
 * credential the configuration maps (null when none is mapped or the mapped one is not listed), the
 * published actions named after the configured models (keyed by model id, in configuration order;
 * of several of one name, the smallest id), and the integration's other published actions: those
 * the configuration does not name, and the duplicates.
 */
public record ProviderState(
    Integration integration,
    IntegrationConfig config,
    Credential credential,
    Map<String, DataAction> actions,
    List<ActionSummary> extra) {

  public ProviderState {
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(config, "config");
    actions = Maps.ordered(actions);
    extra = List.copyOf(extra);
  }
}
