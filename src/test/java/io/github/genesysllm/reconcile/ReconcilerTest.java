package io.github.genesysllm.reconcile;

import static io.github.genesysllm.reconcile.FakeProvidersApi.Op.CREATE;
import static io.github.genesysllm.reconcile.FakeProvidersApi.Op.FIND_BY_NAME;
import static io.github.genesysllm.reconcile.FakeProvidersApi.Op.GET;
import static io.github.genesysllm.reconcile.FakeProvidersApi.Op.LIST_ALL;
import static io.github.genesysllm.reconcile.FakeProvidersApi.Op.UPDATE;
import static io.github.genesysllm.reconcile.FakeProvidersApi.error;
import static io.github.genesysllm.reconcile.FakeProvidersApi.outcomeUnknown;
import static io.github.genesysllm.reconcile.Fixtures.desired;
import static io.github.genesysllm.reconcile.Fixtures.keyOf;
import static io.github.genesysllm.reconcile.Fixtures.settings;
import static io.github.genesysllm.reconcile.Fixtures.withTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.providers.ProvidersTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  /** Long enough that no test but the progress test meets a progress line. */
  private static final ReconcileOptions OPTIONS =
      ReconcileOptions.defaults().withProgressInterval(Duration.ofMinutes(10));

  private final FakeProvidersApi fake = new FakeProvidersApi();
  private final RecordingLog log = new RecordingLog();

  private RegisterResult reconcile(ReconcileOptions options, List<DesiredProvider> desired) {
    return new Reconciler(new ProvidersTarget(fake, log), options, log).reconcile(desired);
  }

  private RegisterResult reconcile(List<DesiredProvider> desired) {
    return reconcile(OPTIONS, desired);
  }

  private static List<Action> actions(RegisterResult result) {
    return result.providers().stream().map(ProviderOutcome::action).toList();
  }

  private static List<String> names(RegisterResult result) {
    return result.providers().stream().map(ProviderOutcome::name).toList();
  }

  private Provider seed(ProviderSettings settings) {
    return fake.seed(settings, keyOf(settings.name()));
  }

  // ---- the ordinary runs

  @Test
  void aFirstRunCreatesEveryProviderAndASecondChangesNothing() {
    List<DesiredProvider> desired = Fixtures.desired(5);

    RegisterResult first = reconcile(desired);
    assertEquals(
        List.of(Action.CREATED, Action.CREATED, Action.CREATED, Action.CREATED, Action.CREATED),
        actions(first));
    assertEquals(5, fake.calls(CREATE));
    assertEquals(5, fake.size());
    for (ProviderOutcome outcome : first.providers()) {
      Provider stored = fake.byName(outcome.name()).orElseThrow();
      assertEquals(stored.id(), outcome.id());
      assertEquals(stored.selfUri(), outcome.selfUri());
      assertEquals(1L, outcome.version());
      assertEquals(List.of(), outcome.changes());
      assertEquals(keyOf(outcome.name()).reveal(), fake.apiKeyOf(outcome.name()).reveal());
    }
    assertTrue(
        log.lines("INFO")
            .contains("CREATED   Gateway 1 (id " + first.providers().get(0).id() + ")"),
        log.text());
    assertEquals("5 created, 0 updated, 0 unchanged", first.summary());

    RegisterResult second = reconcile(desired);
    assertEquals(
        List.of(
            Action.UNCHANGED,
            Action.UNCHANGED,
            Action.UNCHANGED,
            Action.UNCHANGED,
            Action.UNCHANGED),
        actions(second));
    assertEquals(5, fake.calls(CREATE));
    assertEquals(0, fake.calls(UPDATE));
    assertEquals(0, fake.calls(GET));
    assertEquals(2, fake.calls(LIST_ALL));
    assertEquals(first.providers().get(2).id(), second.providers().get(2).id());
    assertTrue(
        log.lines("INFO")
            .contains("UNCHANGED Gateway 3 (id " + second.providers().get(2).id() + ")"),
        log.text());
    assertEquals("0 created, 0 updated, 5 unchanged", second.summary());
    assertFalse(log.text().contains("providers reconciled"), log.text());
  }

  @Test
  void oneChangedFieldUpdatesThatProviderOnlyAndKeepsItsKey() {
    reconcile(Fixtures.desired(3));
    Secret originalKey = fake.apiKeyOf("Gateway 2");
    List<DesiredProvider> desired = new ArrayList<>(Fixtures.desired(3));
    desired.set(
        1,
        new DesiredProvider(
            withTimeout(settings("Gateway 2"), 60_000),
            Secret.of("a-new-key-not-to-send"),
            new Place.InlineProvider(1)));

    RegisterResult result = reconcile(desired);

    assertEquals(List.of(Action.UNCHANGED, Action.UPDATED, Action.UNCHANGED), actions(result));
    ProviderOutcome updated = result.providers().get(1);
    assertEquals(List.of(new Difference("timeout", "60000", "30000")), updated.changes());
    assertEquals(2L, updated.version());
    assertEquals(1, fake.calls(UPDATE));
    assertEquals(List.of("UPDATE Gateway 2"), fake.writes().subList(3, fake.writes().size()));
    assertEquals(60_000, fake.byName("Gateway 2").orElseThrow().settings().timeout());
    assertEquals(originalKey.reveal(), fake.apiKeyOf("Gateway 2").reveal());
    assertTrue(
        log.lines("INFO")
            .contains("UPDATED   Gateway 2 (id " + updated.id() + "): timeout: 30000 -> 60000"),
        log.text());
    assertEquals("0 created, 1 updated, 2 unchanged", result.summary());
  }

  @Test
  void changedModelsAreListedOnTheUpdateLine() {
    seed(
        Fixtures.withModels(
            settings("Gateway"),
            List.of(
                new ModelSettings("private-model-v1", "Private Model v1", 4096, true),
                new ModelSettings("old-model", "Old", 10, false))));

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.UPDATED, outcome.action());
    assertEquals(
        List.of(
            "models[private-model-v1].maxTokens", "models[private-model-v2]", "models[old-model]"),
        outcome.changes().stream().map(Difference::field).toList());
    assertEquals(settings("Gateway"), fake.byName("Gateway").orElseThrow().settings());
    assertTrue(
        log.text()
            .contains(
                "models[private-model-v1].maxTokens: 4096 -> 8192; models[private-model-v2]: (absent) -> "),
        log.text());
  }

  @Test
  void rotatingKeysSendsEachKeyToItsExistingProviderAndShowsNoValue() {
    seed(settings("Same"));
    seed(withTimeout(settings("Changed"), 1000));
    List<DesiredProvider> desired =
        List.of(
            new DesiredProvider(
                settings("Same"), Secret.of("rotated-key-same-123"), new Place.InlineProvider(1)),
            new DesiredProvider(
                settings("Changed"),
                Secret.of("rotated-key-changed-456"),
                new Place.InlineProvider(1)));

    RegisterResult result = reconcile(OPTIONS.withRotateApiKeys(true), desired);

    assertEquals(List.of(Action.UPDATED, Action.UPDATED), actions(result));
    assertEquals(List.of(Difference.apiKeyRotated()), result.providers().get(0).changes());
    assertEquals(
        List.of(new Difference("timeout", "30000", "1000"), Difference.apiKeyRotated()),
        result.providers().get(1).changes());
    assertEquals("rotated-key-same-123", fake.apiKeyOf("Same").reveal());
    assertEquals("rotated-key-changed-456", fake.apiKeyOf("Changed").reveal());
    assertTrue(
        log.text()
            .contains(
                "UPDATED   Same (id " + result.providers().get(0).id() + "): apiKey: (rotated)"),
        log.text());
    assertFalse(log.text().contains("rotated-key-"), log.text());
    assertFalse(
        result
            .toReport("Acme", "https://api.example", Wording.PLAIN)
            .toString()
            .contains("rotated-key-"));
  }

  @Test
  void aDryRunSendsNothingButTheListingAndSaysWhatItWouldDo() {
    Provider same = seed(settings("Same"));
    Provider changed = seed(withTimeout(settings("Changed"), 1000));
    seed(settings("Someone else's"));

    RegisterResult result =
        reconcile(
            OPTIONS.withDryRun(true).withRotateApiKeys(false),
            List.of(desired("New"), desired("Changed"), desired("Same")));

    assertEquals(
        List.of(Action.WOULD_CREATE, Action.WOULD_UPDATE, Action.UNCHANGED), actions(result));
    assertEquals(1, fake.calls(LIST_ALL));
    assertEquals(
        0, fake.calls(CREATE) + fake.calls(UPDATE) + fake.calls(GET) + fake.calls(FIND_BY_NAME));
    assertEquals(List.of(), fake.writes());
    assertNull(result.providers().get(0).id());
    List<Difference> toSend = result.providers().get(0).changes();
    assertEquals(new Difference("name", "New", Difference.ABSENT), toSend.get(0));
    assertEquals(Difference.apiKeySent(), toSend.get(toSend.size() - 1));
    assertTrue(
        toSend.stream().anyMatch(d -> d.field().startsWith("models[")),
        "a would-be create lists its models: " + toSend);
    assertEquals(changed.id(), result.providers().get(1).id());
    assertEquals(
        List.of(new Difference("timeout", "30000", "1000")), result.providers().get(1).changes());
    assertEquals(same.id(), result.providers().get(2).id());
    assertEquals(
        List.of(
            "WOULD_CREATE New: "
                + toSend.stream().map(Difference::describe).collect(Collectors.joining("; ")),
            "WOULD_UPDATE Changed (id " + changed.id() + "): timeout: 1000 -> 30000",
            "UNCHANGED Same (id " + same.id() + ")",
            "dry run: 1 would be created, 1 would be updated, 1 unchanged; 1 other provider left alone"),
        log.lines("INFO"));
  }

  @Test
  void aDryRunWithKeyRotationWouldUpdateEveryExistingProvider() {
    seed(settings("Same"));

    RegisterResult result =
        reconcile(OPTIONS.withDryRun(true).withRotateApiKeys(true), List.of(desired("Same")));

    assertEquals(List.of(Action.WOULD_UPDATE), actions(result));
    assertEquals(List.of(Difference.apiKeyRotated()), result.providers().get(0).changes());
    assertEquals(List.of(), fake.writes());
  }

  @Test
  void providersOutsideTheConfigurationAreNeverTouched() {
    Provider theirs = seed(withTimeout(settings("Theirs"), 1000));

    RegisterResult result = reconcile(OPTIONS.withRotateApiKeys(true), List.of(desired("Mine")));

    assertEquals(List.of("Mine"), names(result));
    assertEquals(List.of("CREATE Mine"), fake.writes());
    assertEquals(theirs, fake.byName("Theirs").orElseThrow());
    assertEquals(1, result.otherProviders());
    assertEquals(
        "1 created, 0 updated, 0 unchanged; 1 other provider left alone", result.summary());
  }

  @Test
  void aCaseChangeOfTheNameRenamesTheProvider() {
    Provider old = seed(settings("private gateway"));

    RegisterResult result = reconcile(List.of(desired("Private Gateway")));

    assertEquals(Action.UPDATED, result.providers().get(0).action());
    assertEquals(old.id(), result.providers().get(0).id());
    assertEquals("Private Gateway", fake.byName("private gateway").orElseThrow().name());
    assertEquals(1, fake.size());
  }

  // ---- races and lost answers

  @Test
  void aNameTakenMeanwhileIsAdoptedAsItIsWhenItIsAsConfigured() {
    AtomicBoolean seeded = new AtomicBoolean();
    fake.beforeNext(CREATE, "Gateway", () -> seeded.set(seed(settings("Gateway")) != null));

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    assertTrue(seeded.get());
    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.ADOPTED, outcome.action());
    assertEquals(fake.byName("Gateway").orElseThrow().id(), outcome.id());
    assertEquals(1, fake.countNamed("Gateway"));
    assertEquals(1, fake.calls(CREATE));
    assertEquals(0, fake.calls(UPDATE));
    assertTrue(log.text().contains("Gateway: its name was taken meanwhile"), log.text());
    assertEquals("0 created, 0 updated, 1 adopted, 0 unchanged", result.summary());
    assertEquals(
        1,
        result
            .toReport("Acme", "https://api.example", Wording.PLAIN)
            .path("summary")
            .path("adopted")
            .asInt());
  }

  @Test
  void aNameTakenMeanwhileByADifferentProviderIsAdoptedAndUpdated() {
    fake.beforeNext(CREATE, "Gateway", () -> seed(withTimeout(settings("GATEWAY"), 1000)));

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.UPDATED, outcome.action());
    assertEquals(
        List.of(
            new Difference("name", "Gateway", "GATEWAY"),
            new Difference("timeout", "30000", "1000")),
        outcome.changes());
    assertEquals(2L, outcome.version());
    assertEquals(settings("Gateway"), fake.byName("Gateway").orElseThrow().settings());
    assertEquals(1, fake.size());
  }

  @Test
  void aNameTakenMeanwhileIsSentTheKeyWhenKeysAreRotated() {
    fake.beforeNext(
        CREATE, "Gateway", () -> fake.seed(settings("Gateway"), Secret.of("their-key")));

    RegisterResult result = reconcile(OPTIONS.withRotateApiKeys(true), List.of(desired("Gateway")));

    assertEquals(Action.UPDATED, result.providers().get(0).action());
    assertEquals(List.of(Difference.apiKeyRotated()), result.providers().get(0).changes());
    assertEquals(keyOf("Gateway").reveal(), fake.apiKeyOf("Gateway").reveal());
  }

  @Test
  void aCreateAppliedWhoseAnswerWasLostIsFoundAndNotCreatedTwice() {
    fake.loseAnswerOfNext(CREATE, "Gateway", outcomeUnknown());

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.ADOPTED, outcome.action());
    assertEquals(fake.byName("Gateway").orElseThrow().id(), outcome.id());
    assertEquals(1, fake.countNamed("Gateway"));
    assertEquals(1, fake.calls(CREATE));
    assertEquals(1, fake.calls(FIND_BY_NAME));
    assertEquals(0, fake.calls(UPDATE));
  }

  @Test
  void aCreateNotAppliedWhoseAnswerWasLostIsSentOnceMore() {
    fake.failNext(CREATE, "Gateway", outcomeUnknown());

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    assertEquals(Action.CREATED, result.providers().get(0).action());
    assertEquals(1, fake.countNamed("Gateway"));
    assertEquals(2, fake.calls(CREATE));
    assertEquals(1, fake.calls(FIND_BY_NAME));
  }

  @Test
  void aCreateThatLosesItsAnswerTwiceFailsWithoutAThirdAttempt() {
    fake.failEach(CREATE, "Gateway", outcomeUnknown());

    RegisterResult result = reconcile(List.of(desired("Gateway"), desired("Other")));

    assertEquals(List.of(Action.FAILED, Action.CREATED), actions(result));
    assertEquals(3, fake.calls(CREATE));
    assertTrue(
        result.providers().get(0).error(Wording.PLAIN).contains("run the build again"),
        result.providers().get(0).error(Wording.PLAIN));
    assertTrue(
        result.providers().get(0).error(Wording.PLAIN).contains("connection was reset"),
        result.providers().get(0).error(Wording.PLAIN));
  }

  @Test
  void aStaleVersionIsReadAgainAndTheUpdateSentOnceMore() {
    seed(withTimeout(settings("Gateway"), 1000));
    fake.beforeNext(
        UPDATE,
        "Gateway",
        () ->
            fake.change(
                "Gateway",
                s ->
                    new ProviderSettings(
                        s.name(), s.providerType(), s.baseUrl(), "v2", s.timeout(), s.models())));

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.UPDATED, outcome.action());
    assertEquals(
        List.of(
            new Difference("apiVersion", "v1", "v2"), new Difference("timeout", "30000", "1000")),
        outcome.changes());
    assertEquals(3L, outcome.version());
    assertEquals(2, fake.calls(UPDATE));
    assertEquals(1, fake.calls(GET));
    assertEquals(settings("Gateway"), fake.byName("Gateway").orElseThrow().settings());
  }

  @Test
  void aStaleVersionNeedsNoRetryWhenTheOtherChangeMadeItAsConfigured() {
    seed(withTimeout(settings("Gateway"), 1000));
    fake.beforeNext(UPDATE, "Gateway", () -> fake.change("Gateway", s -> settings("Gateway")));

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    assertEquals(Action.UNCHANGED, result.providers().get(0).action());
    assertEquals(2L, result.providers().get(0).version());
    assertEquals(1, fake.calls(UPDATE));
    assertTrue(fake.writes().isEmpty());
  }

  @Test
  void aVersionStaleTwiceFails() {
    seed(withTimeout(settings("Gateway"), 1000));
    fake.beforeEach(
        UPDATE, "Gateway", () -> fake.change("Gateway", s -> withTimeout(s, s.timeout() + 1)));

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.FAILED, outcome.action());
    assertEquals(fake.byName("Gateway").orElseThrow().id(), outcome.id());
    assertTrue(
        outcome.error(Wording.PLAIN).startsWith("while updating it: HTTP 409 version.mismatch"),
        outcome.error(Wording.PLAIN));
    assertEquals(2, fake.calls(UPDATE));
  }

  @Test
  void anUpdateAppliedWhoseAnswerWasLostIsSettledByReadingItBack() {
    seed(withTimeout(settings("Gateway"), 1000));
    fake.loseAnswerOfNext(UPDATE, "Gateway", outcomeUnknown());

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    assertEquals(Action.UPDATED, result.providers().get(0).action());
    assertEquals(2L, result.providers().get(0).version());
    assertEquals(
        List.of(new Difference("timeout", "30000", "1000")), result.providers().get(0).changes());
    assertEquals(1, fake.calls(UPDATE));
    assertEquals(1, fake.calls(GET));
  }

  @Test
  void anUpdateNotAppliedWhoseAnswerWasLostIsSentOnceMore() {
    seed(withTimeout(settings("Gateway"), 1000));
    fake.failNext(UPDATE, "Gateway", outcomeUnknown());

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    assertEquals(Action.UPDATED, result.providers().get(0).action());
    assertEquals(2L, result.providers().get(0).version());
    assertEquals(2, fake.calls(UPDATE));
    assertEquals(settings("Gateway"), fake.byName("Gateway").orElseThrow().settings());
  }

  @Test
  void aKeyRotationWhoseAnswerWasLostIsSentAgainUnlessTheVersionMoved() {
    seed(settings("Applied"));
    seed(settings("Lost"));
    fake.loseAnswerOfNext(UPDATE, "Applied", outcomeUnknown());
    fake.failNext(UPDATE, "Lost", outcomeUnknown());
    List<DesiredProvider> desired =
        List.of(
            new DesiredProvider(
                settings("Applied"), Secret.of("new-key-a"), new Place.InlineProvider(1)),
            new DesiredProvider(
                settings("Lost"), Secret.of("new-key-l"), new Place.InlineProvider(1)));

    RegisterResult result = reconcile(OPTIONS.withRotateApiKeys(true).withConcurrency(1), desired);

    assertEquals(List.of(Action.UPDATED, Action.UPDATED), actions(result));
    assertEquals(3, fake.calls(UPDATE));
    assertEquals("new-key-a", fake.apiKeyOf("Applied").reveal());
    assertEquals("new-key-l", fake.apiKeyOf("Lost").reveal());
    assertEquals(List.of(Difference.apiKeyRotated()), result.providers().get(1).changes());
  }

  @Test
  void aReadBackThatFailsAfterALostAnswerSaysTheChangeMayHaveBeenApplied() {
    seed(withTimeout(settings("Gateway"), 1000));
    fake.loseAnswerOfNext(UPDATE, "Gateway", outcomeUnknown());
    fake.failNext(GET, "Gateway", error(503, "service.unavailable", "Service unavailable", null));

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    String error = result.providers().get(0).problem().what();
    assertEquals(Action.FAILED, result.providers().get(0).action());
    assertTrue(
        error.startsWith("while reading it back after an update of unknown outcome: HTTP 503"),
        error);
    assertTrue(
        error.endsWith(
            "run the build again, which reads the provider back rather than repeating the change"),
        error);
    assertEquals(1, fake.calls(UPDATE));
  }

  @Test
  void aProviderDeletedBeforeItsUpdateIsCreated() {
    Provider old = seed(withTimeout(settings("Gateway"), 1000));
    fake.beforeNext(UPDATE, "Gateway", () -> fake.remove("Gateway"));

    RegisterResult result = reconcile(List.of(desired("Gateway")));

    ProviderOutcome outcome = result.providers().get(0);
    assertEquals(Action.CREATED, outcome.action());
    assertNotEquals(old.id(), outcome.id());
    assertEquals(1L, outcome.version());
    assertEquals(1, fake.countNamed("Gateway"));
    assertEquals(settings("Gateway"), fake.byName("Gateway").orElseThrow().settings());
    assertEquals(keyOf("Gateway").reveal(), fake.apiKeyOf("Gateway").reveal());
  }

  // ---- failures, order, concurrency, progress

  @Test
  void aFailingProviderIsReportedAndTheOthersGoOn() {
    fake.failEach(
        CREATE, "Gateway 3", error(400, "invalid.value", "The request was invalid", null));
    fake.failEach(CREATE, "Gateway 4", new IllegalStateException("socket exploded"));

    RegisterResult result = reconcile(Fixtures.desired(5));

    assertEquals(
        List.of(Action.CREATED, Action.CREATED, Action.FAILED, Action.FAILED, Action.CREATED),
        actions(result));
    assertEquals(
        List.of("Gateway 3", "Gateway 4"),
        result.failures().stream().map(ProviderOutcome::name).toList());
    assertTrue(result.hasFailures());
    ProviderOutcome failed = result.providers().get(2);
    assertNull(failed.id());
    assertTrue(
        failed
            .error(Wording.PLAIN)
            .startsWith("while creating it: HTTP 400 invalid.value: The request was invalid"),
        failed.error(Wording.PLAIN));
    assertEquals(
        "while creating it: java.lang.IllegalStateException: socket exploded",
        result.providers().get(3).error(Wording.PLAIN));
    assertTrue(
        log.lines("WARN").contains("FAILED    Gateway 3: " + failed.error(Wording.PLAIN)),
        log.text());
    assertEquals("3 created, 0 updated, 0 unchanged, 2 failed", result.summary());
    assertEquals(3, fake.size());
  }

  @Test
  void resultsAndLinesKeepTheConfigurationOrderWhateverOrderChangesFinishIn() {
    fake.latency(8);
    List<DesiredProvider> desired = Fixtures.desired(24);
    for (int i = 0; i < desired.size(); i += 3) {
      seed(withTimeout(desired.get(i).settings(), 1000));
    }
    for (int i = 1; i < desired.size(); i += 3) {
      seed(desired.get(i).settings());
    }

    RegisterResult result = reconcile(OPTIONS.withConcurrency(4), desired);

    assertEquals(desired.stream().map(DesiredProvider::name).toList(), names(result));
    for (int i = 0; i < desired.size(); i++) {
      assertEquals(
          List.of(Action.UPDATED, Action.UNCHANGED, Action.CREATED).get(i % 3),
          result.providers().get(i).action());
    }
    List<String> outcomeLines =
        log.lines("INFO").stream()
            .filter(l -> l.matches("(CREATED|UPDATED|UNCHANGED) .*"))
            .toList();
    assertEquals(
        result.providers().stream().map(o -> o.describe(Wording.PLAIN)).toList(), outcomeLines);
    assertTrue(fake.maxInFlight() <= 4, "at most 4 calls at once, saw " + fake.maxInFlight());
  }

  @Test
  void changesRunConcurrencyAtATime() throws InterruptedException {
    CountDownLatch fourInFlight = new CountDownLatch(4);
    List<Boolean> met = java.util.Collections.synchronizedList(new ArrayList<>());
    fake.beforeEach(
        CREATE,
        null,
        () -> {
          fourInFlight.countDown();
          try {
            met.add(fourInFlight.await(5, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    RegisterResult result = reconcile(OPTIONS.withConcurrency(4), Fixtures.desired(8));

    assertEquals(8, result.count(Action.CREATED));
    assertEquals(8, met.size());
    assertFalse(met.contains(false), "the first four creates were not all in flight at once");
    assertEquals(4, fake.maxInFlight());
  }

  @Test
  void aSlowRunReportsItsProgress() {
    CountDownLatch progressSeen = new CountDownLatch(1);
    log.onLine(
        line -> {
          if (line.endsWith("providers reconciled")) {
            progressSeen.countDown();
          }
        });
    AtomicBoolean sawProgressWhileWaiting = new AtomicBoolean();
    fake.beforeNext(
        CREATE,
        "Gateway 3",
        () -> {
          try {
            sawProgressWhileWaiting.set(progressSeen.await(5, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    RegisterResult result =
        reconcile(
            OPTIONS.withConcurrency(1).withProgressInterval(Duration.ofMillis(20)),
            Fixtures.desired(3));

    assertEquals(3, result.count(Action.CREATED));
    assertTrue(sawProgressWhileWaiting.get(), log.text());
    List<String> progress =
        log.lines("INFO").stream().filter(l -> l.endsWith("providers reconciled")).toList();
    assertFalse(progress.isEmpty());
    assertTrue(
        progress.stream().allMatch(l -> l.matches("[0-2]/3 providers reconciled")),
        progress.toString());
  }

  @Test
  void noKeyValueReachesALogLineOrTheReport() {
    seed(withTimeout(settings("Changed"), 1000));
    seed(settings("Lost"));
    fake.loseAnswerOfNext(UPDATE, "Lost", outcomeUnknown());
    fake.failEach(
        CREATE,
        "Broken",
        new IllegalStateException("the server echoed " + keyOf("Broken").reveal()));
    fake.beforeNext(CREATE, "Raced", () -> seed(withTimeout(settings("Raced"), 2000)));
    List<DesiredProvider> desired =
        List.of(
            desired("New"),
            desired("Changed"),
            desired("Lost"),
            desired("Broken"),
            desired("Raced"));

    RegisterResult result = reconcile(OPTIONS.withRotateApiKeys(true), desired);

    assertEquals(
        List.of(Action.CREATED, Action.UPDATED, Action.UPDATED, Action.FAILED, Action.UPDATED),
        actions(result));
    assertTrue(
        result.providers().get(3).error(Wording.PLAIN).contains("withheld"),
        result.providers().get(3).error(Wording.PLAIN));
    String report = result.toReport("Acme", "https://api.example", Wording.PLAIN).toString();
    for (DesiredProvider provider : desired) {
      assertFalse(provider.apiKey().occursIn(log.text()), log.text());
      assertFalse(provider.apiKey().occursIn(report), report);
      assertFalse(provider.apiKey().occursIn(result.toString()), result.toString());
    }
  }

  // ---- refusals before any change

  @Test
  void aListingThatFailsChangesNothingAndIsThrown() {
    fake.failNext(
        LIST_ALL, null, error(403, "missing.any.permissions", "needs [ai:llm:read]", null));

    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> reconcile(Fixtures.desired(2)));

    assertEquals(403, e.status());
    assertEquals(List.of(), fake.writes());
  }

  @Test
  void twoProvidersOfOneNameAreRefusedBeforeAnyChange() {
    assertThrows(
        IllegalArgumentException.class,
        () -> reconcile(List.of(desired("Gateway"), desired("gateway"))));
    assertEquals(List.of(), fake.writes());
  }

  @Test
  void anEmptyConfigurationOnlyLists() {
    seed(settings("Theirs"));

    RegisterResult result = reconcile(List.of());

    assertEquals(List.of(), result.providers());
    assertEquals(List.of(), fake.writes());
    assertEquals(
        List.of("0 created, 0 updated, 0 unchanged; 1 other provider left alone"),
        log.lines("INFO"));
  }
}
