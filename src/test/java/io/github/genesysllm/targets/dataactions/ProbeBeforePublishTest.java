package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.targets.dataactions.EmulatedOrg.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With probing, a new or changed action is tested from the platform side (the emulator calls the
 * model itself) before it is published; a failing test leaves the published action as it was.
 */
class ProbeBeforePublishTest {

  private static final ProvisionOptions PROBE = new ProvisionOptions(false, false, true);

  private final LoopbackModel model = new LoopbackModel();
  private final EmulatedOrg org = new EmulatedOrg(b -> {});

  @AfterEach
  void close() {
    org.close();
    model.close();
  }

  private ProviderSettings provider(int maxTokens) {
    return Samples.provider(
        "Acme Gateway", model.baseUrl(), 30_000, Samples.model("gpt-4o-mini", maxTokens));
  }

  @Test
  void aNewActionIsTestedThenPublished() throws Exception {
    ProviderProvisioning.Outcome outcome = org.new Build().register(provider(64), PROBE);

    assertEquals(Action.CREATED, outcome.action(), String.valueOf(outcome.problem()));
    assertEquals(1, model.calls().size());
    assertEquals("Bearer " + EmulatedOrg.KEY, model.calls().get(0).authorization());
    JsonNode body = new ObjectMapper().readTree(model.calls().get(0).body());
    assertEquals("Reply with the single word OK.", body.at("/messages/0/content").asText());
    assertEquals(16, body.get("max_tokens").asInt());
    String id = outcome.resourceIds().get("actions.gpt-4o-mini.id");
    assertTrue(org.new Build().api.action(id).isPresent(), "published");
  }

  @Test
  void aChangedActionWhoseTestFailsLeavesThePublishedActionAsItWas() {
    EmulatedOrg.Build build = org.new Build();
    ProviderProvisioning.Outcome first = build.register(provider(64), plain());
    String id = first.resourceIds().get("actions.gpt-4o-mini.id");
    ActionConfig before = build.api.action(id).orElseThrow().definition().config();
    model.refusing(true);

    ProviderProvisioning.Outcome changed = org.new Build().register(provider(128), PROBE);

    assertEquals(Action.FAILED, changed.action());
    Problem problem = changed.problem();
    assertEquals(DataActionsHint.CHECK_MODEL_REACHABLE, problem.hint());
    assertEquals(new Place.OfProvider("Acme Gateway", "actions[gpt-4o-mini]"), problem.where());
    assertEquals(List.of(Setting.ROTATE_API_KEYS), problem.fix().settings());
    // the failing step and what became of the action are what the user must see
    assertTrue(problem.what().contains("at step 'Execute request'"), problem.what());
    assertTrue(problem.what().contains("published action unchanged"), problem.what());
    assertEquals(before, build.api.action(id).orElseThrow().definition().config());
    assertEquals(Optional.empty(), build.api.draft(id), "the draft is discarded");
  }

  @Test
  void aChangedActionWhoseTestPassesIsPublishedUnderTheSameId() {
    EmulatedOrg.Build build = org.new Build();
    String id = build.register(provider(64), plain()).resourceIds().get("actions.gpt-4o-mini.id");

    ProviderProvisioning.Outcome changed = org.new Build().register(provider(128), PROBE);

    assertEquals(Action.UPDATED, changed.action(), String.valueOf(changed.problem()));
    assertEquals(id, changed.resourceIds().get("actions.gpt-4o-mini.id"));
    ProviderSettings wanted = provider(128);
    assertEquals(
        ChatAction.definition(wanted, wanted.models().get(0)).config(),
        build.api.action(id).orElseThrow().definition().config());
  }

  @Test
  void verifysProbeTestsEachPublishedActionFromThePlatformSide() {
    EmulatedOrg.Build build = org.new Build();
    ProviderSettings provider = provider(64);
    String id = build.register(provider, plain()).resourceIds().get("actions.gpt-4o-mini.id");
    ProviderState state = build.observe(provider).states().get(0);
    PlatformProbe probe = new PlatformProbe(build.api, org.time::nanoTime);

    assertEquals(
        List.of(new PlatformProbe.Tested("gpt-4o-mini", id, true, 0, 2, null, null)),
        probe.probe(provider, state),
        "the loopback model answers OK (2 characters); the fake clock stands still");

    model.refusing(true);
    PlatformProbe.Tested failed = probe.probe(provider, state).get(0);
    assertEquals(false, failed.ok());
    assertEquals("Execute request", failed.failedStep());
    assertTrue(failed.error() != null && !failed.error().contains(EmulatedOrg.KEY), failed.error());
    Problem problem = new ProbedActions("Acme Gateway", List.of(failed)).problem();
    assertEquals(DataActionsHint.CHECK_MODEL_REACHABLE, problem.hint());
    assertEquals(new Place.OfProvider("Acme Gateway", "actions[gpt-4o-mini]"), problem.where());
  }

  @Test
  void aNewActionWhoseTestFailsIsNotLeftBehind() {
    model.refusing(true);
    EmulatedOrg.Build build = org.new Build();

    ProviderProvisioning.Outcome outcome = build.register(provider(64), PROBE);

    assertEquals(Action.FAILED, outcome.action());
    assertEquals(DataActionsHint.CHECK_MODEL_REACHABLE, outcome.problem().hint());
    assertTrue(
        outcome.problem().what().contains("a new action, discarded"), outcome.problem().what());
    assertEquals(List.of(), build.api.actions(null));
    assertEquals(List.of(), build.api.drafts(null));
  }
}
