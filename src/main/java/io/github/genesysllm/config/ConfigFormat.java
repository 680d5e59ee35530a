package io.github.genesysllm.config;

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
   * @param parameter the parameter that named the file, for the message ({@code configFile}, ...)
   */
  static ConfigFormat of(Path file, String parameter) throws ConfigurationException {
    Path fileName = file.getFileName();
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    if (name.endsWith(".json")) {
      return JSON;
    }
    throw new ConfigurationException(
        parameter
            + " '"
            + file
            + "' has an extension that is not accepted: name"
            + " it .yaml or .yml (YAML) or .json (JSON)");
  }
}
