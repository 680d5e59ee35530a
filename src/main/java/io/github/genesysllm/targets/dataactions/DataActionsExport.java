package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.config.ExportedProvider;
import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderJson;
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
  record Result(List<ExportedProvider> providers, List<Skipped> skipped) {}

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
    List<ExportedProvider> providers = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Integration integration : integrations) {
      List<ActionSummary> actions = byIntegration.getOrDefault(integration.id(), List.of());
      Read read = read(integration, actions);
      if (read.reason() != null) {
        skipped.add(new Skipped(integration.name(), read.reason()));
      } else {
        providers.add(new ExportedProvider(integration.id(), read.provider()));
      }
    }
    return new Result(providers, skipped);
  }

  /** A provider read back, or why there is none. */
  private record Read(ProviderSettings provider, String reason) {

    static Read skip(String reason) {
      return new Read(null, reason);
    }
  }

  private Read read(Integration integration, List<ActionSummary> actions) {
    if (actions.isEmpty()) {
      return Read.skip("it has no published data actions");
    }
    if (actions.size() > ProviderRules.MAX_MODELS) {
      return Read.skip(
          "it has more than " + ProviderRules.MAX_MODELS + " actions, a provider's most models");
    }
    List<ModelSettings> models = new ArrayList<>();
    ChatAction.Model first = null;
    for (ActionSummary summary : actions) {
      DataAction action = api.action(summary.id()).orElse(null);
      if (action == null) {
        return Read.skip("action '" + summary.name() + "' vanished while it was read");
      }
      ChatAction.Model model = ChatAction.parse(integration.name(), action.definition());
      if (model == null) {
        return Read.skip(
            "action '"
                + summary.name()
                + "' is not the plugin's chat-completion action for a model (its name, URL,"
                + " templates, translation or contract differ)");
      }
      if (!DataActionNames.same(action.definition().category(), integration.name())) {
        return Read.skip("action '" + summary.name() + "' is not in the integration's category");
      }
      if (first != null
          && (!first.baseUrl().equals(model.baseUrl())
              || first.timeoutSeconds() != model.timeoutSeconds())) {
        return Read.skip("its actions differ in base URL or timeout, which a provider shares");
      }
      first = first == null ? model : first;
      models.add(new ModelSettings(model.modelId(), model.modelId(), model.maxTokens(), false));
    }
    ProviderSettings provider =
        new ProviderSettings(
            integration.name(),
            ProviderRules.TYPE_CUSTOM,
            first.baseUrl(),
            ProviderRules.DEFAULT_API_VERSION,
            first.timeoutSeconds() * 1000,
            models);
    List<FieldViolation> violations =
        ProviderRules.validate(
            ProviderJson.toRequestBody(provider, null, null),
            ProviderRules.Operation.CONFIGURATION);
    if (!violations.isEmpty()) {
      FieldViolation v = violations.get(0);
      return Read.skip("as a provider, its " + v.field() + " " + v.message());
    }
    return new Read(provider, null);
  }
}
