package io.github.genesysllm.config;

import io.github.genesysllm.provider.ProviderSettings;
import java.util.Objects;

/**
 * A provider as a target reads it back from the organization for {@link ConfigExporter}: its
 * settings, and the id of what it was read from (for messages that must tell two apart).
 */
public record ExportedProvider(String id, ProviderSettings settings) {

  public ExportedProvider {
    Objects.requireNonNull(settings, "settings");
  }

  public String name() {
    return settings.name();
  }
}
