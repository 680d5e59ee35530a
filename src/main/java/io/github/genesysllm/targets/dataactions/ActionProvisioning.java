package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Brings the actions of one integration to their definitions, one at a time: creates a missing one
 * and waits until the name search lists it and it answers by id (keeping the smallest id of twins,
 * deleting the others: in the provider's integration every action of the name is the provider's),
 * patches a changed one with the version read, and recreates one whose contract is not the plugin's
 * current one only when that is allowed. With probing, a new or changed action goes through a draft
 * that is tested from the platform side before it is published; a failed test discards the draft
 * and leaves the published action as it was.
 */
final class ActionProvisioning {

  /** What a platform-side test sends: a prompt any model answers in a few tokens. */
  static final JsonNode TEST_INPUT =
      JsonNodeFactory.instance
          .objectNode()
          .put(ChatAction.INPUT_PROMPT, "Reply with the single word OK.")
          .put(ChatAction.INPUT_MAX_TOKENS, 16);

  private final DataActionsApi api;
  private final Settling settling;
  private final String integrationId;
  private final ProvisionOptions options;
  private final Consumer<String> notes;
  private boolean wrote;

  ActionProvisioning(
      DataActionsApi api,
      Settling settling,
      String integrationId,
      ProvisionOptions options,
      Consumer<String> notes) {
    this.api = Objects.requireNonNull(api, "api");
    this.settling = Objects.requireNonNull(settling, "settling");
    this.integrationId = Objects.requireNonNull(integrationId, "integrationId");
    this.options = Objects.requireNonNull(options, "options");
    this.notes = Objects.requireNonNull(notes, "notes");
  }

  /** Whether any action was written. */
  boolean wrote() {
    return wrote;
  }

  /**
   * Brings the action of {@code wanted}'s name to {@code wanted}.
   *
   * @param where the provider's field of this action, where a problem is
   * @param observed the action as observed, or null when none was
   * @param twins the other actions of its name observed in the integration: deleted
   * @param lookUp whether to look the action up first (when nothing of the integration was
   *     observed)
   * @return the action as it is left
   * @throws ProvisioningFailure when its contract must change and that is not allowed, or its test
   *     fails
   */
  ActionSummary settle(
      ActionDefinition wanted,
      Place where,
      DataAction observed,
      List<ActionSummary> twins,
      boolean lookUp) {
    DataAction existing = observed;
    List<ActionSummary> others = twins;
    if (existing == null && lookUp) {
      List<ActionSummary> found =
          Identities.actions(api.actions(wanted.name()), integrationId, wanted.name());
      existing = found.isEmpty() ? null : read(found.get(0).id()).orElse(null);
      others = found.isEmpty() ? List.of() : found.subList(1, found.size());
    }
    deleteTwins(others, existing == null ? null : existing.id());
    if (existing == null) {
      return create(wanted, where);
    }
    if (!existing.definition().contract().sameAs(wanted.contract())) {
      return recreate(wanted, existing, where);
    }
    if (Settling.sameConfiguration(existing.definition(), wanted)) {
      return existing.summary();
    }
    return update(wanted, existing.id(), where);
  }

  private ActionSummary create(ActionDefinition wanted, Place where) {
    ActionSummary mine =
        options.probe() ? createTested(wanted, where) : api.createAction(integrationId, wanted);
    wrote = true;
    notes.accept("created data action '" + wanted.name() + "' (" + mine.id() + ")");
    String what = "data action '" + wanted.name() + "'";
    boolean mineDeleted = false;
    for (int look = 0; look < Settling.MAX_ATTEMPTS; look++) {
      if (look > 0 && !settling.pauseBefore(look - 1, what + " is not settled yet")) {
        break;
      }
      List<ActionSummary> twins =
          settling.awaitListed(
              what,
              where,
              () ->
                  ProviderProvisioning.listedWith(
                      Identities.actions(api.actions(wanted.name()), integrationId, wanted.name()),
                      ActionSummary::id,
                      mine.id()));
      ActionSummary kept = twins.get(0);
      deleteTwins(twins.subList(1, twins.size()), kept.id());
      if (kept.id().equals(mine.id())) {
        // where the next run looks: the name search, then by id; until then, look again (a new
        // action answers 404 for a while, and a racing build may keep a twin of smaller id)
        if (api.actionAnswers(mine.id())) {
          return mine;
        }
        continue;
      }
      if (!mineDeleted && twins.stream().noneMatch(t -> t.id().equals(mine.id()))) {
        deleteTwins(List.of(mine), kept.id()); // not listed yet: deleted by its id
      }
      mineDeleted = true;
      Optional<DataAction> older = api.action(kept.id());
      if (older.isEmpty()) {
        continue; // new, or a racing build kept a twin of still smaller id: look again
      }
      notes.accept("kept data action " + kept.id() + ", a twin of smaller id");
      if (!older.get().definition().contract().sameAs(wanted.contract())) {
        return recreate(wanted, older.get(), where);
      }
      return Settling.sameConfiguration(older.get().definition(), wanted)
          ? kept
          : update(wanted, kept.id(), where);
    }
    throw new ProvisioningFailure(
        Problem.at(
            where,
            what
                + " was created, but is still not readable where the next run looks (or kept"
                + " getting deleted while racing builds settled its twins) after "
                + Settling.MAX_ATTEMPTS
                + " looks",
            Fix.of(DataActionsHint.RUN_AGAIN, "run again")));
  }

