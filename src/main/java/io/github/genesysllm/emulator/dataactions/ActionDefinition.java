package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The content of a published action or of a draft: {@code config} as given and {@code contract} as
 * {@code {"input":{"inputSchema":…},"output":{"successSchema":…}}}, both schemas verbatim.
 * Read-only by convention: the nodes are copies nobody changes.
 */
record ActionDefinition(
    String name, String category, boolean secure, int version, JsonNode config, JsonNode contract) {

  ActionDefinition {
    config = config.deepCopy();
    contract = contract.deepCopy();
  }

  ActionDefinition withVersion(int newVersion) {
    return new ActionDefinition(name, category, secure, newVersion, config, contract);
  }

  JsonNode inputSchema() {
    return contract.path("input").path("inputSchema");
  }

  JsonNode successSchema() {
    return contract.path("output").path("successSchema");
  }
}
