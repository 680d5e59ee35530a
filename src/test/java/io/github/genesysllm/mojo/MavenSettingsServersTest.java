package io.github.genesysllm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.config.ConfigHint;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.ServerCredentials;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Decrypts with Maven's real decrypter over a settings-security.xml written by the test. */
class MavenSettingsServersTest {

  private static final String MASTER = "master-password-for-tests";
  private static final String SECRET = "client-secret-5f2c9a";

  @TempDir Path dir;

  private final Settings settings = new Settings();
  private final List<String> logged = new ArrayList<>();
  private MavenSettingsServers servers;

  @BeforeEach
  void setUp() throws Exception {
    DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    // the master password is itself encrypted with the fixed passphrase "settings.security", as mvn
    // -emp does
    Path security = dir.resolve("settings-security.xml");
    Files.writeString(
        security,
        "<settingsSecurity><master>"
            + cipher.encryptAndDecorate(MASTER, DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION)
            + "</master></settingsSecurity>");
    DefaultSecDispatcher dispatcher =
        new DefaultSecDispatcher(cipher, Map.of(), security.toString());
    settings.addServer(server("encrypted", "client-id", cipher.encryptAndDecorate(SECRET, MASTER)));
    settings.addServer(server("plain", "plain-id", "plain-secret"));
    settings.addServer(server("broken", "broken-id", "{bm90IGEgcmVhbCBjaXBoZXJ0ZXh0}"));
    settings.addServer(server("no-password", "only-id", null));
    servers =
        new MavenSettingsServers(settings, new DefaultSettingsDecrypter(dispatcher), recorder());
  }

  private static Server server(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    return server;
  }

  private BuildLog recorder() {
    return new BuildLog() {
      @Override
      public void debug(String message) {
        logged.add(message);
      }

      @Override
      public void info(String message) {
        logged.add(message);
      }

      @Override
      public void warn(String message) {
        logged.add(message);
      }
    };
  }

  @Test
  void decryptsAnEncryptedPassword() throws Exception {
    ServerCredentials credentials = servers.find("encrypted").orElseThrow();

    assertEquals("client-id", credentials.username());
    assertEquals(SECRET, credentials.password().reveal());
    assertFalse(credentials.toString().contains(SECRET), credentials.toString());
    assertTrue(logged.stream().anyMatch(line -> line.contains("'encrypted'")), logged.toString());
    assertTrue(logged.stream().noneMatch(line -> line.contains(SECRET)), logged.toString());
  }

  @Test
  void readsAPlainPasswordAsIs() throws Exception {
    ServerCredentials credentials = servers.find("plain").orElseThrow();

    assertEquals("plain-id", credentials.username());
    assertEquals("plain-secret", credentials.password().reveal());
    assertTrue(logged.stream().noneMatch(line -> line.contains("plain-secret")), logged.toString());
  }

  @Test
  void aServerWithoutPasswordHasNone() throws Exception {
    ServerCredentials credentials = servers.find("no-password").orElseThrow();

    assertEquals("only-id", credentials.username());
    assertNull(credentials.password());
  }

  @Test
  void aMissingServerIsEmpty() throws Exception {
    assertEquals(Optional.empty(), servers.find("nowhere"));
    assertTrue(
        logged.stream().anyMatch(line -> line.contains("no server 'nowhere'")), logged.toString());
  }

  @Test
  void aPasswordThatCannotBeDecryptedFailsNamingTheServerAndTheFix() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> servers.find("broken"));

    assertEquals(1, e.problems().size());
    Problem problem = e.problems().get(0);
    assertEquals(new Place.ServerEntry("broken"), problem.where());
    assertEquals(ConfigHint.DECRYPT_SERVER_PASSWORD, problem.hint());
    assertTrue(
        MavenHelpfulSuggestions.line(problem).startsWith("settings.xml server 'broken': "),
        MavenHelpfulSuggestions.line(problem));
  }

  @Test
  void aPasswordEncryptedWithAnotherMasterPasswordFails() throws Exception {
    // SECRET encrypted with the master password "another master", fixed: a fresh encryption has a
    // random
    // salt and would, once in a few hundred runs, decrypt to garbage instead of failing
    settings.addServer(
        server(
            "other-master",
            "id",
            "{x7wOTvV2niYHCERnIzJb/ej06kTNODSqOib5OEkh75IXhsf8xclXT1Ysu5kvSulE}"));

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> servers.find("other-master"));

    assertEquals(new Place.ServerEntry("other-master"), e.problems().get(0).where());
    assertTrue(e.getMessage().contains("BadPaddingException"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }
}
