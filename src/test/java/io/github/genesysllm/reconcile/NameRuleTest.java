package io.github.genesysllm.reconcile;

import static io.github.genesysllm.reconcile.FakeProvidersApi.Op.CREATE;
import static io.github.genesysllm.reconcile.FakeProvidersApi.Op.UPDATE;
import static io.github.genesysllm.reconcile.FakeProvidersApi.error;
import static io.github.genesysllm.reconcile.Fixtures.desired;
import static io.github.genesysllm.reconcile.Fixtures.keyOf;
import static io.github.genesysllm.reconcile.Fixtures.plan;
import static io.github.genesysllm.reconcile.Fixtures.settings;
import static io.github.genesysllm.reconcile.Fixtures.withName;
import static io.github.genesysllm.reconcile.Fixtures.withTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.PlannedChange.Step;
import io.github.genesysllm.targets.providers.ProvidersTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plugin's one name rule ({@link io.github.genesysllm.provider.ProviderName}) decides every
 * match: the plan, adoption after a 409, reading a provider again, verify and unregister. A
 * provider the server points at whose name is not the configured one is never written to.
 */
class NameRuleTest {

  private static final ReconcileOptions OPTIONS =
      ReconcileOptions.defaults().withProgressInterval(Duration.ofMinutes(10));

  private final FakeProvidersApi fake = new FakeProvidersApi();
  private final RecordingLog log = new RecordingLog();

  private RegisterResult register(ReconcileOptions options, String name) {
    return new Reconciler(new ProvidersTarget(fake, log), options, log)
        .reconcile(List.of(desired(name)));
  }

  private Provider seed(ProviderSettings settings) {
    return fake.seed(settings, keyOf(settings.name()));
  }

  // ---- the plan

  @ParameterizedTest(name = "''{0}'' is planned as an update of ''{1}''")
  @CsvSource({"Straße Gateway, STRASSE GATEWAY", "ıstanbul, ISTANBUL", "\u212Aelvin, kelvin"})
  void aCasePairThatJavaFoldsApartIsTheSameProvider(String configured, String onServer) {
    Provider theirs = seed(withTimeout(settings(onServer), 1000));

    Plan<Provider> plan = plan(List.of(desired(configured)), List.of(theirs), false);

    assertEquals(Step.UPDATE, plan.changes().get(0).step());
    assertEquals(theirs, plan.changes().get(0).current().resource());
    assertEquals(0, plan.otherProviders());
  }

