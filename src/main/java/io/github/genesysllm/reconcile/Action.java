package io.github.genesysllm.reconcile;

/** What was done to a configured provider (or, in a dry run, what would be). */
public enum Action {
  CREATED,
  UPDATED,
  UNCHANGED,
  WOULD_CREATE,
  WOULD_UPDATE,
  FAILED
}
