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

  /**
   * For the build log, one line per provider: the variable, padded to the longest, then the
   * provider's name in parentheses ({@code ALPHA_API_KEY (Alpha)}).
   */
  public List<String> variableLines() {
    int width = apiKeyVariables.stream().mapToInt(v -> v.variable().length()).max().orElse(0);
    return apiKeyVariables.stream()
        .map(
            v ->
                v.variable()
                    + " ".repeat(width - v.variable().length())
                    + "  ("
                    + v.providerName()
                    + ")")
        .toList();
  }

  /** The environment variable that must hold the API key of provider {@code providerName}. */
  public record ApiKeyVariable(String providerName, String variable) {}
}