  @Test
  void twoProvidersOnTheServerThatMatchOneNameAreBothLeftAloneAndThatProviderFails() {
    Provider upper = seed(settings("STRASSE"));
    Provider sharp = seed(settings("Straße"));

    RegisterResult result = register(OPTIONS, "strasse");

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.FAILED, outcome.action());
    assertNull(outcome.id());
    assertEquals(ReconcileHint.KEEP_ONE_OF_THE_NAME, outcome.problem().hint());
    assertEquals(new Place.OfProvider("strasse", "name"), outcome.problem().where());
    // every candidate named, with its id: what the user must find in Genesys Cloud
    assertTrue(
        outcome.error(Wording.PLAIN).contains("'STRASSE' (id " + upper.id() + ")"),
        outcome.error(Wording.PLAIN));
    assertTrue(
        outcome.error(Wording.PLAIN).contains("'Straße' (id " + sharp.id() + ")"),
        outcome.error(Wording.PLAIN));
    assertEquals(List.of(), fake.writes());
    assertEquals(0, fake.calls(CREATE) + fake.calls(UPDATE));
  }

  @Test
  void anAmbiguousNameFailsInADryRunToo() {
    seed(settings("STRASSE"));
    seed(settings("Straße"));

    RegisterResult result = register(OPTIONS.withDryRun(true), "Strasse");

    assertEquals(Action.FAILED, result.providers().get(0).action());
    assertTrue(result.hasFailures());
  }

  @Test
  void anAmbiguousNameIsNeitherVerifiedNorDeleted() {
    seed(settings("STRASSE"));
    seed(settings("Straße"));

    VerifyResult verified =
        new Verifier(new ProvidersTarget(fake, log), log).verify(List.of(desired("Strasse")));
    assertEquals(VerifyStatus.AMBIGUOUS, verified.providers().get(0).status());
    assertTrue(verified.hasFailures());
    assertTrue(verified.summary().contains("1 ambiguous"), verified.summary());

    UnregisterResult removed =
        new Unregisterer(new ProvidersTarget(fake, log), log)
            .unregister(List.of(desired("Strasse")), false);
    assertEquals(UnregisterAction.FAILED, removed.providers().get(0).action());
    assertEquals(List.of(), fake.writes());
    assertEquals(2, fake.size());
  }

  @Test
  void configuredNamesThatAreOneNameByTheRuleAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> plan(List.of(desired("Straße"), desired("STRASSE")), List.of(), false));
  }

  // ---- what the server points at after a race

  @Test
  void aConflictNamingAnUnrelatedProviderFailsAndNothingIsWrittenToIt() {
    Provider theirs = seed(withTimeout(settings("Other Team Gateway"), 1000));
    fake.failNext(
        CREATE,
        "Gateway",
        error(409, "general.conflict", "A provider named 'Gateway' already exists", theirs.id()));

    RegisterResult result = register(OPTIONS, "Gateway");

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.FAILED, outcome.action());
    assertNull(outcome.id(), "the other provider's id is not reported as this one's");
    assertTrue(outcome.error(Wording.PLAIN).contains(theirs.id()), outcome.error(Wording.PLAIN));
    assertTrue(
        outcome.error(Wording.PLAIN).contains("'Other Team Gateway'"),
        outcome.error(Wording.PLAIN));
    assertTrue(outcome.error(Wording.PLAIN).contains("'Gateway'"), outcome.error(Wording.PLAIN));
    assertEquals(0, fake.calls(UPDATE));
    assertEquals(theirs, fake.byName("Other Team Gateway").orElseThrow());
  }

  /**
   * A server that folds the dotted capital I as Turkish does takes "İstanbul" for "Istanbul"; the
   * plugin's rule does not, so the holder is not adopted.
   */
  @Test
  void aConflictNamingACasePairTheRuleKeepsApartFailsAndNothingIsWrittenToIt() {
    Provider theirs = seed(withTimeout(settings("İstanbul Gateway"), 1000));
    fake.failNext(
        CREATE, "Istanbul Gateway", error(409, "general.conflict", "name taken", theirs.id()));

    RegisterResult result = register(OPTIONS, "Istanbul Gateway");

    assertEquals(Action.FAILED, result.providers().get(0).action());
    assertTrue(result.providers().get(0).error(Wording.PLAIN).contains("'İstanbul Gateway'"));
    assertEquals(List.of(), fake.writes());
  }

  @Test
  void aConflictNamingTheSameNameByTheRuleIsAdopted() {
    // another pipeline creates it after the listing; this server folds ß apart, so it names it
    fake.beforeNext(
        CREATE,
        "Straße",
        () -> {
          Provider theirs = seed(withTimeout(settings("STRASSE"), 1000));
          throw error(409, "general.conflict", "name taken", theirs.id());
        });

    RegisterResult result = register(OPTIONS, "Straße");

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.UPDATED, outcome.action());
    assertEquals(fake.byName("Straße").orElseThrow().id(), outcome.id());
    assertEquals(1, fake.size());
  }

  @Test
  void aProviderRenamedMeanwhileIsNotUpdatedAgain() {
    Provider mine = seed(withTimeout(settings("Gateway"), 1000));
    fake.beforeNext(
        UPDATE,
        "Gateway",
        () -> fake.change("Gateway", s -> withName(s, "Someone Else's Gateway")));

    RegisterResult result = register(OPTIONS, "Gateway");

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.FAILED, outcome.action());
    assertTrue(
        outcome.error(Wording.PLAIN).contains("'Someone Else's Gateway'"),
        outcome.error(Wording.PLAIN));
    assertEquals(1, fake.calls(UPDATE), "the stale update only; none after reading it again");
    assertEquals(
        "Someone Else's Gateway", fake.byName("Someone Else's Gateway").orElseThrow().name());
    assertEquals(mine.id(), fake.byName("Someone Else's Gateway").orElseThrow().id());
  }
}
