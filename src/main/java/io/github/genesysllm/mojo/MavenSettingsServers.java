package io.github.genesysllm.mojo;

import io.github.genesysllm.config.ConfigHint;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.ServerCredentials;
import io.github.genesysllm.config.ServerSecrets;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The servers of the build's {@code settings.xml}, passwords decrypted with Maven's own decrypter
 * (the master password of {@code ~/.m2/settings-security.xml}), as jib-maven-plugin reads registry
 * credentials. A password that cannot be decrypted fails the build: using the encrypted text as a
 * secret would only fail later, and less clearly.
 */
public final class MavenSettingsServers implements ServerSecrets {

  private final Settings settings;
  private final SettingsDecrypter decrypter;
  private final BuildLog log;

  public MavenSettingsServers(Settings settings, SettingsDecrypter decrypter, BuildLog log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.decrypter = Objects.requireNonNull(decrypter, "decrypter");
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public Optional<ServerCredentials> find(String serverId) throws ConfigurationException {
    Server server = settings.getServer(serverId);
    if (server == null) {
      log.debug("settings.xml has no server '" + serverId + "'");
      return Optional.empty();
    }
    SettingsDecryptionResult result =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    List<String> errors = new ArrayList<>();
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        errors.add(problem.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigurationException(
          Problem.at(
              new Place.ServerEntry(serverId),
              "its password cannot be decrypted (" + String.join("; ", errors) + ").",
              Fix.of(
                  ConfigHint.DECRYPT_SERVER_PASSWORD,
                  "Check the master password (~/.m2/settings-security.xml with Maven 3, mvnenc"
                      + " diag with Maven 4), or encrypt the password again with mvn"
                      + " --encrypt-password (Maven 3) or mvnenc encrypt (Maven 4)")));
    }
    Server decrypted = result.getServer();
    log.debug("Read the username and password of settings.xml server '" + serverId + "'");
    return Optional.of(
        new ServerCredentials(
            decrypted.getUsername(),
            decrypted.getPassword() == null ? null : Secret.of(decrypted.getPassword())));
  }
}
