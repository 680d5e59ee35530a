package io.github.genesysllm.targets.providers;

import io.github.genesysllm.problem.HintKey;

/** The fixes the {@code providers} target suggests, one per kind of problem it reports. */
public enum ProvidersHint implements HintKey {
  /**
   * The server pointed at a provider of another name: rename it in the organization if it is this
   * one, else choose another configured name.
   */
  RENAME_OR_CHOOSE_ANOTHER_NAME
}
