package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.emulator.dataactions.ConsistencyLag.Kind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The data actions (contract section 5): published definitions and drafts with their version rules.
 * A published version counts up with each PATCH and each publish; a draft's version counts up with
 * each PATCH of the draft, from 1.
 */
final class ActionStore {

  /** What an execution needs, taken at once under the lock. */
  record Execution(
      ActionDefinition definition,
      StoredIntegration integration,
      Map<String, String> credentials) {}

  private final DataActionsState state;

  ActionStore(DataActionsState state) {
    this.state = state;
  }

  /** POST /actions ({@code draft} false) or POST /actions/drafts. */
  StoredAction create(ActionInput.Posted posted, boolean draft) {
    return state.change(
        () -> {
          if (!state.integrations.containsKey(posted.integrationId())) {
            throw Bodies.badRequest(
                "integrationId: no integration with the id '"
                    + posted.integrationId()
                    + "' exists; create the integration first",
                "integrationId");
          }
          String id = "custom_-_" + UUID.randomUUID();
          StoredAction created =
              draft
                  ? new StoredAction(id, posted.integrationId(), null, posted.definition())
                  : new StoredAction(id, posted.integrationId(), posted.definition(), null);
          state.actions.put(id, created);
          state.lag.appeared(draft ? Kind.DRAFT : Kind.ACTION, id);
          return created;
        });
  }

  /** Every action, in creation order. */
  List<StoredAction> all() {
    return state.read(() -> List.copyOf(state.actions.values()));
  }

  /** Whether name search does not see this action (or draft) yet. */
  boolean hiddenFromSearch(String id, boolean draft) {
    return state.read(() -> state.lag.hiddenFromSearch(draft ? Kind.DRAFT : Kind.ACTION, id));
  }

  /** GET by id of the published action or the draft, with the create and delete lags. */
  StoredAction get(String id, boolean draft) {
    return state.read(
        () -> {
          StoredAction live = state.actions.get(id);
          return state
              .lag
              .shownById(
                  draft ? Kind.DRAFT : Kind.ACTION,
                  id,
                  live != null && part(live, draft) != null ? live : null,
                  StoredAction.class)
              .orElseThrow(() -> notFound(id, draft));
        });
  }

  /** The published action or the draft without lag, for files, validation and publishing. */
  StoredAction require(String id, boolean draft) {
    return state.read(() -> requireLive(id, draft));
  }

  /**
   * PATCH /actions/{id} (name, category, config) or /actions/{id}/draft; version + 1. The draft of
   * a published action keeps its contract and {@code secure} (ASSUMED, section 5.4).
   */
  StoredAction update(String id, boolean draft, ActionInput.Update update) {
    return state.change(
        () -> {
          StoredAction action = requireLive(id, draft);
          ActionDefinition old = part(action, draft);
          requireVersion(update.version(), old.version(), (draft ? "draft of " : "action ") + id);
          if (draft && action.published() != null) {
            immutable(
                update.contract() != null
                    && !update.contract().equals(action.published().contract()),
                "contract");
            immutable(
                update.secure() != null && update.secure() != action.published().secure(),
                "secure");
          }
          ActionDefinition changed = old.updatedBy(update);
          return put(draft ? action.withDraft(changed) : action.withPublished(changed));
        });
  }

  /** POST /actions/{id}/draft: a draft (version 1) copied from the published action. */
  StoredAction draftFromPublished(String id) {
    return state.change(
        () -> {
          StoredAction action = requireLive(id, false);
          if (action.draft() != null) {
            throw new ApiError(
                409,
                "request.conflict",
                "The action "
                    + id
                    + " already has a draft; change it with PATCH, or delete it first",
                id,
                List.of());
          }
          StoredAction changed = put(action.withDraft(action.published().withVersion(1)));
          state.lag.appeared(Kind.DRAFT, id);
          return changed;
        });
  }

  /**
   * POST /actions/{id}/draft/publish: {@code version} must be the draft's, {@code problems} of the
   * draft must be none; the draft becomes the published action at the published version + 1.
   */
  StoredAction publish(String id, int version, Function<ActionDefinition, List<String>> problems) {
    return state.change(
        () -> {
          StoredAction action = requireLive(id, true);
          requireVersion(version, action.draft().version(), "draft of " + id);
          List<String> found = problems.apply(action.draft());
          if (!found.isEmpty()) {
            throw ActionInput.invalidSchema(found);
          }
          int publishedVersion = action.published() == null ? 1 : action.published().version() + 1;
          if (action.published() == null) {
            state.lag.appeared(Kind.ACTION, id);
          }
          return put(
              new StoredAction(
                  id, action.integrationId(), action.draft().withVersion(publishedVersion), null));
        });
  }

  /** DELETE /actions/{id}: the action and its draft (section 5.9). */
  void delete(String id) {
    state.change(
        () -> {
          StoredAction action = requireLive(id, false);
          state.actions.remove(id);
          forget(state.lag, action);
          return null;
        });
  }

  /** DELETE /actions/{id}/draft; an action that was never published goes with it. */
  void deleteDraft(String id) {
    state.change(
        () -> {
          StoredAction action = requireLive(id, true);
          if (action.published() == null) {
            state.actions.remove(id);
          } else {
            put(action.withDraft(null));
          }
          state.lag.vanished(Kind.DRAFT, id, action);
          return null;
        });
  }

  /** What running the published action or the draft needs. */
  Execution execution(String id, boolean draft) {
    return state.read(
        () -> {
          StoredAction action = requireLive(id, draft);
          StoredIntegration integration = state.integrations.get(action.integrationId());
          String credentialId =
              integration.config().credentials().get(StoredIntegration.CREDENTIAL_KEY);
          StoredCredential credential =
              credentialId == null ? null : state.credentials.get(credentialId);
          return new Execution(
              part(action, draft),
              integration,
              credential == null ? Map.of() : credential.revealedFields());
        });
  }

  /** Records the deletion of an action (and its draft) for the delete lag. */
  static void forget(ConsistencyLag lag, StoredAction action) {
    if (action.published() != null) {
      lag.vanished(Kind.ACTION, action.id(), action);
    }
    if (action.draft() != null) {
      lag.vanished(Kind.DRAFT, action.id(), action);
    }
  }

  static ActionDefinition part(StoredAction action, boolean draft) {
    return draft ? action.draft() : action.published();
  }

  private StoredAction put(StoredAction action) {
    state.actions.put(action.id(), action);
    return action;
  }

  private StoredAction requireLive(String id, boolean draft) {
    StoredAction action = state.actions.get(id);
    if (action == null || part(action, draft) == null) {
      throw notFound(id, draft);
    }
    return action;
  }

  /** ASSUMED (sections 5.4, 5.8): 409 request.conflict, worded as clients detect it. */
  private static void requireVersion(int given, int current, String what) {
    if (given != current) {
      throw new ApiError(
          409,
          "request.conflict",
          "The version "
              + given
              + " of the "
              + what
              + " does not match the current version "
              + current
              + "; read it again and send its current version");
    }
  }

  private static void immutable(boolean changed, String field) {
    if (changed) {
      throw Bodies.badRequest(
          field
              + " cannot change once an action is published, not even in its draft; delete the"
              + " action and create it again",
          field);
    }
  }

  static ApiError notFound(String id, boolean draft) {
    return Bodies.notFound(
        draft
            ? "The action '" + id + "' has no draft"
            : "No published action with the id '" + id + "' exists");
  }
}
