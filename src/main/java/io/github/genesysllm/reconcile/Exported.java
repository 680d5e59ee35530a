package io.github.genesysllm.reconcile;

import io.github.genesysllm.config.ExportedProvider;
import java.util.List;

/**
 * What a target reads back from the organization as configuration: {@code providers}, each with the
 * id of what it was read from (keys are never readable), and {@code skipped}, what it passed over
 * because it cannot be written as a provider.
 */
public record Exported(List<ExportedProvider> providers, List<Skipped> skipped) {

  public Exported {
    providers = List.copyOf(providers);
    skipped = List.copyOf(skipped);
  }

  /** Something of the organization that is not exported: its name, and why. */
  public record Skipped(String name, String reason) {}
}
