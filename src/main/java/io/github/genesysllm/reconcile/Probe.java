package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.DesiredProvider;

/**
 * Checks one provider's model end to end, as a target can (asking the endpoint from the build
 * machine, or having Genesys Cloud call it). Thread-safe; opened by {@link Target#openProbe}.
 */
public interface Probe<R> extends AutoCloseable {

  /**
   * Checks {@code desired}, which exists as {@code current}; never throws for what the model's side
   * does: every outcome is a {@link Probed}.
   */
  Probed probe(DesiredProvider desired, Observed<R> current);

  @Override
  void close();
}
