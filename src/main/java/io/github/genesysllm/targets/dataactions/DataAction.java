package io.github.genesysllm.targets.dataactions;

import java.util.Objects;

/**
 * A data action as the server holds it, read in full (contract, configuration and templates):
 * published, or a draft. {@code version} is the one an update or a publish must send.
 */
public record DataAction(
    String id, String integrationId, long version, boolean secure, ActionDefinition definition) {

  public DataAction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(definition, "definition");
  }

  public String name() {
    return definition.name();
  }

  /** What identifies it, as a listing or a write's answer shows it. */
  public ActionSummary summary() {
    return new ActionSummary(id, definition.name(), integrationId, definition.category(), version);
  }
}
