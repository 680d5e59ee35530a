package io.github.genesysllm.mojo;

import static io.github.genesysllm.mojo.GoalFailures.failure;

import io.github.genesysllm.emulator.EmulatedClient;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.RateWindowKind;
import io.github.genesysllm.secret.Secret;
import java.io.File;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The settings shared by the goals that start a Genesys Cloud emulator ({@code emulator-start},
 * {@code emulator-run}).
 */
abstract class AbstractEmulatorMojo extends AbstractPluginMojo {

  /**
   * The address to listen on. Keep the loopback default unless the emulator must be reached from
   * elsewhere (a container, say).
   *
   * @since 1.0.0
   */
  @Parameter(
      property = "genesys.emulator.bindAddress",
      defaultValue = EmulatorSettings.DEFAULT_BIND_ADDRESS)
  private String bindAddress;

  /**
   * How many requests one access token may make per window; more are answered 429 with {@code
   * Retry-After}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.rateLimit", defaultValue = "300")
  private int rateLimit;

  /**
   * The rate limit's window, in seconds.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.rateWindowSeconds", defaultValue = "60")
  private int rateWindowSeconds;

  /**
   * How the rate limit counts: {@code sliding} (the default): any stretch of {@code
   * rateWindowSeconds}, as Genesys Cloud counts; or {@code fixed} windows, one after the other from
   * a token's first request.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.rateWindow", defaultValue = "sliding")
  private String rateWindow;

  /**
   * How long an access token lives, in seconds ({@code expires_in}); after that, calls with it get
   * 401 {@code credentials.expired}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.tokenTtlSeconds", defaultValue = "86399")
  private long tokenTtlSeconds;

  /**
   * A JSON file that keeps the providers and the data-actions state across runs: read at start when
   * it exists, rewritten after every change. API keys are kept there only as salted hashes;
   * credential values are encrypted (AES-GCM) with a key in {@code <stateFile>.key} beside it, made
   * owner-only on first use. Without it, everything lives in memory only.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.stateFile")
  private File stateFile;

  /**
   * A JSON fault script: ordered rules that answer chosen requests with an error status, a canned
   * body, a delay, or a dropped connection. See the plugin's documentation for the format.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.faultsFile")
  private File faultsFile;

  /**
   * Milliseconds every request waits before it is handled (to emulate a distant region).
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.latencyMillis", defaultValue = "0")
  private long latencyMillis;

  /**
   * Seconds during which a new data action is missing from the name search of {@code GET
   * /api/v2/integrations/actions?name=}, as on a real organization whose search index lags; 0 (the
   * default) for none.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.searchLagSeconds", defaultValue = "0")
  private long searchLagSeconds;

  /**
   * Seconds during which GET of a new credential, integration, data action or draft by id answers
   * 404; 0 (the default) for none.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.createLagSeconds", defaultValue = "0")
  private long createLagSeconds;

  /**
   * Seconds during which GET of a deleted credential, integration, data action or draft by id still
   * answers 200; 0 (the default) for none.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.deleteLagSeconds", defaultValue = "0")
  private long deleteLagSeconds;

  /**
   * The path of the provider resource; change it only along with the plugin's own providers path.
   *
   * @since 1.0.0
   */
  @Parameter(
      property = "genesys.emulator.providersPath",
      defaultValue = EmulatorSettings.DEFAULT_PROVIDERS_PATH)
  private String providersPath;

  /**
   * The OAuth clients the emulator accepts, each with an {@code id}, a {@code secret} and its
   * {@code scopes} ({@code ai:llm:read}, {@code ai:llm:write}, {@code integrations}, {@code
   * integrations:readonly}). When given, they replace the default client {@code emulator-client} /
   * {@code emulator-secret}, which has all four; the first one is the client the goal publishes.
   *
   * @since 1.0.0
   */
  @Parameter private List<EmulatorClient> clients;

