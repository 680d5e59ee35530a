package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.RequiredScopes;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.DesiredProvider;
import java.util.List;

/**
 * A target as a registry knows it before connecting: the name a build chooses it by, the OAuth
 * scopes each kind of work on it needs (checked before any change), and how to open it on a client.
 */
public interface TargetType {

  /** What a goal does with the target, which decides the scopes it needs. */
  enum Access {
    /** Reading only: verify, export, a dry run. */
    READ,
    /** Reading, and checking each provider's model end to end (verify with its probe). */
    PROBE,
    /** Creating, changing or deleting: register, unregister. */
    WRITE
  }

  /** The name a build chooses it by ({@code providers}). */
  String name();

  /** The scopes a token needs for {@code access}. */
  RequiredScopes scopes(Access access);

  /**
   * What in a checked configuration this target cannot honour (a value beyond its API's limits, a
   * name too long once the target derives its resources' names from it), each at the provider's
   * origin and naming it; empty when it can honour it all. Asked before any request.
   */
  default List<Problem> problems(List<DesiredProvider> desired) {
    return List.of();
  }

  /** The target, talking through {@code client}; the caller closes the client. */
  Target<?> open(GenesysClient client, BuildLog log);
}
