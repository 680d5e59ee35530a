package io.github.genesysllm.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ConfigExporter} wrote: the file, and for each provider, in the file's order, the
 * environment variable that its {@code apiKey} placeholder names. Holds no secret: the export never
 * sees a key.
 */
public record ExportResult(Path file, List<ApiKeyVariable> apiKeyVariables) {

  public ExportResult {
    apiKeyVariables = List.copyOf(apiKeyVariables);
  }

  /** The environment variable that must hold the API key of provider {@code providerName}. */
  public record ApiKeyVariable(String providerName, String variable) {}
}
