package io.github.genesysllm.faults;

import static io.github.genesysllm.faults.FaultRule.ITEM;
import static io.github.genesysllm.faults.FaultRule.PROVIDERS;
import static io.github.genesysllm.faults.FaultRule.on;
import static io.github.genesysllm.faults.FaultRule.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.emulator.JournalEntry;
import io.github.genesysllm.faults.FaultRig.Run;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Answers that are not what the contract says: a body that is not JSON, a truncated one, one cut
 * off in the middle, one of the wrong shape, an answer without {@code ININ-Correlation-Id}. A
 * spoilt answer to a create or update is settled by reading the server (one run converges, no
 * duplicate); an unreadable listing stops the run with a clear message, before anything is changed,
 * and the next run converges.
 */
class BadResponseTest {

  /**
   * One provider at a time where faults hit writes, so that they hit the same requests on every run
   * (with parallel changes, a provider's second attempt may be the one that meets the next fault).
   */
  private static final ReconcileOptions ONE_AT_A_TIME =
      ReconcileOptions.defaults().withConcurrency(1);

  /** Spoils the answers that the tap relays; the write behind them was applied. */
  enum SpoiltAnswer {
    NOT_JSON(WireTap.NOT_JSON),
    TRUNCATED_JSON(WireTap.TRUNCATED_JSON),
    CUT_OFF_MID_BODY(WireTap.CUT_OFF),
    WITHOUT_ID(WireTap.reshaped(object(node -> node.remove("id")))),
    VERSION_AS_TEXT(WireTap.reshaped(object(node -> node.put("version", "one")))),
    TIMEOUT_AS_TEXT(WireTap.reshaped(object(node -> node.put("timeout", "30 seconds"))));

    final WireTap.Tamper tamper;

    SpoiltAnswer(WireTap.Tamper tamper) {
      this.tamper = tamper;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpoiltAnswer.class)
  void aSpoiltAnswerToAnAppliedCreateOrUpdateIsSettledByReadingTheServer(SpoiltAnswer spoilt) {
    try (FaultRig rig = FaultRig.start()) {
      rig.tap().tamper("POST", PROVIDERS, 5, 3, spoilt.tamper);
      Run created = rig.register(FaultRig.desired(0), FaultRig.options().build(), ONE_AT_A_TIME);
      rig.assertConverged(created, FaultRig.desired(0), Set.of(Action.CREATED, Action.ADOPTED));
      assertEquals(3, created.result().count(Action.ADOPTED), "each create found after its answer");
      assertEquals(3, rig.tap().tampered());
      assertEquals(3, count(created, "the create's outcome is unknown"), created.log().text());

      rig.tap().clearTampering();
      rig.tap().tamper("PUT", ITEM, 5, 3, spoilt.tamper);
      Run updated = rig.register(FaultRig.desired(1), FaultRig.options().build(), ONE_AT_A_TIME);
      rig.assertConverged(updated, FaultRig.desired(1), Set.of(Action.UPDATED));
      assertEquals(6, rig.tap().tampered());
      assertEquals(3, count(updated, "the update's outcome is unknown"), updated.log().text());
    }
  }

  /**
   * A write answered a 200 of the wrong shape cannot be retried by the client, and is settled once:
   * a second such answer to the same provider would fail it (as the reconciler's own tests pin),
   * which one provider at a time rules out here.
   */
  @Test
  void anAnswerOfTheWrongShapeToAWriteThatWasNotAppliedIsFollowedByTheWrite() {
    JsonNode accepted = ProviderJson.MAPPER.createObjectNode().put("status", "accepted");
    try (FaultRig rig = FaultRig.start()) {
      rig.emulator()
          .setFaultScript(script(on("POST", PROVIDERS).respond(201, accepted).every(5).times(3)));
      Run created = rig.register(FaultRig.desired(0), FaultRig.options().build(), ONE_AT_A_TIME);
      rig.assertConverged(created, FaultRig.desired(0), Set.of(Action.CREATED));
      assertEquals(
          3,
          count(created, "not found, so the create was not applied: creating it again"),
          created.log().text());

      rig.emulator()
          .setFaultScript(script(on("PUT", ITEM).respond(200, accepted).every(5).times(3)));
      Run updated = rig.register(FaultRig.desired(1), FaultRig.options().build(), ONE_AT_A_TIME);
      rig.assertConverged(updated, FaultRig.desired(1), Set.of(Action.UPDATED));
      assertEquals(
          3,
          count(updated, "the update was not applied: updating it once more"),
          updated.log().text());
      assertEquals(6, rig.faultsFired());
    }
  }

  /** A listing that cannot be read: not retried (a retry would read the same), the run stops. */
  enum UnreadableListing {
    NOT_JSON(
        rig -> rig.tap().tamper("GET", PROVIDERS, 1, 1, WireTap.NOT_JSON),
        "it is not JSON (it starts with '<html>"),
    TRUNCATED_JSON(
        rig -> rig.tap().tamper("GET", PROVIDERS, 1, 1, WireTap.TRUNCATED_JSON),
        "it ends before the JSON is complete (truncated?)"),
    WITHOUT_ENTITIES(respond("{\"items\": [], \"pageSize\": 100}"), "it has no 'entities' list"),
    AN_ARRAY(respond("[]"), "it has no 'entities' list"),
    AN_ENTITY_WITHOUT_ID(
        respond("{\"entities\": [{\"name\": \"Fault Gateway 01\"}]}"), "'id' must be a string");

    final Consumer<FaultRig> arm;
    final String reason;

