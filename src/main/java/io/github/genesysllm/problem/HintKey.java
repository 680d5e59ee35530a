package io.github.genesysllm.problem;

/**
 * The kind of fix a {@link Fix} suggests, stable for tests and reports; each capability declares
 * its own keys as an enum implementing this.
 */
public interface HintKey {

  /** The key's name ({@code RAISE_RETRY_BUDGET}), as an enum constant names itself. */
  String name();
}
