package io.github.genesysllm.targets.dataactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.Identity;
import io.github.genesysllm.client.RequiredScopes;
import io.github.genesysllm.config.ConfigHint;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.TargetType.Access;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataActionsTargetTypeTest {

  private final DataActionsTargetType type = new DataActionsTargetType();

  private static Identity with(String... scopes) {
    return new Identity("org", "Org", "client", "ci", List.of(scopes));
  }

  @Test
  void readingTakesEitherIntegrationsScopeAndChangingOrProbingTakesTheFullOne() {
    RequiredScopes read = type.scopes(Access.READ);
    assertEquals(List.of(), read.missingFrom(with("integrations:readonly")));
    assertEquals(List.of(), read.missingFrom(with("integrations")));
    assertEquals(List.of("integrations:readonly"), read.missingFrom(with("ai:llm:read")));
    for (Access change : List.of(Access.WRITE, Access.PROBE)) {
      RequiredScopes scopes = type.scopes(change);
      assertEquals(List.of(), scopes.missingFrom(with("integrations")));
      assertEquals(List.of("integrations"), scopes.missingFrom(with("integrations:readonly")));
    }
    String problem =
        type.scopes(Access.WRITE).problem(with("integrations:readonly"), "register", "x");
    assertTrue(
        problem.contains("Integrations > Action > Add, Edit, View, Delete, Execute"), problem);
  }

  @Test
  void whatTheTargetCannotHonourIsAProblemNamingWhereAndWhich() {
    DesiredProvider slow =
        new DesiredProvider(
            Samples.provider("Slow", Samples.BASE_URL, 90_000, Samples.model("m", 1)),
            Secret.of("k"),
            new Place.InFile("providers.yaml", 7));
    List<Problem> problems = type.problems(List.of(slow));
    assertEquals(1, problems.size());
    assertEquals(new Place.InFile("providers.yaml", 7), problems.get(0).where());
    assertEquals(ConfigHint.FOLLOW_FIELD_RULE, problems.get(0).hint());
    assertTrue(
        problems.get(0).what().startsWith("provider 'Slow', timeout: "), problems.get(0).what());
    assertEquals(
        List.of(),
        type.problems(
            List.of(
                new DesiredProvider(Samples.acme(), Secret.of("k"), new Place.InlineProvider(1)))));
  }
}