    UnreadableListing(Consumer<FaultRig> arm, String reason) {
      this.arm = arm;
      this.reason = reason;
    }

    private static Consumer<FaultRig> respond(String body) {
      return rig -> {
        try {
          rig.emulator()
              .setFaultScript(
                  script(on("GET", PROVIDERS).respond(200, ProviderJson.MAPPER.readTree(body))));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      };
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(UnreadableListing.class)
  void anUnreadableListingStopsTheRunWithAClearMessageAndTheNextRunConverges(
      UnreadableListing listing) {
    try (FaultRig rig = FaultRig.start()) {
      listing.arm.accept(rig);
      Run stopped = rig.register(FaultRig.desired(0));
      assertTrue(stopped.failed(), "the run stops");
      FaultRig.assertReadableErrors(stopped);
      assertTrue(
          stopped
              .failure()
              .startsWith("GET " + PROVIDERS + "?pageSize=100&pageNumber=1: answered 200 with"),
          stopped.failure());
      assertTrue(stopped.failure().contains(listing.reason), stopped.failure());
      assertTrue(stopped.failure().contains("point at Genesys Cloud's API"), stopped.failure());
      rig.assertStoreEmpty();

      rig.tap().clearTampering();
      rig.emulator().setFaultScript(FaultScript.none());
      Run next = rig.register(FaultRig.desired(0));
      rig.assertConverged(next, FaultRig.desired(0), Set.of(Action.CREATED));
    }
  }

  @Test
  void aListingCutOffMidBodyIsReadAgain() {
    try (FaultRig rig = FaultRig.start()) {
      rig.register(FaultRig.desired(0));
      rig.tap().tamper("GET", PROVIDERS, 1, 2, WireTap.CUT_OFF);
      Run updated = rig.register(FaultRig.desired(1));
      rig.assertConverged(updated, FaultRig.desired(1), Set.of(Action.UPDATED));
      assertEquals(2, rig.tap().tampered());
      assertTrue(
          updated
              .log()
              .lines("WARN")
              .get(0)
              .startsWith("The connection closed before the answer was complete"),
          updated.log().text());
    }
  }

  @Test
  void aListingWithFieldsOfTheWrongTypeIsABadAnswerNotADrift() {
    try (FaultRig rig = FaultRig.start()) {
      rig.register(FaultRig.desired(0));
      rig.tap()
          .tamper(
              "GET",
              PROVIDERS,
              1,
              1,
              WireTap.reshaped(
                  listing -> {
                    listing
                        .get("entities")
                        .forEach(entity -> ((ObjectNode) entity).put("timeout", "30 seconds"));
                    return listing;
                  }));
      Run stopped = rig.register(FaultRig.desired(0));
      assertTrue(
          stopped.failed(), () -> "a wrong result instead of an error:\n" + stopped.log().text());
      FaultRig.assertReadableErrors(stopped);
      assertTrue(stopped.failure().contains("timeout"), stopped.failure());
      assertEquals(
          0,
          rig.journal().stream().filter(e -> e.method().equals("PUT")).count(),
          "nothing was changed");
    }
  }

  @Test
  void answersWithoutACorrelationIdStillConverge() {
    try (FaultRig rig = FaultRig.start()) {
      rig.tap().tamper("*", "*", 1, -1, WireTap.NO_CORRELATION_ID);
      rig.emulator()
          .setFaultScript(
              script(
                  on("GET", PROVIDERS).status(503).times(1),
                  on("POST", PROVIDERS).status(500).every(4).times(3)));
      Run created = rig.register(FaultRig.desired(0));
      rig.assertConverged(created, FaultRig.desired(0), Set.of(Action.CREATED));
      assertEquals(4, rig.faultsFired());
      assertTrue(created.log().text().contains("(ININ-Correlation-Id none)"), created.log().text());
    }
  }

  @Test
  void anUnreadableListingWithoutACorrelationIdSaysThereWasNone() {
    try (FaultRig rig = FaultRig.start()) {
      rig.tap().tamper("GET", PROVIDERS, 1, 1, WireTap.NOT_JSON.then(WireTap.NO_CORRELATION_ID));
      Run stopped = rig.register(FaultRig.desired(0));
      FaultRig.assertReadableErrors(stopped);
      assertTrue(
          stopped.failure().contains("it is not JSON; ININ-Correlation-Id none.")
              || stopped.failure().contains("'); ININ-Correlation-Id none."),
          stopped.failure());
    }
  }

  @Test
  void aRefusalWithoutACorrelationIdHeaderNamesTheContextIdOfItsErrorBody() {
    try (FaultRig rig = FaultRig.start()) {
      rig.tap().tamper("GET", PROVIDERS, 1, 1, WireTap.NO_CORRELATION_ID);
      rig.emulator().setFaultScript(script(on("GET", PROVIDERS).status(400).times(1)));
      Run stopped = rig.register(FaultRig.desired(0));
      FaultRig.assertReadableErrors(stopped);
      JournalEntry refused =
          rig.journal().stream()
              .filter(e -> Integer.valueOf(400).equals(e.status()))
              .findFirst()
              .orElseThrow();
      assertTrue(
          stopped.failure().contains("ININ-Correlation-Id " + refused.correlationId()),
          stopped.failure());
      rig.assertStoreEmpty();
    }
  }

  private static long count(Run run, String note) {
    return run.log().lines("INFO").stream().filter(line -> line.contains(note)).count();
  }

  private static UnaryOperator<JsonNode> object(Consumer<ObjectNode> change) {
    return node -> {
      change.accept((ObjectNode) node);
      return node;
    };
  }
}
