package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.targets.dataactions.EmulatedOrg.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.emulator.JournalEntry;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the platform's lag, builds run back to back, builds racing, and creates whose answers
 * are lost end with exactly one credential, integration and action per configured name.
 */
class RacesAgainstEmulatorTest {

  private EmulatedOrg org;

  @AfterEach
  void close() {
    org.close();
  }

  /** Every lag of the emulator at once, in seconds (0: none). */
  private void start(int lag) {
    start(lag, lag, lag);
  }

  private void start(int searchLag, int createLag, int deleteLag) {
    org =
        new EmulatedOrg(
            b ->
                b.searchLagSeconds(searchLag)
                    .createLagSeconds(createLag)
                    .deleteLagSeconds(deleteLag));
  }

  /** Asserts one integration, one credential and one action per model, as configured. */
  private void assertExactlyOne(ProviderSettings provider) {
    EmulatedOrg.Build look = org.new Build();
    org.time.advance(java.time.Duration.ofSeconds(60)); // past every lag: the settled truth
    assertEquals(
        1,
        Identities.integrations(look.api.integrations(), provider.name()).size(),
        "integrations");
    assertEquals(
        1,
        Identities.credentials(look.api.credentials(), DataActionNames.credential(provider)).size(),
        "credentials");
    String integrationId =
        Identities.integrations(look.api.integrations(), provider.name()).get(0).id();
    List<ActionSummary> all = look.api.actions(null);
    for (ModelSettings model : provider.models()) {
      String name = DataActionNames.action(provider, model);
      assertEquals(1, Identities.actions(all, integrationId, name).size(), name);
    }
    assertEquals(
        provider.models().size(),
        all.stream().filter(a -> a.integrationId().equals(integrationId)).count(),
        "no action but the configured ones");
    ProviderState state = look.observe(provider).states().get(0);
    assertEquals(List.of(), DataActionsComparison.differences(provider, state));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 10})
  void buildsBackToBackCreateOnce(int lag) {
    start(lag);
    ProviderSettings acme = Samples.acme();
    ProviderProvisioning.Outcome first = org.new Build().register(acme, plain());
    assertEquals(Action.CREATED, first.action(), String.valueOf(first.problem()));
    ProviderProvisioning.Outcome second = org.new Build().register(acme, plain());
    assertNotEquals(Action.FAILED, second.action(), String.valueOf(second.problem()));
    assertNotEquals(Action.CREATED, second.action());
    assertExactlyOne(acme);
  }

  /**
   * Each lag alone: a create lag alone once made the second run find the new actions listed but
   * answering 404 by id, create twins of them, and spin deleting its twin until it gave up.
   */
  @ParameterizedTest
  @CsvSource({"3, 0, 0", "0, 3, 0", "0, 0, 3"})
  void buildsBackToBackUnderOneLagTheSecondOnlyReads(int searchLag, int createLag, int deleteLag) {
    start(searchLag, createLag, deleteLag);
    ProviderSettings acme = Samples.acme();
    ProviderProvisioning.Outcome first = org.new Build().register(acme, plain());
    assertEquals(Action.CREATED, first.action(), String.valueOf(first.problem()));
    int before = org.journalSize();

    ProviderProvisioning.Outcome second = org.new Build().register(acme, plain());

    assertEquals(Action.UNCHANGED, second.action(), String.valueOf(second.problem()));
    assertEquals(List.of(), org.writesSince(before));
    assertExactlyOne(acme);
  }

  /**
   * An action another client just made (a run that failed after it, a tool) is read, not made
   * twice.
   */
  @Test
  void anActionListedButNotYetReadableIsWaitedForNotMadeTwice() {
    start(0, 3, 0);
    ProviderSettings acme = Samples.acme();
    EmulatedOrg.Build build = org.new Build();
    ProviderProvisioning.Outcome first = build.register(acme, plain());
    String integrationId = first.resourceIds().get("integrationId");
    build.api.deleteAction(first.resourceIds().get("actions.gpt-4o-mini.id"));
    ActionSummary made =
        build.api.createAction(integrationId, ChatAction.definition(acme, acme.models().get(0)));
    int before = org.journalSize();

    ProviderProvisioning.Outcome second = org.new Build().register(acme, plain());

    assertEquals(Action.UNCHANGED, second.action(), String.valueOf(second.problem()));
    assertEquals(List.of(), org.writesSince(before));
    assertEquals(made.id(), second.resourceIds().get("actions.gpt-4o-mini.id"));
    assertExactlyOne(acme);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 10})
  void racingBuildsEndWithOneOfEach(int lag) throws Exception {
    start(lag);
    race();
  }

  @ParameterizedTest
  @CsvSource({"3, 0, 0", "0, 3, 0", "0, 0, 3"})
  void racingBuildsUnderOneLagEndWithOneOfEach(int searchLag, int createLag, int deleteLag)
      throws Exception {
    start(searchLag, createLag, deleteLag);
    race();
  }

  /** Three builds register at once; each ends well, and one of each is left. */
  private void race() throws Exception {
    ProviderSettings acme = Samples.acme();
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<ProviderProvisioning.Outcome>> runs = new ArrayList<>();
    List<EmulatedOrg.Build> builds = List.of(org.new Build(), org.new Build(), org.new Build());
    for (EmulatedOrg.Build build : builds) {
      runs.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return build.register(acme, plain());
              }));
    }
    go.countDown();
    List<ProviderProvisioning.Outcome> outcomes = new ArrayList<>();
    for (CompletableFuture<ProviderProvisioning.Outcome> run : runs) {
      outcomes.add(run.get());
    }
    // no further run: the racers themselves leave one of each. A build that finished before a
    // slower racer made a twin of smaller id reports the twin that racer then deleted (the limit
    // data-actions.md documents); the racer that deleted it reports the survivor.
    assertExactlyOne(acme);
    String kept =
        Identities.integrations(org.new Build().api.integrations(), acme.name()).get(0).id();
    List<String> reported = new ArrayList<>();
    for (ProviderProvisioning.Outcome outcome : outcomes) {
      assertNotEquals(Action.FAILED, outcome.action(), String.valueOf(outcome.problem()));
      reported.add(outcome.resourceIds().get("integrationId"));
    }
    assertTrue(
        reported.contains(kept), "some build reports the survivor " + kept + ": " + reported);
    assertEquals(1, outcomes.stream().filter(o -> o.action() == Action.CREATED).count());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 10})
  void createsWhoseAnswersAreLostAreNotMadeTwice(int lag) {
    start(lag);
    org.faults(
        "{\"method\": \"POST\", \"path\": \"/api/v2/integrations\", \"action\": \"commitThenDrop\", \"times\": 1}",
        "{\"method\": \"POST\", \"path\": \"/api/v2/integrations/credentials\", \"action\": \"commitThenDrop\", \"times\": 1}",
        "{\"method\": \"POST\", \"path\": \"/api/v2/integrations/actions\", \"action\": \"commitThenDrop\", \"times\": 2}");
    ProviderSettings acme = Samples.acme();

    ProviderProvisioning.Outcome outcome = org.new Build().register(acme, plain());

    assertNotEquals(Action.FAILED, outcome.action(), String.valueOf(outcome.problem()));
    assertEquals(4, org.emulator.journal().stream().filter(JournalEntry::dropped).count());
    assertExactlyOne(acme);
  }
}
