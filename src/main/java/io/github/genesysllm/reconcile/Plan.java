package io.github.genesysllm.reconcile;

import java.util.List;

/**
 * The changes that bring the organization to the configuration, one per configured provider in
 * configuration order. {@code otherProviders} counts the organization's providers that the
 * configuration does not name: they are left alone, whatever they are.
 */
public record Plan(List<PlannedChange> changes, int otherProviders) {

  public Plan {
    changes = List.copyOf(changes);
  }

  public long count(PlannedChange.Step step) {
    return changes.stream().filter(c -> c.step() == step).count();
  }
}
