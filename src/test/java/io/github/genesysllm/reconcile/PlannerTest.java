package io.github.genesysllm.reconcile;

import static io.github.genesysllm.reconcile.Fixtures.desired;
import static io.github.genesysllm.reconcile.Fixtures.plan;
import static io.github.genesysllm.reconcile.Fixtures.settings;
import static io.github.genesysllm.reconcile.Fixtures.withTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.PlannedChange.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static Provider onServer(String id, ProviderSettings settings) {
    return new Provider(id, settings, true, 2, null, null, "/api/v2/ai/llm/providers/" + id);
  }

  @Test
  void decidesCreateUpdateAndUnchangedInConfigurationOrder() {
    Provider same = onServer("id-same", settings("Same"));
    Provider changed = onServer("id-changed", withTimeout(settings("Changed"), 60_000));
    Plan<Provider> plan =
        plan(
            List.of(desired("New"), desired("Changed"), desired("Same")),
            List.of(same, changed),
            false);

    assertEquals(
        List.of("New", "Changed", "Same"),
        plan.changes().stream().map(c -> c.desired().name()).toList());
    assertEquals(
        List.of(Step.CREATE, Step.UPDATE, Step.UNCHANGED),
        plan.changes().stream().map(PlannedChange::step).toList());
    assertNull(plan.changes().get(0).current());
    assertSame(changed, plan.changes().get(1).current().resource());
    assertEquals(
        List.of(new Difference("timeout", "30000", "60000")), plan.changes().get(1).differences());
    assertEquals(plan.changes().get(1).differences(), plan.changes().get(1).changes());
    assertSame(same, plan.changes().get(2).current().resource());
    assertEquals(0, plan.otherProviders());
  }

  @Test
  void namesMatchIgnoringCaseAndACaseChangeIsAnUpdate() {
    Provider shouting = onServer("id-1", settings("PRIVATE GATEWAY"));
    Plan<Provider> plan = plan(List.of(desired("Private Gateway")), List.of(shouting), false);

    PlannedChange<Provider> change = plan.changes().get(0);
    assertEquals(Step.UPDATE, change.step());
    assertSame(shouting, change.current().resource());
    assertEquals(
        List.of(new Difference("name", "Private Gateway", "PRIVATE GATEWAY")),
        change.differences());
  }

  @Test
  void rotatingKeysUpdatesEveryExistingProviderWithAKeyLineButCreatesTheMissing() {
    Plan<Provider> plan =
        plan(
            List.of(desired("Same"), desired("New")),
            List.of(onServer("id-1", settings("Same"))),
            true);

    PlannedChange<Provider> same = plan.changes().get(0);
    assertEquals(Step.UPDATE, same.step());
    assertTrue(same.rotateApiKey());
    assertEquals(List.of(), same.differences());
    assertEquals(List.of(Difference.apiKeyRotated()), same.changes());
    assertEquals(Step.CREATE, plan.changes().get(1).step());
    assertFalse(plan.changes().get(1).rotateApiKey());
  }

  @Test
  void providersOutsideTheConfigurationAreOnlyCounted() {
    Plan<Provider> plan =
        plan(
            List.of(desired("Mine")),
            List.of(
                onServer("a", settings("Theirs 1")),
                onServer("b", settings("mine")),
                onServer("c", settings("Theirs 2"))),
            true);

    assertEquals(1, plan.changes().size());
    assertEquals("b", plan.changes().get(0).current().resource().id());
    assertEquals(2, plan.otherProviders());
  }

  @Test
  void twoConfiguredProvidersWithTheSameNameIgnoringCaseAreRefusedNamingBoth() {
    RefusedInputException e =
        assertThrows(
            RefusedInputException.class,
            () -> plan(List.of(desired("Gateway"), desired("GATEWAY")), List.of(), false));
    assertEquals(desired("GATEWAY").origin(), e.problem().where());
    assertEquals(ReconcileHint.RENAME_OR_REMOVE_ONE, e.problem().hint());
    assertTrue(
        e.problem().fix().parts().contains(desired("Gateway").origin()),
        "the other one, and where: " + e.problem());
  }

  @Test
  void anEmptyConfigurationPlansNothing() {
    Plan<Provider> plan = plan(List.of(), List.of(onServer("a", settings("Theirs"))), false);
    assertEquals(List.of(), plan.changes());
    assertEquals(1, plan.otherProviders());
  }
}
