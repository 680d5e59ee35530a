package io.github.genesysllm.config;

import static io.github.genesysllm.config.JsonValues.kind;
import static io.github.genesysllm.config.ProviderEntry.API_KEY_ENV;
import static io.github.genesysllm.config.ProviderEntry.API_KEY_SERVER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.WhiteSpace;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a provider's API key from where its configuration points: an environment variable ({@code
 * apiKeyEnv}) or the password of server credentials ({@code apiKeyServerId}). What stands in the
 * way is a problem at that field.
 */
final class ApiKeySources {

  /**
   * An API key read from elsewhere, and where from, for problems ("the API key in environment
   * variable X must be ...").
   */
  record KeyLookup(String key, String description) {}

  private final Function<String, String> env;
  private final ServerSecrets servers;

  ApiKeySources(Function<String, String> env, ServerSecrets servers) {
    this.env = env;
    this.servers = servers;
  }

  /** The key in the environment variable {@code nameNode} names, or null after a problem. */
  KeyLookup fromEnvironment(ProviderEntry entry, JsonNode nameNode, List<Problem> problems) {
    if (!nameNode.isTextual() || WhiteSpace.isBlank(nameNode.asText())) {
      problems.add(
          entry.problem(
              API_KEY_ENV,
              "must be the name of the environment variable that holds the API key, got "
                  + kind(nameNode),
              Fix.of(ConfigHint.FOLLOW_FIELD_RULE)));
      return null;
    }
    String variable = nameNode.asText();
    String key = env.apply(variable);
    if (key == null || key.isEmpty()) {
      problems.add(
          entry.problem(
              API_KEY_ENV,
              "environment variable " + variable + (key == null ? " is not set:" : " is empty:"),
              Fix.of(
                  ConfigHint.SET_ENVIRONMENT_VARIABLE,
                  "set it to the provider's API key in the build's environment (a CI secret, for"
                      + " example)")));
      return null;
    }
    return new KeyLookup(key, "the API key in environment variable " + variable);
  }

  /** The password of the server credentials {@code idNode} names, or null after a problem. */
  KeyLookup fromServer(ProviderEntry entry, JsonNode idNode, List<Problem> problems) {
    if (!idNode.isTextual() || WhiteSpace.isBlank(idNode.asText())) {
      problems.add(
          entry.problem(
              API_KEY_SERVER_ID,
              "must be the id of the server credentials whose password is the API key, got "
                  + kind(idNode),
              Fix.of(ConfigHint.FOLLOW_FIELD_RULE)));
      return null;
    }
    String id = idNode.asText();
    Place server = new Place.ServerEntry(id);
    Optional<ServerCredentials> found;
    try {
      found = servers.find(id);
    } catch (ConfigurationException e) {
      for (Problem problem : e.problems()) {
        problems.add(
            entry.problem(
                API_KEY_SERVER_ID, problem.withWhat("server '" + id + "': " + problem.what())));
      }
      return null;
    }
    if (found.isEmpty()) {
      problems.add(
          entry.problem(
              API_KEY_SERVER_ID,
              "there is no server '" + id + "'",
              Fix.of(
                  ConfigHint.ADD_KEY_SERVER,
                  "add ",
                  server,
                  " whose password is the provider's API key")));
      return null;
    }
    if (found.get().password() == null || found.get().password().isEmpty()) {
      problems.add(
          entry.problem(
              API_KEY_SERVER_ID,
              "server '" + id + "' has no password",
              Fix.of(
                  ConfigHint.COMPLETE_SERVER,
                  "put the provider's API key in the password of ",
                  server)));
      return null;
    }
    return new KeyLookup(
        found.get().password().reveal(), "the API key in the password of server '" + id + "'");
  }
}