  /** A listed action read by id, the 404 of a new one waited out; empty when it is gone. */
  private Optional<DataAction> read(String id) {
    return settling.readListed("data action " + id, () -> api.action(id));
  }

  private void deleteTwins(List<ActionSummary> twins, String kept) {
    for (ActionSummary twin : twins) {
      if (api.deleteAction(twin.id())) {
        wrote = true;
        notes.accept("deleted data action " + twin.id() + ", a twin of " + kept);
      }
    }
  }

  private ActionSummary recreate(ActionDefinition wanted, DataAction existing, Place where) {
    String has = DataActionsComparison.contractLabel(existing.definition().contract());
    if (!options.allowRecreate()) {
      throw new ProvisioningFailure(
          Problem.at(
              where,
              "data action '"
                  + existing.name()
                  + "' ("
                  + existing.id()
                  + ") has "
                  + has
                  + ", but this plugin writes "
                  + DataActionsComparison.contractLabel(wanted.contract())
                  + ": a contract cannot change after publishing, so the action would have to be"
                  + " deleted and created again, under a new id, which breaks every Architect"
                  + " flow that calls it.",
              Fix.of(
                  DataActionsHint.ALLOW_RECREATE,
                  "Allow it with ",
                  Setting.ALLOW_RECREATE.is("true"),
                  " once those flows can be updated")));
    }
    api.deleteAction(existing.id());
    wrote = true;
    notes.accept(
        "deleted data action '"
            + existing.name()
            + "' ("
            + existing.id()
            + ") to change its contract ("
            + has
            + ")");
    return create(wanted, where);
  }

  private ActionSummary update(ActionDefinition wanted, String id, Place where) {
    if (options.probe()) {
      return updateTested(wanted, id, where);
    }
    Settling.Update<ActionSummary> update = settling.updateAction(id, wanted);
    wrote |= update.written();
    return update.result();
  }

  // ---- with a platform-side test before publishing ----

  private ActionSummary createTested(ActionDefinition wanted, Place where) {
    ActionSummary draft = api.createDraft(integrationId, wanted);
    TestRun run =
        settling.afterCreate(
            () -> api.testDraft(draft.id(), TEST_INPUT), "the draft of " + draft.id());
    if (!run.success()) {
      // an action never published is only a draft: deleting the draft deletes it
      api.deleteDraft(draft.id());
      throw failedTest(wanted, run, "a new action, discarded", where);
    }
    return settling.publishDraft(draft.id());
  }

  private ActionSummary updateTested(ActionDefinition wanted, String id, Place where) {
    try {
      api.draftOf(id);
    } catch (GenesysApiException e) {
      if (e.status() != 409) {
        throw e;
      }
      // a draft left by an earlier run: it is brought to the definition below
    }
    settling.updateDraft(id, wanted);
    TestRun run = api.testDraft(id, TEST_INPUT);
    if (!run.success()) {
      api.deleteDraft(id);
      throw failedTest(wanted, run, "its draft discarded, the published action unchanged", where);
    }
    wrote = true;
    return settling.publishDraft(id);
  }

  private static ProvisioningFailure failedTest(
      ActionDefinition wanted, TestRun run, String left, Place where) {
    return new ProvisioningFailure(
        Problem.at(
            where,
            "the platform-side test of data action '"
                + wanted.name()
                + "' failed"
                + (run.failedStep() == null ? "" : " at step '" + run.failedStep() + "'")
                + (run.error() == null ? "" : ": " + run.error())
                + " ("
                + left
                + ")",
            PlatformProbe.checkModelReachable()));
  }
}
