package io.github.genesysllm.dataactions;

import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderRules;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the organization's Web Services Data Actions integrations back as provider configuration:
 * an integration of the plugin's shape (every published action is {@link ChatAction}'s for one
 * model, named after the integration, in its category, all with one base URL and timeout) becomes a
 * provider of the integration's name; any other is skipped, with the reason. A model's name is not
 * kept by an action: it is exported as its id; {@code supportsStreaming} as false.
 */
final class DataActionsExport {

  /** What export found: providers in the organization's order, and what it skipped. */
  record Result(List<ProviderSettings> providers, List<Skipped> skipped) {}

  /** An integration that is not exported, and why. */
  record Skipped(String name, String reason) {}

  private final DataActionsApi api;

  DataActionsExport(DataActionsApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  Result export() {
    List<Integration> integrations =
        api.integrations().stream().filter(Integration::isDataActions).toList();
    Map<String, List<ActionSummary>> byIntegration = new HashMap<>();
    if (!integrations.isEmpty()) {
      for (ActionSummary action : api.actions(null)) {
        byIntegration.computeIfAbsent(action.integrationId(), k -> new ArrayList<>()).add(action);
      }
    }
    List<ProviderSettings> providers = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Integration integration : integrations) {
      List<ActionSummary> actions = byIntegration.getOrDefault(integration.id(), List.of());
      String reason = reasonToSkip(integration, actions);
      ProviderSettings provider = reason == null ? provider(integration, actions) : null;
      if (provider == null) {
        skipped.add(
            new Skipped(
                integration.name(),
                reason != null ? reason : "its actions are not all of the plugin's shape"));
      } else {
        providers.add(provider);
      }
    }
    return new Result(providers, skipped);
  }

  private static String reasonToSkip(Integration integration, List<ActionSummary> actions) {
    if (actions.isEmpty()) {
      return "it has no published data actions";
    }
    if (integration.name().isBlank()
        || integration.name().length() > ProviderRules.MAX_NAME
        || !integration.name().strip().equals(integration.name())) {
      return "its name cannot be a provider's (1 to "
          + ProviderRules.MAX_NAME
          + " characters, no white space at either end)";
    }
    if (actions.size() > ProviderRules.MAX_MODELS) {
      return "it has more than " + ProviderRules.MAX_MODELS + " actions, a provider's most models";
    }
    return null;
  }

  /** The provider the integration's actions were made from, or null when they are not uniform. */
  private ProviderSettings provider(Integration integration, List<ActionSummary> actions) {
    List<ModelSettings> models = new ArrayList<>();
    String baseUrl = null;
    Integer timeout = null;
    for (ActionSummary summary : actions) {
      DataAction action = api.action(summary.id()).orElse(null);
      ChatAction.Model model =
          action == null ? null : ChatAction.parse(integration.name(), action.definition());
      if (model == null
          || !DataActionNames.same(action.definition().category(), integration.name())
          || baseUrl != null && !baseUrl.equals(model.baseUrl())
          || timeout != null && !timeout.equals(model.timeoutSeconds())
          || models.stream().anyMatch(m -> m.id().equals(model.modelId()))) {
        return null;
      }
      baseUrl = model.baseUrl();
      timeout = model.timeoutSeconds();
      models.add(new ModelSettings(model.modelId(), model.modelId(), model.maxTokens(), false));
    }
    return new ProviderSettings(
        integration.name(),
        ProviderRules.TYPE_CUSTOM,
        baseUrl,
        ProviderRules.DEFAULT_API_VERSION,
        timeout * 1000,
        models);
  }
}
