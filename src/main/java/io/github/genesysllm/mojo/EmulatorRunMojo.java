package io.github.genesysllm.mojo;

import io.github.genesysllm.emulator.Emulator;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a local Genesys Cloud emulator in the foreground until Ctrl-C, to try the plugin by hand; no
 * project is needed: {@code mvn io.github.genesysllm:genesys-llm-maven-plugin:emulator-run}. It
 * prints its URL, its client id and secret (fixtures, not real credentials) and a command to get a
 * token.
 */
@Mojo(name = EmulatorRunMojo.GOAL, requiresProject = false, threadSafe = true)
public class EmulatorRunMojo extends AbstractEmulatorMojo {

  /** The goal's name, as users call it. */
  static final String GOAL = "emulator-run";

  /**
   * The port to listen on: 8089 by default, so that the URL stays the same from run to run; 0 for
   * any free port.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.emulator.port", defaultValue = "8089")
  private int port;

  @Override
  int port() {
    return port;
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
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              emulator.close();
              stopped.countDown();
            },
            "genesys-emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    getLog().info("Genesys Cloud emulator listening at " + emulator.url() + " (login and API URL)");
    getLog().info("  client id:     " + emulator.clientId());
    getLog()
        .info(
            "  client secret: "
                + emulator.clientSecret().reveal()
                + "   (a fixture of the emulator)");
    getLog()
        .info(
            "  try: curl -s -u "
                + emulator.clientId()
                + ":"
                + emulator.clientSecret().reveal()
                + " -d grant_type=client_credentials "
                + emulator.url()
                + "/oauth/token");
    getLog().info("Press Ctrl-C to stop.");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      emulator.close();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }
}
