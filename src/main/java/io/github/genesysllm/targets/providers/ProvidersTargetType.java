package io.github.genesysllm.targets.providers;

import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.RequiredScopes;
import io.github.genesysllm.client.RequiredScopes.Scope;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.reconcile.Target;
import io.github.genesysllm.reconcile.TargetType;
import java.util.List;

/**
 * The {@code providers} target as the registry knows it: its scopes are the AI LLM provider API's
 * ({@code ai:llm:read}, and {@code ai:llm:write} to change; write does not imply read, and every
 * goal reads first). Its probe asks the model endpoints from the build machine, so probing needs no
 * more than reading.
 */
public final class ProvidersTargetType implements TargetType {

  public static final String NAME = "providers";

  private static final Scope READ = new Scope("ai:llm:read", "AI LLM provider view");
  private static final Scope WRITE = new Scope("ai:llm:write", "AI LLM provider edit");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RequiredScopes scopes(Access access) {
    return new RequiredScopes(access == Access.WRITE ? List.of(READ, WRITE) : List.of(READ));
  }

  @Override
  public Target<?> open(GenesysClient client, BuildLog log) {
    return new ProvidersTarget(new ProvidersClient(client), log);
  }
}
