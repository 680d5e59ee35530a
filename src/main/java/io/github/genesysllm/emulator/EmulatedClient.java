package io.github.genesysllm.emulator;

import io.github.genesysllm.secret.Secret;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OAuth client the emulator knows: its id, its secret and the scopes granted to it, some of
 * {@link EmulatorSettings#KNOWN_SCOPES} (for example {@code ai:llm:read} or {@code integrations}).
 * The secret is a test fixture, yet it stays a {@link Secret} so that it never shows in a {@code
 * toString}.
 */
public record EmulatedClient(String id, Secret secret, Set<String> scopes) {

  public EmulatedClient {
    Objects.requireNonNull(id, "client id");
    Objects.requireNonNull(secret, "client secret");
    if (id.isBlank() || id.contains(":")) {
      throw new IllegalArgumentException(
          "An emulator client id must be non-blank and without ':' (Basic"
              + " authentication splits at the first ':'), got '"
              + id
              + "'");
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(
          "The emulator client '" + id + "' needs a non-empty secret");
    }
    scopes = Set.copyOf(new TreeSet<>(Objects.requireNonNull(scopes, "scopes")));
    for (String scope : scopes) {
      if (!EmulatorSettings.KNOWN_SCOPES.contains(scope)) {
        throw new IllegalArgumentException(
            "The emulator client '"
                + id
                + "' has the scope '"
                + scope
                + "', which the emulator does not know; use "
                + String.join(", ", EmulatorSettings.KNOWN_SCOPES));
      }
    }
  }

  /**
   * A client with these scopes, for example {@code of("ci-reader", "reader-secret",
   * "ai:llm:read")}.
   */
  public static EmulatedClient of(String id, String secret, String... scopes) {
    return new EmulatedClient(id, Secret.of(secret), Set.of(scopes));
  }
}
