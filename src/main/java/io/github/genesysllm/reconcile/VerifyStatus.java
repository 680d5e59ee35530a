package io.github.genesysllm.reconcile;

/** How a configured provider compares with the organization's. */
public enum VerifyStatus {
  /** There, with every field as configured and a key stored. */
  MATCHES,
  /** There, but some fields differ from the configuration, or it has no key. */
  DRIFTED,
  /** No provider of that name. */
  MISSING,
  /**
   * Several providers whose names all match the configured one by the name rule: which one is the
   * configured provider cannot be told, so none is checked.
   */
  AMBIGUOUS
}
