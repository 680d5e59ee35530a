package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a {@link Probe} found for one provider, as verify reports it. Never holds a secret. */
public interface Probed {

  boolean ok();

  /** One line for the verify table: {@code STATUS: what was found and how to fix it}. */
  String describe();

  /** The report's {@code probe} entry. */
  ObjectNode toJson();
}
