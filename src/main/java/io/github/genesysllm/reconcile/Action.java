package io.github.genesysllm.reconcile;

/** What was done to a configured provider (or, in a dry run, what would be). */
public enum Action {
  CREATED,
  UPDATED,
  UNCHANGED,
  /**
   * A create found the provider already there (its name was taken meanwhile, or a create of unknown
   * outcome was settled by finding it) and took it over as configured.
   */
  ADOPTED,
  WOULD_CREATE,
  WOULD_UPDATE,
  FAILED
}
