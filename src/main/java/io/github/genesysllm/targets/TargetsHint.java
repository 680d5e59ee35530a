package io.github.genesysllm.targets;

import io.github.genesysllm.problem.HintKey;

/** The fixes the registry of targets suggests. */
public enum TargetsHint implements HintKey {
  /** The build named no known target: name one of them, or none for the default. */
  NAME_A_KNOWN_TARGET
}
