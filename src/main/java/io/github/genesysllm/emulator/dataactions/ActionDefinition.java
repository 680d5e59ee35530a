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

  /** This definition with the fields {@code update} gives (not null), one version on. */
  ActionDefinition updatedBy(ActionInput.Update update) {
    return new ActionDefinition(
        update.name() != null ? update.name() : name,
        update.category() != null ? update.category() : category,
        update.secure() != null ? update.secure() : secure,
        version + 1,
        update.config() != null ? update.config() : config,
        update.contract() != null ? update.contract() : contract);
  }

  JsonNode inputSchema() {
    return contract.path("input").path("inputSchema");
  }

  JsonNode successSchema() {
    return contract.path("output").path("successSchema");
  }
}
