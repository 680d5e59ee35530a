package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.problem.HintKey;

/**
 * The kinds of fix the dataActions target suggests: for a refusal of the data-actions API ({@link
 * DataActionsHints}), and for what a provider's provisioning finds.
 */
enum DataActionsHint implements HintKey {
  /** An action's contract must change, which recreates it under a new id: allow that explicitly. */
  ALLOW_RECREATE,
  /** The server does not page as Genesys Cloud does: check the API URL. */
  CHECK_API_URL,
  /** Something in Genesys Cloud is not as the platform says it should be: look at it there. */
  CHECK_IN_GENESYS_CLOUD,
  /** An integration reports ERROR: check its credential and configuration. */
  CHECK_INTEGRATION,
  /** A platform-side test failed: the model's URL must be reachable from Genesys Cloud. */
  CHECK_MODEL_REACHABLE,
  /** A 400: the request built from the provider's configuration breaks the target's rules. */
  CHECK_PROVIDER_CONFIGURATION,
  /** A 403: the OAuth client's role lacks a permission, or the client a scope. */
  GRANT_PERMISSIONS,
  /** Several integrations have the provider's name, one not the plugin's: keep one. */
  KEEP_ONE_INTEGRATION,
  /** An integration of another type has the provider's name: rename one of them. */
  RENAME_PROVIDER_OR_INTEGRATION,
  /** A 409: changed meanwhile or still in use; a new run reads it again. */
  RUN_AGAIN,
  /** A 404: deleted meanwhile, or not visible yet after its creation; a later run sees it. */
  RUN_AGAIN_LATER,
  /** The platform did not show what was written within the budget: wait, or raise the budget. */
  WAIT_FOR_THE_PLATFORM
}
