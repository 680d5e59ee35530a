package io.github.genesysllm.config;

import java.util.Optional;

/**
 * The server credentials of the build tool's settings, where users keep secrets (encrypted or not)
 * out of the build file, each by id ({@link io.github.genesysllm.problem.Place.ServerEntry}). The
 * build tool's edge implements it; tests pass a map.
 */
public interface ServerSecrets {

  /**
   * The credentials of the server with id {@code serverId}, or empty when there is no such server.
   *
   * @throws ConfigurationException when the server exists but its password cannot be decrypted: a
   *     problem at the server ({@link ConfigHint#DECRYPT_SERVER_PASSWORD})
   */
  Optional<ServerCredentials> find(String serverId) throws ConfigurationException;
}
