package io.github.genesysllm.provider;

import java.util.List;

/**
 * The writable fields of a provider but its API key: what a configuration asks for and what a PUT
 * replaces. Defaults are already applied (see {@link ProviderRules}).
 */
public record ProviderSettings(
    String name,
    String providerType,
    String baseUrl,
    String apiVersion,
    int timeout,
    List<ModelSettings> models) {

  public ProviderSettings {
    models = List.copyOf(models);
  }
}
