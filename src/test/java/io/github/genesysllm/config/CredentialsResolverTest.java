package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.secret.Secret;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CredentialsResolverTest {

  private static final String CLIENT_ID = CredentialsResolver.ENV_CLIENT_ID;
  private static final String CLIENT_SECRET = CredentialsResolver.ENV_CLIENT_SECRET;
  private static final String ACCESS_TOKEN = CredentialsResolver.ENV_ACCESS_TOKEN;
  private static final Supplier<Optional<OAuthCredentials>> NO_FALLBACK = Optional::empty;
  private static final Supplier<Optional<OAuthCredentials>> NOT_ASKED =
      () -> fail("the fallback was asked");

  private final Map<String, ServerCredentials> servers = new HashMap<>();
  private final Map<String, String> env = new HashMap<>();

  private OAuthCredentials resolve(String serverId, Supplier<Optional<OAuthCredentials>> fallback)
      throws ConfigurationException {
    return new CredentialsResolver(
            id -> Optional.ofNullable(servers.get(id)), env::get, Wording.PLAIN)
        .resolve(serverId, fallback);
  }

  private static Problem only(ConfigurationException e) {
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  private void everySource() {
    servers.put(
        "genesys-cloud", new ServerCredentials("server-client", Secret.of("server-secret")));
    env.put(CLIENT_ID, "env-client");
    env.put(CLIENT_SECRET, "env-secret");
    env.put(ACCESS_TOKEN, "env-token");
  }

  @Test
  void theAccessTokenIsUsedInsteadOfClientCredentialsWhenSet() throws Exception {
    everySource();

    OAuthCredentials credentials = resolve(null, NOT_ASKED);

    assertTrue(credentials.isAccessToken());
    assertEquals("env-token", credentials.accessToken().reveal());
    assertEquals("environment variable GENESYSCLOUD_ACCESS_TOKEN", credentials.source());
  }

  @Test
  void theAccessTokenWinsOverAServerThatCannotBeDecrypted() throws Exception {
    env.put(ACCESS_TOKEN, "env-token");
    CredentialsResolver resolver =
        new CredentialsResolver(
            id -> {
              throw new ConfigurationException(
                  Problem.at(Place.NOWHERE, "not to be looked at", null));
            },
            env::get,
            Wording.PLAIN);

    assertTrue(resolver.resolve(null, NOT_ASKED).isAccessToken());
  }

  @Test
  void theDefaultSettingsServerComesSecond() throws Exception {
    everySource();
    env.remove(ACCESS_TOKEN);

    OAuthCredentials credentials = resolve(null, NOT_ASKED);

    assertEquals("server-client", credentials.clientId());
    assertEquals("server-secret", credentials.clientSecret().reveal());
    assertEquals(
        Wording.PLAIN.place(new Place.ServerEntry("genesys-cloud")),
        credentials.source(),
        "the server, in the build tool's words");
  }

  @Test
  void aServerOfTheCallersChoiceIsLookedFor() throws Exception {
    everySource();
    env.remove(ACCESS_TOKEN);
    servers.put("prod-org", new ServerCredentials("prod-client", Secret.of("prod-secret")));

    OAuthCredentials credentials = resolve("prod-org", NOT_ASKED);

    assertEquals("prod-client", credentials.clientId());
    assertEquals(Wording.PLAIN.place(new Place.ServerEntry("prod-org")), credentials.source());
  }

  @Test
  void theClientVariablesComeThird() throws Exception {
    everySource();
    env.remove(ACCESS_TOKEN);
    servers.clear();

    OAuthCredentials credentials = resolve("genesys-cloud", NOT_ASKED);

    assertEquals("env-client", credentials.clientId());
    assertEquals("env-secret", credentials.clientSecret().reveal());
    assertFalse(credentials.isAccessToken());
    assertEquals(
        "environment variables GENESYSCLOUD_OAUTHCLIENT_ID/GENESYSCLOUD_OAUTHCLIENT_SECRET",
        credentials.source());
  }

  @Test
  void theFallbackComesLast() throws Exception {
    OAuthCredentials emulator =
        OAuthCredentials.clientCredentials(
            "emulator-client", Secret.of("emulator-secret"), CredentialsResolver.EMULATOR_SOURCE);

    OAuthCredentials credentials = resolve(null, () -> Optional.of(emulator));

    assertEquals(emulator, credentials);
    assertEquals("the emulator started in this build", credentials.source());
  }

  @Test
  void emptyVariablesCountAsNotSet() throws Exception {
    servers.put(
        "genesys-cloud", new ServerCredentials("server-client", Secret.of("server-secret")));
    env.put(ACCESS_TOKEN, "");

    assertFalse(resolve(null, NOT_ASKED).isAccessToken());

    servers.clear();
    env.put(CLIENT_ID, "");
    env.put(CLIENT_SECRET, "");
    env.put(ACCESS_TOKEN, "env-token");

    assertTrue(resolve(null, NOT_ASKED).isAccessToken());
  }

  @Test
  void aClientIdWithoutItsSecretIsAnError() {
    env.put(CLIENT_ID, "env-client");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve(null, NOT_ASKED));

    Problem problem = only(e);
    assertEquals(ConfigHint.SET_BOTH_OR_NEITHER, problem.hint());
    assertEquals(
        "environment variable GENESYSCLOUD_OAUTHCLIENT_ID is set but GENESYSCLOUD_OAUTHCLIENT_SECRET"
            + " is not:",
        problem.what());
  }

  @Test
  void aSecretWithoutItsClientIdIsAnError() {
    env.put(CLIENT_SECRET, "env-secret");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve(null, NOT_ASKED));

    assertEquals(ConfigHint.SET_BOTH_OR_NEITHER, only(e).hint());
    assertTrue(
        only(e)
            .what()
            .startsWith(
                "environment variable GENESYSCLOUD_OAUTHCLIENT_SECRET is set but"
                    + " GENESYSCLOUD_OAUTHCLIENT_ID is not"),
        e.getMessage());
    assertFalse(e.getMessage().contains("env-secret"), e.getMessage());
  }

  @Test
  void aServerWithoutUsernameIsAnError() {
    servers.put("genesys-cloud", new ServerCredentials("", Secret.of("server-secret")));
    env.put(CLIENT_ID, "env-client");
    env.put(CLIENT_SECRET, "env-secret");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve(null, NOT_ASKED));

    assertEquals(new Place.ServerEntry("genesys-cloud"), only(e).where());
    assertEquals(ConfigHint.COMPLETE_SERVER, only(e).hint());
    assertEquals("has no username:", only(e).what());
    assertFalse(e.getMessage().contains("server-secret"), e.getMessage());
  }

  @Test
  void aServerWithoutPasswordIsAnError() {
    servers.put("genesys-cloud", new ServerCredentials("server-client", null));

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve(null, NOT_ASKED));

    assertEquals(new Place.ServerEntry("genesys-cloud"), only(e).where());
    assertEquals(ConfigHint.COMPLETE_SERVER, only(e).hint());
    assertEquals("has no password:", only(e).what());
  }

  @Test
  void aServerThatCannotBeDecryptedIsAnError() {
    ConfigurationException broken =
        new ConfigurationException(
            Problem.at(
                new Place.ServerEntry("genesys-cloud"),
                "its password cannot be decrypted",
                Fix.of(ConfigHint.DECRYPT_SERVER_PASSWORD, "check the master password")));
    CredentialsResolver resolver =
        new CredentialsResolver(
            id -> {
              throw broken;
            },
            env::get,
            Wording.PLAIN);

    assertEquals(
        broken,
        assertThrows(ConfigurationException.class, () -> resolver.resolve(null, NOT_ASKED)));
  }

  @Test
  void nothingFoundListsEveryPlaceAndHowToSetIt() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve("my-org", NO_FALLBACK));

    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.header().startsWith("No Genesys Cloud credentials were found"), e.header());
    Place server = new Place.ServerEntry("my-org");
    assertEquals(
        List.of(Place.NOWHERE, server, Place.NOWHERE, Place.NOWHERE),
        e.problems().stream().map(Problem::where).toList());
    assertEquals(
        Arrays.asList(
            ConfigHint.SET_ENVIRONMENT_VARIABLE,
            ConfigHint.ADD_CREDENTIALS_SERVER,
            ConfigHint.SET_ENVIRONMENT_VARIABLE,
            null),
        e.problems().stream().map(Problem::hint).toList());
    assertTrue(e.problems().get(1).fix().parts().contains(server), e.getMessage());
    assertTrue(
        e.problems().get(0).what().startsWith("environment variable " + ACCESS_TOKEN),
        e.getMessage());
    assertTrue(
        e.problems().get(2).what().contains(CLIENT_ID + " and " + CLIENT_SECRET), e.getMessage());
    assertTrue(
        e.problems().get(3).what().startsWith(CredentialsResolver.EMULATOR_SOURCE), e.getMessage());
  }

  @Test
  void noFallbackAtAllIsNothingFoundToo() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve(null, null));

    assertEquals(new Place.ServerEntry("genesys-cloud"), e.problems().get(1).where());
  }
}
