package io.github.genesysllm.config;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The two formats of a configuration file, chosen by its name: one rule for reading and exporting.
 */
enum ConfigFormat {
  YAML,
  JSON;

  /**
   * The format of {@code file}: YAML for {@code .yaml} and {@code .yml}, JSON for {@code .json},
   * any case.
   *
   * @param setting the setting that named the file, where a problem is ({@code configFile}, ...)
   */
  static ConfigFormat of(Path file, Setting setting) throws ConfigurationException {
    Path fileName = file.getFileName();
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    if (name.endsWith(".json")) {
      return JSON;
    }
    throw new ConfigurationException(
        Problem.at(
            new Place.OfSetting(setting),
            "'" + file + "' has an extension that is not accepted:",
            Fix.of(
                ConfigHint.NAME_FILE_BY_FORMAT, "name it .yaml or .yml (YAML) or .json (JSON)")));
  }
}
