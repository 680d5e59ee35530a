package io.github.genesysllm.bench;

import io.github.genesysllm.emulator.ProviderStore;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The providers the workloads register: valid by the contract, alike but for their names, and
 * shaped like a real one (two models). The same providers come as {@link DesiredProvider}s, as a
 * YAML configuration file and as emulator seeds, so that a seeded organization needs no change.
 */
final class BenchProviders {

  private static final String BASE_URL = "https://inference.private-cloud.internal/api/v1";
  private static final List<ModelSettings> MODELS =
      List.of(
          new ModelSettings("private-model-v1", "Private Model v1", 8192, true),
          new ModelSettings(
              "private-model-v1-long", "Private Model v1 (long context)", 128_000, false));

  private BenchProviders() {}

  static String name(int index) {
    return String.format(Locale.ROOT, "Bench Gateway %04d", index);
  }

  static ProviderSettings settings(int index) {
    return new ProviderSettings(name(index), "CUSTOM", BASE_URL, "v1", 30_000, MODELS);
  }

  static Secret apiKey(int index) {
    return Secret.of(String.format(Locale.ROOT, "bench-api-key-%04d", index));
  }

  /** Providers 1 to {@code count}, as a configuration gives them. */
  static List<DesiredProvider> desired(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> new DesiredProvider(settings(i), apiKey(i), new Place.InlineProvider(i)))
        .toList();
  }

  /**
   * Creates providers 1 to {@code count} directly in the emulator's store, as an earlier run would
   * have.
   */
  static void seed(ProviderStore store, int count) {
    for (int i = 1; i <= count; i++) {
      store.create(settings(i), apiKey(i));
    }
  }

  /** Writes providers 1 to {@code count} as the plugin's YAML configuration file. */
  static Path writeYaml(Path directory, int count) throws IOException {
    StringBuilder yaml = new StringBuilder("providers:\n");
    for (int i = 1; i <= count; i++) {
      ProviderSettings s = settings(i);
      yaml.append("  - name: \"")
          .append(s.name())
          .append("\"\n")
          .append("    baseUrl: ")
          .append(s.baseUrl())
          .append('\n')
          .append("    apiKey: ")
          .append(apiKey(i).reveal())
          .append('\n')
          .append("    apiVersion: ")
          .append(s.apiVersion())
          .append('\n')
          .append("    timeout: ")
          .append(s.timeout())
          .append('\n')
          .append("    models:\n");
      for (ModelSettings m : s.models()) {
        yaml.append("      - id: ")
            .append(m.id())
            .append('\n')
            .append("        name: \"")
            .append(m.name())
            .append("\"\n")
            .append("        maxTokens: ")
            .append(m.maxTokens())
            .append('\n')
            .append("        supportsStreaming: ")
            .append(m.supportsStreaming())
            .append('\n');
      }
    }
    Path file = directory.resolve("providers-" + count + ".yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Whether the store holds providers 1 to {@code count} and nothing else (names are unique there).
   */
  static boolean storeHoldsExactly(ProviderStore store, int count) {
    return store.size() == count
        && IntStream.rangeClosed(1, count).allMatch(i -> store.findByName(name(i)).isPresent());
  }
}
