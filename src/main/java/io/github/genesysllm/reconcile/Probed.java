package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Problem;

/** What a {@link Probe} found for one provider, as verify reports it. Never holds a secret. */
public interface Probed {

  boolean ok();

  /** One line for the verify table: {@code STATUS: what was found and how to fix it}. */
  String describe();

  /** The report's {@code probe} entry. */
  ObjectNode toJson();

  /**
   * What failed, where and how to fix it, for the edge to word; null when it is {@link #ok()}, or
   * when the target tells a failure by {@link #describe()} alone.
   */
  default Problem problem() {
    return null;
  }
}
