package io.github.genesysllm.mojo;

import static io.github.genesysllm.mojo.GoalFailures.failure;

import io.github.genesysllm.ci.ResultReports;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.reconcile.DeletionConfirmation;
import io.github.genesysllm.reconcile.TargetType.Access;
import io.github.genesysllm.reconcile.UnregisterResult;
import io.github.genesysllm.reconcile.Unregisterer;
import java.nio.file.Path;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Deletes each configured provider, found by name; one already absent is reported {@code ABSENT},
 * not an error. A provider that is not in the configuration is never deleted. Not bound to a phase:
 * run it on purpose ({@code mvn genesys-llm:unregister -Dgenesys.confirm="<organization name>"}).
 * It deletes only with {@code confirm} set to the name of the organization the credentials act on;
 * without it, or with another name, it fails before any deletion and says how to confirm. A dry run
 * needs no confirmation. Writes {@code unregister-report.json} to {@code outputDirectory}.
 */
@Mojo(name = UnregisterMojo.GOAL, threadSafe = true)
public class UnregisterMojo extends AbstractProvidersMojo {

  /** The goal's name, as users call it. */
  static final String GOAL = "unregister";

  /**
   * Lists what would be deleted ({@code WOULD_DELETE}) and deletes nothing; needs only read access.
   * {@code true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.dryRun", defaultValue = "false")
  private String dryRun;

  /**
   * The name of the organization the providers are deleted from, exactly as Genesys Cloud names it
   * (the build log prints it: {@code Organization '...'}); its id when it has no name. Without it,
   * or with another organization's name, nothing is deleted. A dry run needs none.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.confirm")
  private String confirm;

  /**
   * Skips unregister alone ({@code genesys.skip} skips every goal that talks to Genesys Cloud).
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.unregister.skip", defaultValue = "false")
  private String skipUnregister;

  @Inject
  public UnregisterMojo(SettingsDecrypter settingsDecrypter) {
    super(settingsDecrypter);
  }

  @Override
  String goal() {
    return GOAL;
  }

  @Override
  String goalSkip() {
    return skipUnregister;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException, ConfigurationException {
    boolean dryRun = BooleanParameter.read(this.dryRun, Setting.DRY_RUN);
    var desired = desiredProviders();
    UnregisterResult result;
    try (GenesysClient client = connect(dryRun ? Access.READ : Access.WRITE)) {
      Optional<Problem> unconfirmed =
          dryRun ? Optional.empty() : DeletionConfirmation.problem(identity(), confirm);
      if (unconfirmed.isPresent()) {
        throw failure(unconfirmed.get());
      }
      result = new Unregisterer(target(client), buildLog()).unregister(desired, dryRun);
      getLog().info(client.stats().summary());
    }
    // the Unregisterer logged the summary line
    Path report =
        writeReport("unregister-report.json", result.toReport(MavenHelpfulSuggestions.WORDING));
    ci().goalFinished(
            ResultReports.unregister(
                ciHeading(),
                identity().organizationName(),
                result,
                desired,
                MavenHelpfulSuggestions.WORDING),
            sourceFiles());
    getLog().info("Report " + report);
    if (result.hasFailures()) {
      // each provider's own reason, the server's answer mostly: not for the build to fix
      throw GoalFailures.error(
          result.failures().size() + " providers could not be deleted:",
          result.failures().stream()
              .map(f -> f.name() + ": " + f.error(MavenHelpfulSuggestions.WORDING))
              .toList(),
          null);
    }
  }
}
