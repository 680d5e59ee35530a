package io.github.genesysllm.config;

import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
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
 *   <li>the server credentials {@code serverId} (default {@value #DEFAULT_SERVER_ID}): username =
 *       OAuth client id, password = client secret;
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
  private final Wording wording;

  /**
   * @param servers the server credentials
   * @param env the environment ({@code System::getenv} in a build)
   * @param wording how the build tool names server credentials, in {@link
   *     OAuthCredentials#source()}
   */
  public CredentialsResolver(ServerSecrets servers, Function<String, String> env, Wording wording) {
    this.servers = servers;
    this.env = env;
    this.wording = wording;
  }

  /**
   * The credentials to use, with {@link OAuthCredentials#source()} saying where they were found.
   *
   * @param serverId the server credentials to look for; null or blank for {@value
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
      return fromServer(new Place.ServerEntry(id), server.get());
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
          Problem.at(
              Place.NOWHERE,
              "environment variable " + present + " is set but " + missing + " is not:",
              Fix.of(
                  ConfigHint.SET_BOTH_OR_NEITHER,
                  "set both (the OAuth client's id and secret), or neither")));
    }
    Optional<OAuthCredentials> last = fallback == null ? Optional.empty() : fallback.get();
    if (last != null && last.isPresent()) {
      return last.get();
    }
    throw nothingFound(new Place.ServerEntry(id));
  }

  private OAuthCredentials fromServer(Place.ServerEntry place, ServerCredentials server)
      throws ConfigurationException {
    boolean noUsername = server.username() == null || server.username().isBlank();
    boolean noPassword = server.password() == null || server.password().isEmpty();
    if (noUsername || noPassword) {
      throw new ConfigurationException(
          Problem.at(
              place,
              "has "
                  + (noUsername && noPassword
                      ? "neither a username nor a password"
                      : noUsername ? "no username" : "no password")
                  + ":",
              Fix.of(
                  ConfigHint.COMPLETE_SERVER,
                  "put the OAuth client id in its username and the client secret in its"
                      + " password")));
    }
    return OAuthCredentials.clientCredentials(
        server.username(), server.password(), wording.place(place));
  }

  private String variable(String name) {
    String value = env.apply(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private static ConfigurationException nothingFound(Place.ServerEntry server) {
    return new ConfigurationException(
        "No Genesys Cloud credentials were found, so nothing was sent to Genesys"
            + " Cloud. The plugin looked in these places, in this order; set one of them:",
        List.of(
            Problem.at(
                Place.NOWHERE,
                "environment variable " + ENV_ACCESS_TOKEN + ": not set.",
                Fix.of(
                    ConfigHint.SET_ENVIRONMENT_VARIABLE,
                    "Set it to a ready access token; when set, it is used instead of client"
                        + " credentials")),
            Problem.at(
                server,
                "there is none.",
                Fix.of(
                    ConfigHint.ADD_CREDENTIALS_SERVER,
                    "Add ",
                    server,
                    " whose username is the OAuth client id and password the client secret")),
            Problem.at(
                Place.NOWHERE,
                "environment variables "
                    + ENV_CLIENT_ID
                    + " and "
                    + ENV_CLIENT_SECRET
                    + ": not set.",
                Fix.of(
                    ConfigHint.SET_ENVIRONMENT_VARIABLE,
                    "Set both to the id and secret of an OAuth client (client credentials grant)"
                        + " with the scopes ai:llm:read and ai:llm:write")),
            Problem.at(
                Place.NOWHERE,
                EMULATOR_SOURCE
                    + ": there is none (the API URL is not that of an emulator started by this"
                    + " build)",
                null)));
  }
}
