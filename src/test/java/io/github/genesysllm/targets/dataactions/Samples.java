package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.List;

/** Configurations the target's tests share. */
final class Samples {

  static final String BASE_URL = "https://llm.example.com/v1";

  private Samples() {}

  static ModelSettings model(String id, int maxTokens) {
    return new ModelSettings(id, id + " name", maxTokens, false);
  }

  static ProviderSettings provider(String name, ModelSettings... models) {
    return provider(name, BASE_URL, 30_000, models);
  }

  static ProviderSettings provider(
      String name, String baseUrl, int timeout, ModelSettings... models) {
    return new ProviderSettings(name, "CUSTOM", baseUrl, "v1", timeout, List.of(models));
  }

  static ProviderSettings acme() {
    return provider("Acme Gateway", model("gpt-4o-mini", 4096), model("llama-3/8b:q4", 8192));
  }
}
