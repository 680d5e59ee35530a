package io.github.genesysllm.emulator;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What each of an emulator's settings accepts, and the defaults it derives: each check returns the
 * value to keep, or throws an {@link IllegalArgumentException} that names the setting, what it
 * accepts and what it got.
 */
final class EmulatorSettingsRules {

  private EmulatorSettingsRules() {}

  static int port(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "The emulator port must be 0 (any free port) to 65535, got " + port);
    }
    return port;
  }

  static String bindAddress(String bindAddress) {
    if (bindAddress == null || bindAddress.isBlank()) {
      throw new IllegalArgumentException(
          "The emulator bind address must be set, for example 127.0.0.1");
    }
    return bindAddress.strip();
  }

  /** A count of {@code unit}s that must be 1 or more ({@code what}: "rate limit"). */
  static long atLeastOne(String what, String unit, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "The emulator " + what + " must be at least 1 " + unit + ", got " + value);
    }
    return value;
  }

  static long latencyMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(
          "The emulator latency must be 0 or more milliseconds, got " + millis);
    }
    return millis;
  }

  /** A lag, by its setting's name: 0 (none) or more seconds. */
  static long lag(String name, long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException(
          "The emulator's " + name + " must be 0 (no lag) or more seconds, got " + seconds);
    }
    return seconds;
  }

  static String organizationName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("The emulated organization needs a name");
    }
    return name;
  }

  /**
   * The organization id of an organization named {@code name}: stable across restarts, so that a
   * state file and the organization id go together.
   */
  static String organizationIdOf(String name) {
    return UUID.nameUUIDFromBytes(("genesys-emulator:" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The clients given, each id once; the default client with every scope when none is given. */
  static List<EmulatedClient> clients(List<EmulatedClient> given) {
    List<EmulatedClient> clients =
        given.isEmpty()
            ? List.of(
                EmulatedClient.of(
                    EmulatorSettings.DEFAULT_CLIENT_ID,
                    EmulatorSettings.DEFAULT_CLIENT_SECRET,
                    EmulatorSettings.KNOWN_SCOPES.toArray(String[]::new)))
            : List.copyOf(given);
    Set<String> ids = new HashSet<>();
    for (EmulatedClient client : clients) {
      if (!ids.add(client.id())) {
        throw new IllegalArgumentException(
            "The emulator client id '" + client.id() + "' is given twice; ids must be unique");
      }
    }
    return clients;
  }

  /** The providers path, which names a resource, without a trailing slash. */
  static String providersPath(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.length() < 2
        || path.contains("?")
        || path.contains("*")) {
      throw new IllegalArgumentException(
          "The providers path must start with '/' and name a resource, for example "
              + EmulatorSettings.DEFAULT_PROVIDERS_PATH
              + ", got '"
              + path
              + "'");
    }
    String trimmed = path;
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
