package io.github.genesysllm.reconcile;

/**
 * A change a target refuses to make, with a message written for the user (what was found, why
 * nothing was written, how to fix it): reported as it is, as a server's refusal is, where any other
 * exception is reported with its class.
 */
public class RefusedChangeException extends RuntimeException {

  public RefusedChangeException(String message) {
    super(message, null, false, false);
  }
}
