package io.github.genesysllm.emulator.dataactions;

/**
 * An integration (contract sections 4 and 10). Its {@code reportedState} follows from the intended
 * state and the configuration: DISABLED is INACTIVE; ENABLED without a credential under {@code
 * basicAuth} is ERROR; ENABLED is ACTIVATING until the first GET of it after the change, then
 * ACTIVE.
 *
 * @param activating ENABLED was just asked for and no GET has shown it yet (not persisted)
 * @param stateChanged when the intended state or the configuration last changed ({@code
 *     reportedState.lastUpdated})
 */
record StoredIntegration(
    String id,
    String typeId,
    String intendedState,
    boolean activating,
    String createdDate,
    String stateChanged,
    IntegrationConfig config) {

  static final String ENABLED = "ENABLED";
  static final String DISABLED = "DISABLED";

  /** The credential key of {@code custom-rest-actions} (contract section 4.1). */
  static final String CREDENTIAL_KEY = "basicAuth";

  String reportedState() {
    if (!ENABLED.equals(intendedState)) {
      return "INACTIVE";
    }
    if (!config.credentials().containsKey(CREDENTIAL_KEY)) {
      return "ERROR";
    }
    return activating ? "ACTIVATING" : "ACTIVE";
  }

  /** Whether its actions may run: ENABLED with its credential (contract section 7). */
  boolean executable() {
    return ENABLED.equals(intendedState) && config.credentials().containsKey(CREDENTIAL_KEY);
  }

  StoredIntegration withState(String intended, boolean activatingNow, String changed) {
    return new StoredIntegration(id, typeId, intended, activatingNow, createdDate, changed, config);
  }

  StoredIntegration withConfig(IntegrationConfig newConfig, String changed) {
    return new StoredIntegration(
        id, typeId, intendedState, activating, createdDate, changed, newConfig);
  }
}
