package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.secret.Secret;
import java.util.HashMap;
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
    return new CredentialsResolver(id -> Optional.ofNullable(servers.get(id)), env::get)
        .resolve(serverId, fallback);
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
              throw new ConfigurationException("not to be looked at");
            },
            env::get);

    assertTrue(resolver.resolve(null, NOT_ASKED).isAccessToken());
  }

  @Test
  void theDefaultSettingsServerComesSecond() throws Exception {
    everySource();
    env.remove(ACCESS_TOKEN);

    OAuthCredentials credentials = resolve(null, NOT_ASKED);

    assertEquals("server-client", credentials.clientId());
    assertEquals("server-secret", credentials.clientSecret().reveal());
    assertEquals("settings.xml server 'genesys-cloud'", credentials.source());
  }

  @Test
  void aServerOfTheCallersChoiceIsLookedFor() throws Exception {
    everySource();
    env.remove(ACCESS_TOKEN);
    servers.put("prod-org", new ServerCredentials("prod-client", Secret.of("prod-secret")));

    OAuthCredentials credentials = resolve("prod-org", NOT_ASKED);

    assertEquals("prod-client", credentials.clientId());
    assertEquals("settings.xml server 'prod-org'", credentials.source());
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

    assertEquals(
        "environment variable GENESYSCLOUD_OAUTHCLIENT_ID is set but GENESYSCLOUD_OAUTHCLIENT_SECRET is"
            + " not: set both (the OAuth client's id and secret), or neither",
        e.getMessage());
  }

  @Test
  void aSecretWithoutItsClientIdIsAnError() {
    env.put(CLIENT_SECRET, "env-secret");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve(null, NOT_ASKED));

    assertTrue(
        e.getMessage()
            .contains(
                "GENESYSCLOUD_OAUTHCLIENT_SECRET is set but GENESYSCLOUD_OAUTHCLIENT_ID is"
                    + " not"),
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

    assertTrue(
        e.getMessage().startsWith("settings.xml server 'genesys-cloud' has no username:"),
        e.getMessage());
    assertFalse(e.getMessage().contains("server-secret"), e.getMessage());
  }

  @Test
  void aServerWithoutPasswordIsAnError() {
    servers.put("genesys-cloud", new ServerCredentials("server-client", null));

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve(null, NOT_ASKED));

    assertTrue(
        e.getMessage().startsWith("settings.xml server 'genesys-cloud' has no password:"),
        e.getMessage());
  }

  @Test
  void aServerThatCannotBeDecryptedIsAnError() {
    ConfigurationException broken =
        new ConfigurationException(
            "settings.xml server 'genesys-cloud': its password" + " cannot be decrypted");
    CredentialsResolver resolver =
        new CredentialsResolver(
            id -> {
              throw broken;
            },
            env::get);

    assertEquals(
        broken,
        assertThrows(ConfigurationException.class, () -> resolver.resolve(null, NOT_ASKED)));
  }

  @Test
  void nothingFoundListsEveryPlaceAndHowToSetIt() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve("my-org", NO_FALLBACK));

    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("No Genesys Cloud credentials were found"), e.getMessage());
    assertTrue(
        e.problems().get(0).startsWith("environment variable GENESYSCLOUD_ACCESS_TOKEN: not set"),
        e.getMessage());
    assertTrue(
        e.problems().get(1).startsWith("settings.xml server 'my-org': there is none"),
        e.getMessage());
    assertTrue(e.problems().get(1).contains("<id>my-org</id>"), e.getMessage());
    assertTrue(
        e.problems().get(1).contains("<username>OAUTH_CLIENT_ID</username>"), e.getMessage());
    assertTrue(
        e.problems()
            .get(2)
            .startsWith(
                "environment variables GENESYSCLOUD_OAUTHCLIENT_ID and"
                    + " GENESYSCLOUD_OAUTHCLIENT_SECRET: not set"),
        e.getMessage());
    assertTrue(
        e.problems().get(3).startsWith("the emulator started in this build: there is none"),
        e.getMessage());
  }

  @Test
  void noFallbackAtAllIsNothingFoundToo() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> resolve(null, null));

    assertTrue(
        e.getMessage().contains("settings.xml server 'genesys-cloud': there is none"),
        e.getMessage());
  }
}
