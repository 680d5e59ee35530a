package io.github.genesysllm.config;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ProviderRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads the providers the build wants, from the build file's providers and from the {@code
 * configFile}, checks them against the contract ({@link ProviderRules}) and against each other, and
 * resolves their API keys. It reports every problem of every provider at once, with no key in any,
 * and returns nothing unless all is well.
 *
 * <p>The file is YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}): an object whose only
 * field is {@code providers}, a list of providers with the build file's fields plus {@code apiKey}
 * ({@link ConfigFileEntries}). Its string values may hold placeholders (see {@link Placeholders}
 * and {@link ConfiguredValues}). The build file's values are not resolved again, as the build tool
 * did: a placeholder it left is refused.
 */
public final class ConfigurationLoader {

  private final ProviderCheck check;

  /**
   * @param env the environment ({@code System::getenv} in a build)
   * @param properties the build's properties, for {@code ${name}} placeholders
   * @param servers the server credentials, for {@code apiKeyServerId}
   */
  public ConfigurationLoader(
      Function<String, String> env, Properties properties, ServerSecrets servers) {
    this.check =
        new ProviderCheck(
            new ConfiguredValues(new Placeholders(env, properties)),
            new ApiKeySources(env, servers));
  }

  /**
   * The providers the build wants, the build file's first and then the configuration file's, each
   * in the order configured.
   *
   * @param buildFileProviders the providers written in the build file; null or empty when none
   * @param configFile the YAML or JSON file, or null when there is none
   * @throws ConfigurationException listing every problem found, when there is any
   */
  public List<DesiredProvider> load(List<ProviderConfig> buildFileProviders, Path configFile)
      throws ConfigurationException {
    List<Problem> problems = new ArrayList<>();
    List<ProviderEntry> entries = new ArrayList<>();
    List<ProviderConfig> inline = buildFileProviders == null ? List.of() : buildFileProviders;
    for (int i = 0; i < inline.size(); i++) {
      entries.add(ProviderEntry.fromBuildFile(i + 1, inline.get(i)));
    }
    if (configFile != null) {
      try {
        entries.addAll(ConfigFileEntries.read(configFile, problems));
      } catch (ConfigurationException e) {
        problems.addAll(e.problems());
      }
    }
    List<String> secrets = new ArrayList<>();
    List<DesiredProvider> providers = new ArrayList<>();
    for (ProviderEntry entry : entries) {
      check.check(entry, problems, secrets).ifPresent(providers::add);
    }
    DistinctNames.check(entries, problems);
    if (entries.isEmpty() && problems.isEmpty()) {
      problems.add(
          Problem.at(
              Place.NOWHERE,
              "no providers are configured:",
              Fix.of(
                  ConfigHint.CONFIGURE_PROVIDERS,
                  "point ",
                  Setting.CONFIG_FILE,
                  " at a YAML or JSON file with a 'providers' list, or configure them in the build"
                      + " file")));
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(new KeyRedaction(secrets).apply(problems));
    }
    return providers;
  }
}
