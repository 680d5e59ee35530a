package io.github.genesysllm.targets.dataactions;

import java.util.Objects;

/** A published data action as a listing shows it. */
public record ActionSummary(
    String id, String name, String integrationId, String category, long version) {

  public ActionSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(integrationId, "integrationId");
  }
}
