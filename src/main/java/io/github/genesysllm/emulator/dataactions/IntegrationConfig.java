package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An integration's {@code config/current} (contract section 4.6); {@code properties} and {@code
 * advanced} are kept as given, {@code credentials} maps a credential key ({@code basicAuth}) to a
 * credential id.
 */
record IntegrationConfig(
    String name,
    int version,
    String notes,
    JsonNode properties,
    JsonNode advanced,
    Map<String, String> credentials) {

  IntegrationConfig {
    properties = properties.deepCopy();
    advanced = advanced.deepCopy();
    credentials = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
  }
}
