package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.emulator.dataactions.ConsistencyLag.Kind;
import io.github.genesysllm.provider.ProviderJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The integrations (contract section 4): creation, intended state, the versioned {@code
 * config/current}, and deletion with its actions.
 */
final class IntegrationStore {

  private final DataActionsState state;

  IntegrationStore(DataActionsState state) {
    this.state = state;
  }

  /** A new DISABLED integration, config version 1; {@code name} null for the default. */
  StoredIntegration create(String name) {
    return state.change(
        () -> {
          if (state.integrations.size() >= TypeCatalog.MAX_INTEGRATIONS) {
            throw new ApiError(
                400,
                "max.integrations.reached",
                "The organization already has "
                    + TypeCatalog.MAX_INTEGRATIONS
                    + " integrations of type "
                    + TypeCatalog.INTEGRATION_TYPE
                    + " (maxInstances); delete one first");
          }
          String id = UUID.randomUUID().toString();
          String now = state.now();
          IntegrationConfig config =
              new IntegrationConfig(
                  name == null ? TypeCatalog.INTEGRATION_TYPE_NAME : name,
                  1,
                  "",
                  ProviderJson.MAPPER.createObjectNode(),
                  ProviderJson.MAPPER.createObjectNode(),
                  Map.of());
          StoredIntegration created =
              new StoredIntegration(
                  id,
                  TypeCatalog.INTEGRATION_TYPE,
                  StoredIntegration.DISABLED,
                  false,
                  now,
                  now,
                  config);
          state.integrations.put(id, created);
          state.lag.appeared(Kind.INTEGRATION, id);
          return created;
        });
  }

  /** Every integration, in creation order. */
  List<StoredIntegration> all() {
    return state.read(() -> List.copyOf(state.integrations.values()));
  }

  /**
   * GET by id, with the create and delete lags; a GET shows ACTIVATING once, then the integration
   * is ACTIVE.
   */
  StoredIntegration get(String id) {
    // under the lock but without writing the state file: "activating" is not persisted
    return state.read(
        () -> {
          StoredIntegration live = state.integrations.get(id);
          StoredIntegration shown =
              state
                  .lag
                  .shownById(Kind.INTEGRATION, id, live, StoredIntegration.class)
                  .orElseThrow(() -> notFound(id));
          if (shown == live && live.activating()) {
            state.integrations.put(
                id, live.withState(live.intendedState(), false, live.stateChanged()));
          }
          return shown;
        });
  }

  /** The integration without lag, for its config and its actions. */
  StoredIntegration require(String id) {
    return state.read(() -> requireLive(id));
  }

  /** PATCH {@code intendedState}, ENABLED or DISABLED (section 4.5). */
  StoredIntegration setIntendedState(String id, String intended) {
    return state.change(
        () -> {
          StoredIntegration old = requireLive(id);
          if (old.intendedState().equals(intended)) {
            return old;
          }
          StoredIntegration changed =
              old.withState(intended, intended.equals(StoredIntegration.ENABLED), state.now());
          state.integrations.put(id, changed);
          return changed;
        });
  }

  /** PUT config/current with the current version (section 4.6); version + 1. */
  StoredIntegration replaceConfig(String id, ConfigInput input) {
    return state.change(
        () -> {
          StoredIntegration old = requireLive(id);
          int current = old.config().version();
          if (input.version() != current) {
            throw new ApiError(
                409,
                "version.conflict",
                "Integration configuration update failed due to version conflict: version "
                    + input.version()
                    + " does not match the current version "
                    + current
                    + "; GET config/current and send its version");
          }
          input
              .credentials()
              .forEach(
                  (key, credentialId) -> {
                    if (!state.credentials.containsKey(credentialId)) {
                      throw Bodies.invalidValue(
                          "credentials."
                              + key
                              + ".id: no credential with the id '"
                              + credentialId
                              + "' exists",
                          "credentials." + key + ".id");
                    }
                  });
          StoredIntegration changed = old.withConfig(input.toConfig(current + 1), state.now());
          state.integrations.put(id, changed);
          return changed;
        });
  }

  /** DELETE, with every action (published and draft) of the integration (section 4.7). */
  StoredIntegration delete(String id) {
    return state.change(
        () -> {
          StoredIntegration old = requireLive(id);
          state
              .actions
              .values()
              .removeIf(
                  action -> {
                    if (!action.integrationId().equals(id)) {
                      return false;
                    }
                    ActionStore.forget(state.lag, action);
                    return true;
                  });
          state.integrations.remove(id);
          state.lag.vanished(Kind.INTEGRATION, id, old);
          return old;
        });
  }

  /** The credentials a config names, by key, as they are now. */
  Map<String, StoredCredential> credentialsOf(StoredIntegration integration) {
    return state.read(
        () -> {
          Map<String, StoredCredential> out = new LinkedHashMap<>();
          integration
              .config()
              .credentials()
              .forEach(
                  (key, credentialId) -> {
                    StoredCredential credential = state.credentials.get(credentialId);
                    if (credential != null) {
                      out.put(key, credential);
                    }
                  });
          return out;
        });
  }

  private StoredIntegration requireLive(String id) {
    StoredIntegration integration = state.integrations.get(id);
    if (integration == null) {
      throw notFound(id);
    }
    return integration;
  }

  static ApiError notFound(String id) {
    return Bodies.notFound("No integration with the id '" + id + "' exists");
  }
}
