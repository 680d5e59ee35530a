package io.github.genesysllm.reconcile;

import io.github.genesysllm.problem.HintKey;

/** The fixes the reconcile core suggests, one per kind of problem it reports. */
public enum ReconcileHint implements HintKey {
  /** No organization was confirmed for a deletion: name the one the credentials act on. */
  CONFIRM_ORGANIZATION,
  /** Another organization was confirmed: check the credentials, or confirm the one they act on. */
  CHECK_CREDENTIALS_ORGANIZATION,
  /** Two configured providers have one name by the name rule: rename or remove one. */
  RENAME_OR_REMOVE_ONE,
  /** Several things on the server match one configured name: rename or delete all but one. */
  KEEP_ONE_OF_THE_NAME,
  /** A run option is out of its range: give one inside it. */
  OPTION_IN_RANGE
}
