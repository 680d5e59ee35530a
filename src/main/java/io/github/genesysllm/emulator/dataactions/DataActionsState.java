package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.client.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the data-actions endpoints keep: credentials, integrations and actions in creation
 * order, with the lag of eventual consistency. One lock guards every read and change; with a state
 * file, every change is written to it before the call returns, and a change whose writing fails is
 * undone in memory too.
 */
final class DataActionsState {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  final Map<String, StoredCredential> credentials = new LinkedHashMap<>();
  final Map<String, StoredIntegration> integrations = new LinkedHashMap<>();
  final Map<String, StoredAction> actions = new LinkedHashMap<>();
  final ConsistencyLag lag;

  private final Object lock = new Object();
  private final TimeSource time;
  private final StateSection section;
  private final StateCodec codec;

  /**
   * @param section the state file's section, or null to keep everything in memory
   * @throws IOException when the stored section is broken or its credentials cannot be decrypted,
   *     saying where and how to fix it
   */
  DataActionsState(TimeSource time, ConsistencyLag lag, StateSection section) throws IOException {
    this.time = time;
    this.lag = lag;
    this.section = section;
    this.codec =
        section == null
            ? null
            : new StateCodec(
                section.file(), new CredentialCipher(CredentialCipher.keyFileFor(section.file())));
    if (section != null && section.read() != null) {
      codec.decode(section.read(), this);
    }
  }

  /** Runs a query under the lock. */
  <T> T read(Supplier<T> query) {
    synchronized (lock) {
      return query.get();
    }
  }

  /**
   * Runs a change under the lock and writes the state file; on any failure (a refusal midway, or
   * the file not written) the maps are as before.
   */
  <T> T change(Supplier<T> mutation) {
    synchronized (lock) {
      Map<String, StoredCredential> credentialsBefore = new LinkedHashMap<>(credentials);
      Map<String, StoredIntegration> integrationsBefore = new LinkedHashMap<>(integrations);
      Map<String, StoredAction> actionsBefore = new LinkedHashMap<>(actions);
      try {
        T result = mutation.get();
        if (section != null) {
          section.write(codec.encode(this));
        }
        return result;
      } catch (IOException | RuntimeException e) {
        restore(credentials, credentialsBefore);
        restore(integrations, integrationsBefore);
        restore(actions, actionsBefore);
        if (e instanceof IOException io) {
          throw new UncheckedIOException(
              "The emulator could not write its state file "
                  + section.file()
                  + ": "
                  + io.getMessage(),
              io);
        }
        throw (RuntimeException) e;
      }
    }
  }

  private static <V> void restore(Map<String, V> map, Map<String, V> before) {
    map.clear();
    map.putAll(before);
  }

  /** The current time as the API writes dates. */
  String now() {
    return TIMESTAMP.format(time.now());
  }
}
