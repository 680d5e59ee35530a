package io.github.genesysllm.reconcile;

import static io.github.genesysllm.reconcile.Fixtures.keyOf;
import static io.github.genesysllm.reconcile.Fixtures.settings;
import static io.github.genesysllm.reconcile.Fixtures.withName;
import static io.github.genesysllm.reconcile.Fixtures.withTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.targets.providers.ProvidersTarget;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnregistererTest {

  private final FakeProvidersApi api = new FakeProvidersApi();
  private final RecordingLog log = new RecordingLog();

  private UnregisterResult unregister(boolean dryRun, String... names) {
    return new Unregisterer(new ProvidersTarget(api, log), log)
        .unregister(Arrays.stream(names).map(Fixtures::desired).toList(), dryRun);
  }

  @Test
  void deletesTheConfiguredProvidersInConfigurationOrderAndLeavesABystander() {
    Provider one = api.seed(settings("Gateway One"), keyOf("Gateway One"));
    Provider bystander = api.seed(withTimeout(settings("Bystander"), 60_000), keyOf("Bystander"));
    Provider two = api.seed(settings("Gateway Two"), keyOf("Gateway Two"));

    UnregisterResult result = unregister(false, "Gateway Two", "Gateway One");

    assertEquals(
        List.of(
            new ProviderRemoval("Gateway Two", UnregisterAction.DELETED, two.id(), null, null),
            new ProviderRemoval("Gateway One", UnregisterAction.DELETED, one.id(), null, null)),
        result.providers());
    assertEquals(List.of("DELETE Gateway Two", "DELETE Gateway One"), api.writes());
    assertEquals(1, api.size());
    assertEquals(
        bystander,
        api.byName("Bystander").orElseThrow(),
        "a provider the configuration does not name survives");
    assertEquals(
        List.of(
            "DELETED   Gateway Two (id " + two.id() + ")",
            "DELETED   Gateway One (id " + one.id() + ")",
            "2 deleted, 0 absent; 1 other provider left alone"),
        log.lines("INFO"));
    assertFalse(result.hasFailures());
    assertEquals(1, api.calls(FakeProvidersApi.Op.LIST_ALL));
  }

  @Test
  void aProviderIsFoundByNameIgnoringCase() {
    Provider held =
        api.seed(withName(settings("Gateway One"), "GATEWAY ONE"), keyOf("Gateway One"));

    UnregisterResult result = unregister(false, "gateway one");

    assertEquals(
        new ProviderRemoval("gateway one", UnregisterAction.DELETED, held.id(), null, null),
        result.providers().get(0));
    assertEquals(0, api.size());
  }

  @Test
  void aProviderThatIsNotThereIsAbsentNotAnError() {
    api.seed(settings("Bystander"), keyOf("Bystander"));

    UnregisterResult result = unregister(false, "Gateway One");

    assertEquals(
        List.of(new ProviderRemoval("Gateway One", UnregisterAction.ABSENT, null, null, null)),
        result.providers());
    assertFalse(result.hasFailures());
    assertEquals(0, api.calls(FakeProvidersApi.Op.DELETE));
    assertEquals(
        List.of("ABSENT    Gateway One", "0 deleted, 1 absent; 1 other provider left alone"),
        log.lines("INFO"));
  }

  @Test
  void aDryRunSendsNothingButTheListing() {
    Provider one = api.seed(settings("Gateway One"), keyOf("Gateway One"));

    UnregisterResult result = unregister(true, "Gateway One", "Gateway Two");

    assertEquals(
        List.of(
            new ProviderRemoval("Gateway One", UnregisterAction.WOULD_DELETE, one.id(), null, null),
            new ProviderRemoval("Gateway Two", UnregisterAction.ABSENT, null, null, null)),
        result.providers());
    assertEquals(0, api.calls(FakeProvidersApi.Op.DELETE));
    assertEquals(1, api.calls(FakeProvidersApi.Op.LIST_ALL));
    assertEquals(List.of(), api.writes());
    assertEquals(1, api.size());
    assertEquals("dry run: 1 would be deleted, 1 absent", result.summary());
    assertEquals("WOULD_DELETE Gateway One (id " + one.id() + ")", log.lines("INFO").get(0));
  }

  @Test
  void aProviderDeletedMeanwhileIsAbsent() {
    Provider one = api.seed(settings("Gateway One"), keyOf("Gateway One"));
    api.beforeNext(FakeProvidersApi.Op.DELETE, "Gateway One", () -> api.remove("Gateway One"));

    UnregisterResult result = unregister(false, "Gateway One");

    assertEquals(
        List.of(
            new ProviderRemoval(
                "Gateway One",
                UnregisterAction.ABSENT,
                one.id(),
                "it was deleted meanwhile",
                null)),
        result.providers());
    assertFalse(result.hasFailures());
    assertEquals(
        "ABSENT    Gateway One (id " + one.id() + "): it was deleted meanwhile",
        log.lines("INFO").get(0));
  }

  @Test
  void aFailedDeletionIsReportedAndTheOthersGoOn() {
    Provider one = api.seed(settings("Gateway One"), keyOf("Gateway One"));
    Provider two = api.seed(settings("Gateway Two"), keyOf("Gateway Two"));
    GenesysApiException refused =
        FakeProvidersApi.error(
            403,
            "missing.any.permissions",
            "You are missing the following permission: at least one of the following scopes assigned: [ai:llm:write]",
            null);
    api.failNext(FakeProvidersApi.Op.DELETE, "Gateway One", refused);

    UnregisterResult result = unregister(false, "Gateway One", "Gateway Two");

    ProviderRemoval failed = result.providers().get(0);
    assertEquals(UnregisterAction.FAILED, failed.action());
    assertEquals(one.id(), failed.id());
    // the server's refusal, kept as data: its fix, place and correlation id
    assertEquals(refused.problem().hint(), failed.problem().hint());
    assertEquals(refused.problem().where(), failed.problem().where());
    assertEquals(refused.correlationId(), failed.problem().correlationId());
    assertTrue(
        failed.problem().what().startsWith("while deleting it: " + refused.problem().what()),
        failed.problem().what());
    assertEquals(
        new ProviderRemoval("Gateway Two", UnregisterAction.DELETED, two.id(), null, null),
        result.providers().get(1));
    assertTrue(api.byName("Gateway One").isPresent());
    assertEquals(0, api.calls(FakeProvidersApi.Op.GET), "a refusal is not read back");
    assertTrue(result.hasFailures());
    assertEquals(List.of(failed), result.failures());
    assertEquals(
        List.of("FAILED    Gateway One (id " + one.id() + "): " + failed.error(Wording.PLAIN)),
        log.lines("WARN"));
    assertEquals("1 deleted, 0 absent, 1 failed", result.summary());
  }

  @Test
  void aDeletionWhoseAnswerWasLostIsSettledByReadingItBack() {
    Provider one = api.seed(settings("Gateway One"), keyOf("Gateway One"));
    api.loseAnswerOfNext(
        FakeProvidersApi.Op.DELETE, "Gateway One", FakeProvidersApi.outcomeUnknown());

    UnregisterResult result = unregister(false, "Gateway One");

    assertEquals(
        List.of(
            new ProviderRemoval(
                "Gateway One",
                UnregisterAction.DELETED,
                one.id(),
                "its answer was lost, but reading it back shows it is gone",
                null)),
        result.providers());
    assertEquals(1, api.calls(FakeProvidersApi.Op.DELETE), "never deleted again");
    assertEquals(1, api.calls(FakeProvidersApi.Op.GET));
  }

  @Test
  void aServerFaultBeforeTheDeletionIsAFailureOnceReadingBackShowsItIsThere() {
    Provider one = api.seed(settings("Gateway One"), keyOf("Gateway One"));
    api.failNext(
        FakeProvidersApi.Op.DELETE,
        "Gateway One",
        FakeProvidersApi.error(503, "service.unavailable", "down", null));

    ProviderRemoval removal = unregister(false, "Gateway One").providers().get(0);

    assertEquals(UnregisterAction.FAILED, removal.action());
    assertEquals(one.id(), removal.id());
    assertTrue(
        removal
            .problem()
            .what()
            .startsWith("while deleting it: HTTP 503 service.unavailable: down"),
        removal.problem().what());
    assertEquals(1, api.calls(FakeProvidersApi.Op.GET));
    assertTrue(api.byName("Gateway One").isPresent());
  }

  @Test
  void anUnexpectedFailureIsReportedToo() {
    api.seed(settings("Gateway One"), keyOf("Gateway One"));
    api.failNext(FakeProvidersApi.Op.DELETE, "Gateway One", new IllegalStateException("boom"));

    ProviderRemoval failed = unregister(false, "Gateway One").providers().get(0);

    assertEquals(UnregisterAction.FAILED, failed.action());
    assertEquals(Place.NOWHERE, failed.problem().where());
    assertEquals(null, failed.problem().fix(), "nothing the user can do names a fix");
    assertTrue(
        failed
            .problem()
            .what()
            .startsWith("while deleting it: java.lang.IllegalStateException: boom"),
        failed.problem().what());
  }

  @Test
  void aListingThatFailsDeletesNothing() {
    api.seed(settings("Gateway One"), keyOf("Gateway One"));
    api.failNext(
        FakeProvidersApi.Op.LIST_ALL,
        null,
        FakeProvidersApi.error(503, "service.unavailable", "down", null));

    assertThrows(GenesysApiException.class, () -> unregister(false, "Gateway One"));
    assertEquals(0, api.calls(FakeProvidersApi.Op.DELETE));
    assertEquals(1, api.size());
  }

  @Test
  void twoConfiguredProvidersWithTheSameNameIgnoringCaseAreRefused() {
    api.seed(settings("Gateway One"), keyOf("Gateway One"));

    assertThrows(
        IllegalArgumentException.class, () -> unregister(false, "Gateway One", "GATEWAY ONE"));
    assertEquals(1, api.size());
  }

  @Test
  void theReportHasEachProviderAndTheCounts() {
    Provider one = api.seed(settings("Gateway One"), keyOf("Gateway One"));
    api.seed(settings("Bystander"), keyOf("Bystander"));

    JsonNode report = unregister(false, "Gateway One", "Gateway Two").toReport(Wording.PLAIN);

    assertEquals(
        "{\"dryRun\":false,\"providers\":[{\"name\":\"Gateway One\",\"id\":\""
            + one.id()
            + "\",\"action\":\"DELETED\"},"
            + "{\"name\":\"Gateway Two\",\"action\":\"ABSENT\"}],\"summary\":{\"deleted\":1,\"absent\":1,\"wouldDelete\":0,"
            + "\"failed\":0,\"otherProviders\":1,\"text\":\"1 deleted, 1 absent; 1 other provider left alone\"}}",
        report.toString());
  }

  @Test
  void noKeyAppearsInTheLogOrTheReport() {
    api.seed(settings("Gateway One"), keyOf("Gateway One"));

    UnregisterResult result = unregister(false, "Gateway One");

    String everything = log.text() + result.toReport(Wording.PLAIN);
    assertFalse(everything.contains(keyOf("Gateway One").reveal()), everything);
    assertFalse(everything.contains("sk-"), everything);
  }
}
