package io.github.genesysllm.mojo;

import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.JournalEntry;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops the Genesys Cloud emulator that {@code emulator-start} started for this project, and writes
 * its request journal (method, path, status or {@code dropped}, fault applied; never a header or a
 * body) as JSON, for integration tests to check what was sent.
 */
@Mojo(
    name = EmulatorStopMojo.GOAL,
    defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST,
    threadSafe = true)
public class EmulatorStopMojo extends AbstractPluginMojo {

  /** The goal's name, as users call it. */
  static final String GOAL = "emulator-stop";

  /**
   * Where the journal of the requests the emulator received is written.
   *
   * @since 1.0.0
   */
  @Parameter(
      property = "genesys.emulator.journalFile",
      defaultValue = "${project.build.directory}/genesys-emulator/journal.json")
  private File journalFile;

  /**
   * Skips the goal: {@code true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.skip", defaultValue = "false")
  private String skip;

  @Override
  String goal() {
    return GOAL;
  }

  @Override
  void executeGoal() throws MojoExecutionException, MojoFailureException {
    if (BooleanParameter.read(skip, "skip", "genesys.emulator.skip")) {
      getLog().info("Skipping the Genesys Cloud emulator (genesys.emulator.skip)");
      return;
    }
    Optional<Emulator> found = StartedEmulator.take(getPluginContext());
    if (found.isEmpty()) {
      getLog()
          .info(
              "No Genesys Cloud emulator is running for this project; nothing to stop"
                  + " ("
                  + EmulatorStartMojo.GOAL
                  + " did not run before "
                  + GOAL
                  + ", or was skipped)");
      return;
    }
    Emulator emulator = found.get();
    emulator.close();
    try {
      emulator.writeJournal(journalFile.toPath());
    } catch (IOException e) {
      throw GoalFailures.error(
          "The emulator's journal could not be written to " + journalFile + ": " + e.getMessage(),
          e);
    }
    getLog()
        .info(
            "Genesys Cloud emulator at "
                + emulator.url()
                + " stopped: "
                + summary(emulator.journal())
                + "; journal "
                + journalFile);
  }

  /** For example {@code 12 requests (2xx: 9, 4xx: 2, 5xx: 0, dropped: 1)}. */
  static String summary(List<JournalEntry> journal) {
    long ok = 0;
    long clientErrors = 0;
    long serverErrors = 0;
    long dropped = 0;
    for (JournalEntry entry : journal) {
      if (entry.dropped()) {
        dropped++;
      } else if (entry.status() >= 500) {
        serverErrors++;
      } else if (entry.status() >= 400) {
        clientErrors++;
      } else {
        ok++;
      }
    }
    return journal.size()
        + (journal.size() == 1 ? " request" : " requests")
        + " (2xx/3xx: "
        + ok
        + ", 4xx: "
        + clientErrors
        + ", 5xx: "
        + serverErrors
        + ", dropped: "
        + dropped
        + ")";
  }
}
