package io.github.genesysllm.emulator.dataactions;

/**
 * A data action (contract section 10): its published definition, its draft, or both; the draft
 * shares the action's id.
 *
 * @param published null while the action was never published
 * @param draft null when it has no draft
 */
record StoredAction(
    String id, String integrationId, ActionDefinition published, ActionDefinition draft) {

  StoredAction withPublished(ActionDefinition definition) {
    return new StoredAction(id, integrationId, definition, draft);
  }

  StoredAction withDraft(ActionDefinition definition) {
    return new StoredAction(id, integrationId, published, definition);
  }
}
