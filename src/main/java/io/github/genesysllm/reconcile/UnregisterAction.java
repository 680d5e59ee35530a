package io.github.genesysllm.reconcile;

/** What unregistering did to a configured provider (or, in a dry run, would do). */
public enum UnregisterAction {
  DELETED,
  /** No provider of that name: nothing to delete (also when it was deleted meanwhile). */
  ABSENT,
  WOULD_DELETE,
  FAILED
}
