package io.github.genesysllm.emulator;

import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The emulated organization's providers, in creation order. One lock guards every read and change,
 * so concurrent requests lose no update and of two creates racing on one name exactly one wins.
 * With a state file, every change is written to it before the call returns.
 *
 * <p>Tests of other packages use it to change providers "behind the plugin's back"; its changes
 * follow the same rules as the API's (name unique case-insensitively, version +1 on update), and a
 * refusal is an {@link ApiError} with the status and code the API would answer.
 */
public final class ProviderStore {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Object lock = new Object();
  private final Map<String, StoredProvider> byId = new LinkedHashMap<>();
  private final Map<String, String> idByName = new HashMap<>();
  private final String providersPath;
  private final StateFile stateFile;

  /**
   * @throws IOException when the state file exists but cannot be read, naming the file and the fix
   */
  ProviderStore(String providersPath, StateFile stateFile) throws IOException {
    this.providersPath = providersPath;
    this.stateFile = stateFile;
    if (stateFile != null) {
      for (StoredProvider stored : stateFile.providers(providersPath)) {
        String previous =
            idByName.putIfAbsent(key(stored.provider().name()), stored.provider().id());
        if (previous != null || byId.putIfAbsent(stored.provider().id(), stored) != null) {
          throw new IOException(
              "The emulator state file "
                  + stateFile.file()
                  + " holds the name '"
                  + stored.provider().name()
                  + "' or the id "
                  + stored.provider().id()
                  + " twice; fix it or delete it to start empty");
        }
      }
    }
  }

  /**
   * Creates a provider, version 1. @throws ApiError 409 {@code general.conflict} when the name is
   * taken
   */
  public Provider create(ProviderSettings settings, Secret apiKey) {
    Objects.requireNonNull(settings, "settings");
    synchronized (lock) {
      requireNameFree(settings.name(), null);
      String id = UUID.randomUUID().toString();
      String now = now();
      StoredProvider stored =
          new StoredProvider(
              new Provider(id, settings, apiKey != null, 1, now, now, providersPath + "/" + id),
              apiKey == null ? null : ApiKeyHash.of(apiKey));
      change(
          () -> {
            byId.put(id, stored);
            idByName.put(key(settings.name()), id);
          });
      return stored.provider();
    }
  }

  /**
   * Replaces every writable field of a provider and adds 1 to its version; a null {@code apiKey}
   * keeps the stored key.
   *
   * @throws ApiError 404 {@code not.found}; 409 {@code version.mismatch} when {@code version} is
   *     not the current one; 409 {@code general.conflict} when another provider holds the name
   */
  public Provider update(String id, long version, ProviderSettings settings, Secret apiKey) {
    Objects.requireNonNull(settings, "settings");
    synchronized (lock) {
      StoredProvider current = require(id);
      Provider old = current.provider();
      if (old.version() != version) {
        throw new ApiError(
            409,
            "version.mismatch",
            "The provider "
                + id
                + " is at version "
                + old.version()
                + ", not "
                + version
                + "; read it again and resend the update with its current version");
      }
      requireNameFree(settings.name(), id);
      StoredProvider updated =
          new StoredProvider(
              new Provider(
                  id,
                  settings,
                  apiKey != null || current.apiKey() != null,
                  old.version() + 1,
                  old.dateCreated(),
                  now(),
                  old.selfUri()),
              apiKey != null ? ApiKeyHash.of(apiKey) : current.apiKey());
      change(
          () -> {
            byId.put(id, updated);
            idByName.remove(key(old.name()));
            idByName.put(key(settings.name()), id);
          });
      return updated.provider();
    }
  }

  /** Deletes a provider; false when there is none with that id. */
  public boolean delete(String id) {
    synchronized (lock) {
      StoredProvider stored = byId.get(id);
      if (stored == null) {
        return false;
      }
      change(
          () -> {
            byId.remove(id);
            idByName.remove(key(stored.provider().name()));
          });
      return true;
    }
  }

  public Optional<Provider> get(String id) {
    synchronized (lock) {
      return Optional.ofNullable(byId.get(id)).map(StoredProvider::provider);
    }
  }

  /** The provider of that name, compared case-insensitively. */
  public Optional<Provider> findByName(String name) {
    synchronized (lock) {
      return Optional.ofNullable(idByName.get(key(name)))
          .map(byId::get)
          .map(StoredProvider::provider);
    }
  }

  /** Every provider, in creation order. */
  public List<Provider> list() {
    synchronized (lock) {
      List<Provider> out = new ArrayList<>(byId.size());
      byId.values().forEach(s -> out.add(s.provider()));
      return out;
    }
  }

  public int size() {
    synchronized (lock) {
      return byId.size();
    }
  }

  /** Whether the provider's stored API key is {@code candidate} (false when it has none). */
  public boolean apiKeyMatches(String id, Secret candidate) {
    synchronized (lock) {
      StoredProvider stored = byId.get(id);
      return stored != null && stored.apiKey() != null && stored.apiKey().matches(candidate);
    }
  }

  private StoredProvider require(String id) {
    StoredProvider stored = byId.get(id);
    if (stored == null) {
      throw notFound(id);
    }
    return stored;
  }

  static ApiError notFound(String id) {
    return new ApiError(404, "not.found", "No provider with the id '" + id + "' exists");
  }

  private void requireNameFree(String name, String exceptId) {
    String holder = idByName.get(key(name));
    if (holder != null && !holder.equals(exceptId)) {
      throw new ApiError(
          409,
          "general.conflict",
          "A provider named '" + byId.get(holder).provider().name() + "' already exists",
          holder,
          List.of());
    }
  }

  /**
   * Applies a change (under the lock) and writes the state file; when writing fails, the change is
   * undone in memory too, so that memory and file agree and the caller sees the failure.
   */
  private void change(Runnable mutation) {
    if (stateFile == null) {
      mutation.run();
      return;
    }
    Map<String, StoredProvider> before = new LinkedHashMap<>(byId);
    mutation.run();
    try {
      stateFile.saveProviders(byId.values());
    } catch (IOException e) {
      byId.clear();
      byId.putAll(before);
      idByName.clear();
      before.forEach((id, stored) -> idByName.put(key(stored.provider().name()), id));
      throw new UncheckedIOException(
          "The emulator could not write its state file " + stateFile.file() + ": " + e.getMessage(),
          e);
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String now() {
    return TIMESTAMP.format(Instant.now());
  }
}
