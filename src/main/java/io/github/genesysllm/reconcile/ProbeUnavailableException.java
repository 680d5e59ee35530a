package io.github.genesysllm.reconcile;

/**
 * A probe that cannot start (a trust store that cannot be read): raised before the organization is
 * read, with the target's reason as its message.
 */
public class ProbeUnavailableException extends RuntimeException {

  public ProbeUnavailableException(RuntimeException cause) {
    super(cause.getMessage(), cause);
  }
}
