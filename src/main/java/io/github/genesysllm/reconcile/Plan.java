package io.github.genesysllm.reconcile;

import java.util.List;

/**
 * The changes that bring the organization to the configuration, one per configured provider in
 * configuration order. {@code otherProviders} counts what the target manages in the organization
 * that the configuration does not name: it is left alone, whatever it is.
 */
public record Plan<R>(List<PlannedChange<R>> changes, int otherProviders) {

  public Plan {
    changes = List.copyOf(changes);
  }

  public long count(PlannedChange.Step step) {
    return changes.stream().filter(c -> c.step() == step).count();
  }
}
