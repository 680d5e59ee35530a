package io.github.genesysllm.provider;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.secret.Secret;

/**
 * A provider as the build's configuration wants it: its settings (defaults applied, already checked
 * against {@link ProviderRules}), its API key, and where it was configured (a line of the
 * configuration file, or its number among the build file's providers) for problems and CI
 * annotations.
 */
public record DesiredProvider(ProviderSettings settings, Secret apiKey, Place origin) {

  public String name() {
    return settings.name();
  }
}
