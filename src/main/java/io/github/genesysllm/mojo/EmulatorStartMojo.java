package io.github.genesysllm.mojo;

import static io.github.genesysllm.mojo.GoalFailures.failure;

import io.github.genesysllm.emulator.Emulator;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Starts a local Genesys Cloud emulator in the build's JVM, for integration tests: it serves the
 * OAuth token endpoint, {@code /api/v2/tokens/me}, the LLM provider resource and the Web Services
 * Data Actions endpoints ({@code /api/v2/integrations/...}) at one URL. The goal publishes the
 * project properties {@code genesys.emulator.url}, {@code genesys.emulator.clientId} and {@code
 * genesys.emulator.clientSecret} (a fixture, not a real secret); the {@code register} goal aimed at
 * that URL uses the emulator's client by itself. The emulator runs until {@code emulator-stop} or
 * the end of the build.
 *
 * <p>A project runs one emulator at a time: a second {@code emulator-start} while the first still
 * runs fails, naming it, rather than leave the first without its {@code emulator-stop} and the
 * goals after it pointed at another emulator.
 */
@Mojo(
    name = EmulatorStartMojo.GOAL,
    defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
    threadSafe = true)
public class EmulatorStartMojo extends AbstractEmulatorMojo {

  /** The goal's name, as users call it. */
  static final String GOAL = "emulator-start";

  static final String URL_PROPERTY = "genesys.emulator.url";
  static final String CLIENT_ID_PROPERTY = "genesys.emulator.clientId";
  static final String CLIENT_SECRET_PROPERTY = "genesys.emulator.clientSecret";

  /**
   * The port to listen on; 0 (the default) picks a free one, published in {@code
   * genesys.emulator.url}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.port", defaultValue = "0")
  private int port;

  /**
   * Where the journal of requests is kept, updated after every request, so that a test can check
   * what was sent even when the build fails before {@code emulator-stop}. Same property as {@code
   * emulator-stop}'s.
   *
   * @since 1.0.0
   */
  @Parameter(
      property = "genesys.emulator.journalFile",
      defaultValue = "${project.build.directory}/genesys-emulator/journal.json")
  private File journalFile;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  int port() {
    return port;
  }

  /** Refuses to start a second emulator while this project's first one runs. */
  @Override
  void beforeStart() throws MojoFailureException {
    Optional<Emulator> running = StartedEmulator.runningIn(getPluginContext());
    if (running.isPresent()) {
      throw failure(
          "A Genesys Cloud emulator started by this project is already running at "
              + running.get().url()
              + "; a second "
              + GOAL
              + " would leave it running without its "
              + EmulatorStopMojo.GOAL
              + " and point the goals after it at another emulator. Run "
              + EmulatorStopMojo.GOAL
              + " before starting another, or remove the second "
              + GOAL
              + " execution.");
    }
  }

  @Override
  String goal() {
    return GOAL;
  }

  @Override
  void executeGoal() throws MojoExecutionException, MojoFailureException {
    Emulator emulator = startUnlessSkipped();
    if (emulator == null) {
      return;
    }
    try {
      emulator.writeJournalContinuously(journalFile.toPath());
    } catch (IOException e) {
      emulator.close();
      throw GoalFailures.error(
          "The emulator's journal could not be written to " + journalFile + ": " + e.getMessage(),
          e);
    }
    StartedEmulator.keep(getPluginContext(), emulator);
    project.getProperties().setProperty(URL_PROPERTY, emulator.url().toString());
    project.getProperties().setProperty(CLIENT_ID_PROPERTY, emulator.clientId());
    project.getProperties().setProperty(CLIENT_SECRET_PROPERTY, emulator.clientSecret().reveal());
    getLog()
        .info(
            "Genesys Cloud emulator listening at "
                + emulator.url()
                + " (OAuth client '"
                + emulator.clientId()
                + "'; properties "
                + URL_PROPERTY
                + ", "
                + CLIENT_ID_PROPERTY
                + ", "
                + CLIENT_SECRET_PROPERTY
                + ")");
  }
}
