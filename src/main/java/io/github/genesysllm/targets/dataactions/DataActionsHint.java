package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.problem.HintKey;

/** The kinds of fix a refusal of the data-actions API suggests ({@link DataActionsHints}). */
enum DataActionsHint implements HintKey {
  /** A 400: the request built from the provider's configuration breaks the target's rules. */
  CHECK_PROVIDER_CONFIGURATION,
  /** A 403: the OAuth client's role lacks a permission, or the client a scope. */
  GRANT_PERMISSIONS,
  /** A 409: changed meanwhile or still in use; a new run reads it again. */
  RUN_AGAIN,
  /** A 404: deleted meanwhile, or not visible yet after its creation; a later run sees it. */
  RUN_AGAIN_LATER
}
