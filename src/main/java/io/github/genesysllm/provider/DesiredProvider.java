package io.github.genesysllm.provider;

import io.github.genesysllm.secret.Secret;

/**
 * A provider as the build's configuration wants it: its settings (defaults applied, already checked
 * against {@link ProviderRules}), its API key, and where it was configured ({@code the POM} or
 * {@code providers.yaml:12}) for messages.
 */
public record DesiredProvider(ProviderSettings settings, Secret apiKey, String origin) {

  public String name() {
    return settings.name();
  }
}