  /**
   * Skips the goal: {@code true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.skip", defaultValue = "false")
  private String skip;

  /** The port to listen on; 0 for any free port. */
  abstract int port();

  boolean isSkip() throws MojoFailureException {
    return BooleanParameter.read(skip, "skip", "genesys.emulator.skip");
  }

  /**
   * The emulator's settings from the parameters. @throws MojoFailureException saying which
   * parameter is wrong
   */
  EmulatorSettings settings() throws MojoFailureException {
    ParameterChecks.requireResolved(bindAddress, "bindAddress", "genesys.emulator.bindAddress");
    ParameterChecks.requireResolved(
        providersPath, "providersPath", "genesys.emulator.providersPath");
    ParameterChecks.requireResolved(stateFile, "stateFile", "genesys.emulator.stateFile");
    ParameterChecks.requireResolved(faultsFile, "faultsFile", "genesys.emulator.faultsFile");
    RateWindowKind window;
    try {
      window = RateWindowKind.parse(rateWindow);
    } catch (IllegalArgumentException e) {
      throw failure(
          "Invalid rateWindow '"
              + rateWindow
              + "' (property genesys.emulator.rateWindow): use fixed or sliding",
          e);
    }
    EmulatorSettings.Builder builder =
        EmulatorSettings.builder()
            .port(port())
            .bindAddress(bindAddress)
            .rateLimit(rateLimit)
            .rateWindowSeconds(rateWindowSeconds)
            .rateWindow(window)
            .tokenTtlSeconds(tokenTtlSeconds)
            .latencyMillis(latencyMillis)
            .searchLagSeconds(searchLagSeconds)
            .createLagSeconds(createLagSeconds)
            .deleteLagSeconds(deleteLagSeconds)
            .providersPath(providersPath)
            .stateFile(stateFile == null ? null : stateFile.toPath())
            .faultScript(faultsFile == null ? null : faultsFile.toPath());
    if (faultsFile != null && !faultsFile.exists()) {
      throw failure(
          "The emulator fault script "
              + faultsFile
              + " (faultsFile) does not exist;"
              + " fix the path or remove the parameter");
    }
    if (clients != null) {
      int index = 0;
      for (EmulatorClient client : clients) {
        builder.client(toEmulatedClient(client, index++));
      }
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw failure("The emulator's configuration is wrong: " + e.getMessage(), e);
    }
  }

  private static EmulatedClient toEmulatedClient(EmulatorClient client, int index)
      throws MojoFailureException {
    String where = "The emulator's <clients> entry " + (index + 1);
    if (client.getId() == null || client.getId().isBlank()) {
      throw failure(
          where + " has no <id>; give each <client> an <id>, a <secret> and its <scopes>");
    }
    if (client.getSecret() == null || client.getSecret().isEmpty()) {
      throw failure(where + " ('" + client.getId() + "') has no <secret>; give it one");
    }
    try {
      return new EmulatedClient(
          client.getId(),
          Secret.of(client.getSecret()),
          new HashSet<>(client.getScopes() == null ? List.of() : client.getScopes()));
    } catch (IllegalArgumentException e) {
      throw failure(where + ": " + e.getMessage(), e);
    }
  }

  /** A check of the goal's own before the emulator starts, once its settings are valid. */
  void beforeStart() throws MojoFailureException {}

  /**
   * Starts the emulator with this goal's settings, or returns null, after saying so, when the goal
   * is skipped.
   */
  Emulator startUnlessSkipped() throws MojoFailureException {
    if (isSkip()) {
      getLog().info("Skipping the Genesys Cloud emulator (genesys.emulator.skip)");
      return null;
    }
    EmulatorSettings settings = settings();
    beforeStart();
    try {
      return Emulator.start(settings);
    } catch (IOException | IllegalArgumentException e) {
      throw failure("The Genesys Cloud emulator could not start: " + e.getMessage(), e);
    }
  }
}
