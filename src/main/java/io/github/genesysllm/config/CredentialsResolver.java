package io.github.genesysllm.config;

import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds how the plugin authenticates to Genesys Cloud. The first of these that is there wins:
 *
 * <ol>
 *   <li>environment variable {@value #ENV_ACCESS_TOKEN}, a ready access token: as in CX as Code,
 *       when it is set it is used instead of client credentials, wherever those are;
 *   <li>the {@code settings.xml} server {@code serverId} (default {@value #DEFAULT_SERVER_ID}):
 *       username = OAuth client id, password = client secret;
 *   <li>environment variables {@value #ENV_CLIENT_ID} and {@value #ENV_CLIENT_SECRET} (both, or it
 *       is an error);
 *   <li>a fallback of the caller's: the client of the emulator started in this build.
 * </ol>
 *
 * An empty environment variable counts as not set (CI systems leave withheld secrets empty).
 */
public final class CredentialsResolver {

  public static final String DEFAULT_SERVER_ID = "genesys-cloud";
  public static final String ENV_CLIENT_ID = "GENESYSCLOUD_OAUTHCLIENT_ID";
  public static final String ENV_CLIENT_SECRET = "GENESYSCLOUD_OAUTHCLIENT_SECRET";
  public static final String ENV_ACCESS_TOKEN = "GENESYSCLOUD_ACCESS_TOKEN";

  /** The source the caller should give the emulator's credentials, so that messages read alike. */
  public static final String EMULATOR_SOURCE = "the emulator started in this build";

  private final ServerSecrets servers;
  private final Function<String, String> env;

  /**
   * @param servers the {@code settings.xml} servers
   * @param env the environment ({@code System::getenv} in a build)
   */
  public CredentialsResolver(ServerSecrets servers, Function<String, String> env) {
    this.servers = servers;
    this.env = env;
  }

  /**
   * The credentials to use, with {@link OAuthCredentials#source()} saying where they were found.
   *
   * @param serverId the {@code settings.xml} server to look for; null or blank for {@value
   *     #DEFAULT_SERVER_ID}
   * @param fallback the last resort (the emulator's client), asked only when nothing else is there;
   *     null when there is none
   * @throws ConfigurationException when a source is there but incomplete, or nothing is there at
   *     all
   */
  public OAuthCredentials resolve(String serverId, Supplier<Optional<OAuthCredentials>> fallback)
      throws ConfigurationException {
    String token = variable(ENV_ACCESS_TOKEN);
    if (token != null) {
      return OAuthCredentials.accessToken(
          Secret.of(token), "environment variable " + ENV_ACCESS_TOKEN);
    }
    String id = serverId == null || serverId.isBlank() ? DEFAULT_SERVER_ID : serverId;
    Optional<ServerCredentials> server = servers.find(id);
    if (server.isPresent()) {
      return fromServer(id, server.get());
    }
    String clientId = variable(ENV_CLIENT_ID);
    String clientSecret = variable(ENV_CLIENT_SECRET);
    if (clientId != null && clientSecret != null) {
      return OAuthCredentials.clientCredentials(
          clientId,
          Secret.of(clientSecret),
          "environment variables " + ENV_CLIENT_ID + "/" + ENV_CLIENT_SECRET);
    }
    if (clientId != null || clientSecret != null) {
      String missing = clientId == null ? ENV_CLIENT_ID : ENV_CLIENT_SECRET;
      String present = clientId == null ? ENV_CLIENT_SECRET : ENV_CLIENT_ID;
      throw new ConfigurationException(
          "environment variable "
              + present
              + " is set but "
              + missing
              + " is not: set both (the OAuth client's id and secret), or neither");
    }
    Optional<OAuthCredentials> last = fallback == null ? Optional.empty() : fallback.get();
    if (last != null && last.isPresent()) {
      return last.get();
    }
    throw nothingFound(id);
  }

  private static OAuthCredentials fromServer(String id, ServerCredentials server)
      throws ConfigurationException {
    boolean noUsername = server.username() == null || server.username().isBlank();
    boolean noPassword = server.password() == null || server.password().isEmpty();
    if (noUsername || noPassword) {
      throw new ConfigurationException(
          "settings.xml server '"
              + id
              + "' has "
              + (noUsername && noPassword
                  ? "neither a username nor a password"
                  : noUsername ? "no username" : "no password")
              + ": put the OAuth client id in its <username> and the client secret in its <password>");
    }
    return OAuthCredentials.clientCredentials(
        server.username(), server.password(), "settings.xml server '" + id + "'");
  }

  private String variable(String name) {
    String value = env.apply(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private static ConfigurationException nothingFound(String serverId) {
    return new ConfigurationException(
        "No Genesys Cloud credentials were found, so nothing was sent to Genesys"
            + " Cloud. The plugin looked in these places, in this order; set one of them:",
        List.of(
            "environment variable "
                + ENV_ACCESS_TOKEN
                + ": not set. Set it to a ready access token; when set, it is used instead of"
                + " client credentials",
            "settings.xml server '"
                + serverId
                + "': there is none. Add <server><id>"
                + serverId
                + "</id><username>OAUTH_CLIENT_ID</username><password>OAUTH_CLIENT_SECRET"
                + "</password></server> to <servers> in ~/.m2/settings.xml (encrypt the secret"
                + " with mvn --encrypt-password, or mvnenc encrypt in Maven 4)",
            "environment variables "
                + ENV_CLIENT_ID
                + " and "
                + ENV_CLIENT_SECRET
                + ": not set. Set both to"
                + " the id and secret of an OAuth client (client credentials grant) with the scopes"
                + " ai:llm:read and ai:llm:write",
            EMULATOR_SOURCE
                + ": there is none (the API URL is not that of an emulator started by this build)"));
  }
}
