package io.github.genesysllm.config;

import java.util.Optional;

/**
 * The {@code <server>} entries of Maven's {@code settings.xml}, where users keep secrets (encrypted
 * or not) out of the POM. The Maven side implements it; tests pass a map.
 */
public interface ServerSecrets {

  /**
   * The credentials of the server with id {@code serverId}, or empty when there is no such server.
   *
   * @throws ConfigurationException when the server exists but its password cannot be decrypted
   */
  Optional<ServerCredentials> find(String serverId) throws ConfigurationException;
}
