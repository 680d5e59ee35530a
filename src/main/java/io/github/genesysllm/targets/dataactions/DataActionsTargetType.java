package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.RequiredScopes;
import io.github.genesysllm.client.RequiredScopes.Scope;
import io.github.genesysllm.config.ConfigHint;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.reconcile.Target;
import io.github.genesysllm.reconcile.TargetType;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dataActions} target as the registry knows it: Genesys Cloud's published integrations
 * API, scope {@code integrations} to change anything or to run the platform-side test of an action,
 * {@code integrations:readonly} enough to read; and what of a configuration it cannot honour
 * ({@link DataActionsPreflight}).
 */
public final class DataActionsTargetType implements TargetType {

  public static final String NAME = "dataActions";

  private static final Scope READ =
      new Scope(
          "integrations:readonly",
          "Integrations > Integration > View and Integrations > Action > View",
          List.of("integrations"));
  private static final Scope WRITE =
      new Scope(
          "integrations",
          "Integrations > Integration > Add, Edit, View, Delete and Integrations > Action > Add,"
              + " Edit, View, Delete, Execute");

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Reading needs {@code integrations:readonly} or {@code integrations} (which grants everything);
   * changing anything, or testing an action, needs {@code integrations}.
   */
  @Override
  public RequiredScopes scopes(Access access) {
    return new RequiredScopes(access == Access.READ ? List.of(READ) : List.of(WRITE));
  }

  @Override
  public List<Problem> problems(List<DesiredProvider> desired) {
    List<Problem> problems = new ArrayList<>();
    for (DesiredProvider provider : desired) {
      for (FieldViolation v : DataActionsPreflight.check(provider.settings())) {
        problems.add(
            Problem.at(
                provider.origin(),
                "provider '" + provider.name() + "', " + v.field() + ": " + v.message(),
                Fix.of(ConfigHint.FOLLOW_FIELD_RULE)));
      }
    }
    return problems;
  }

  @Override
  public Target<?> open(GenesysClient client, BuildLog log) {
    return DataActionsTarget.on(client, log);
  }
}
