package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.emulator.dataactions.ConsistencyLag.Kind;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The credentials (contract section 3): their lifecycle and who may delete one. */
final class CredentialStore {

  private final DataActionsState state;

  CredentialStore(DataActionsState state) {
    this.state = state;
  }

  StoredCredential create(CredentialInput input) {
    return state.change(
        () -> {
          String id = UUID.randomUUID().toString();
          String now = state.now();
          StoredCredential created =
              new StoredCredential(id, input.name(), input.typeName(), input.fields(), now, now);
          state.credentials.put(id, created);
          state.lag.appeared(Kind.CREDENTIAL, id);
          return created;
        });
  }

  /** PUT: full replacement, no version (section 3.6). */
  StoredCredential replace(String id, CredentialInput input) {
    return state.change(
        () -> {
          StoredCredential old = require(id);
          StoredCredential replaced =
              new StoredCredential(
                  id,
                  input.name(),
                  input.typeName(),
                  input.fields(),
                  old.createdDate(),
                  state.now());
          state.credentials.put(id, replaced);
          return replaced;
        });
  }

  /** DELETE; refused 409 while an integration's config names it (ASSUMED, section 3.7). */
  void delete(String id) {
    state.change(
        () -> {
          StoredCredential old = require(id);
          for (StoredIntegration integration : state.integrations.values()) {
            if (integration.config().credentials().containsValue(id)) {
              throw new ApiError(
                  409,
                  "request.conflict",
                  "The credential "
                      + id
                      + " is in use by the integration "
                      + integration.id()
                      + " ('"
                      + integration.config().name()
                      + "'); delete that integration or configure another credential first",
                  integration.id(),
                  List.of());
            }
          }
          state.credentials.remove(id);
          state.lag.vanished(Kind.CREDENTIAL, id, old);
          return null;
        });
  }

  /** GET by id, with the create and delete lags. */
  StoredCredential get(String id) {
    return state.read(
        () ->
            state
                .lag
                .shownById(Kind.CREDENTIAL, id, state.credentials.get(id), StoredCredential.class)
                .orElseThrow(() -> notFound(id)));
  }

  /** Every credential in id order, the stable order of both listings. */
  List<StoredCredential> byId() {
    return state.read(
        () ->
            state.credentials.values().stream()
                .sorted(Comparator.comparing(StoredCredential::id))
                .toList());
  }

  private StoredCredential require(String id) {
    StoredCredential credential = state.credentials.get(id);
    if (credential == null) {
      throw notFound(id);
    }
    return credential;
  }

  static ApiError notFound(String id) {
    return Bodies.notFound("No credential with the id '" + id + "' exists");
  }
}
