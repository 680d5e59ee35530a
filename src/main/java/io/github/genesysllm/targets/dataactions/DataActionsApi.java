package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import java.util.Optional;

/**
 * The calls of the data-actions API (contract sections 3 to 7) the target makes, one request or one
 * listing each; the loops over them (versions, waits) are {@link Settling}'s. Every method throws
 * {@link io.github.genesysllm.client.GenesysApiException} when the server refuses the call or
 * cannot be reached within the retry budget; a create whose answer was lost is settled by looking
 * the name up before anything is sent again, and adopts what it finds.
 */
public interface DataActionsApi {

  /** The names of {@code GET /credentials/types}. */
  List<String> credentialTypes();

  /** Every credential of the organization, through the cursor listing. */
  List<Credential> credentials();

  /** A {@code userDefined} credential holding {@code apiKey} in its field {@code apiKey}. */
  Credential createCredential(String name, Secret apiKey);

  /** Replaces a credential's name, type and key ({@code PUT}): the key rotation. */
  void updateCredential(String id, String name, Secret apiKey);

  /** False when it was already gone (404). */
  boolean deleteCredential(String id);

  /** Every integration of the organization, of every type, page by page. */
  List<Integration> integrations();

  /** Empty on 404. */
  Optional<Integration> integration(String id);

  /** A {@code custom-rest-actions} integration of that name. */
  Integration createIntegration(String name);

  /** {@code PATCH} of {@code intendedState} ({@code ENABLED} or {@code DISABLED}). */
  Integration setIntendedState(String id, String intendedState);

  /** False when it was already gone (404). */
  boolean deleteIntegration(String id);

  /** {@code GET config/current}. */
  IntegrationConfig config(String integrationId);

  /** {@code PUT config/current} with the config's version; a stale one is a version mismatch. */
  IntegrationConfig putConfig(String integrationId, IntegrationConfig config);

  /**
   * Published actions, page by page: those the server's {@code name} search returns, or all of them
   * when {@code nameSearch} is null. The server's matching is its own: callers match again.
   */
  List<ActionSummary> actions(String nameSearch);

  /** Drafts, page by page, as {@link #actions} lists published actions. */
  List<ActionSummary> drafts(String nameSearch);

  /**
   * A published action in full (contract, configuration, templates); empty on 404. Writes answer
   * only what identifies the action and its new version.
   */
  Optional<DataAction> action(String id);

  /**
   * Whether a published action answers by id, in one request (without its contract, configuration
   * or templates): false on 404.
   */
  boolean actionAnswers(String id);

  /** An action's draft in full; empty on 404 (no draft). */
  Optional<DataAction> draft(String id);

  /** {@code POST /actions}: a published action. */
  ActionSummary createAction(String integrationId, ActionDefinition action);

  /** {@code POST /actions/drafts}: a new action that exists only as a draft. */
  ActionSummary createDraft(String integrationId, ActionDefinition action);

  /** {@code PATCH} of a published action's name, category and configuration. */
  ActionSummary updateAction(String id, long version, ActionDefinition action);

  /** {@code POST /actions/{id}/draft}: a draft of the published action. */
  ActionSummary draftOf(String id);

  /** {@code PATCH} of a draft's name, category and configuration. */
  ActionSummary updateDraft(String id, long version, ActionDefinition action);

  /** {@code POST /draft/publish} with the draft's version. */
  ActionSummary publish(String id, long draftVersion);

  /** False when it was already gone (404). */
  boolean deleteAction(String id);

  /** False when there was no draft (404). */
  boolean deleteDraft(String id);

  /** {@code POST /actions/{id}/test}. */
  TestRun test(String id, JsonNode input);

  /** {@code POST /actions/{id}/draft/test}. */
  TestRun testDraft(String id, JsonNode input);
}
