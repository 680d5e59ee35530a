package io.github.genesysllm.mojo;

import io.github.genesysllm.ci.ResultReports;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.PublishedIds;
import io.github.genesysllm.reconcile.ReconcileOptions;
import io.github.genesysllm.reconcile.Reconciler;
import io.github.genesysllm.reconcile.RegisterResult;
import io.github.genesysllm.reconcile.TargetType.Access;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Makes the configured providers exist in the organization as configured, on the build's target
 * ({@code genesys.target}; by default the custom LLM provider API): creates the missing ones,
 * updates those that differ, leaves the equal ones and everything outside the configuration alone.
 * Run twice, the second run changes nothing.
 *
 * <p>Writes {@code register-report.json} to {@code outputDirectory} and publishes each provider's
 * id as the project property {@code genesys.providers.<slug>.id} (and the ids of a target's other
 * resources as {@code genesys.providers.<slug>.<key>}) for later plugins of the build.
 */
@Mojo(name = RegisterMojo.GOAL, defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class RegisterMojo extends AbstractProvidersMojo {

  /** The goal's name, as users call it. */
  static final String GOAL = "register";

  private static final String PROPERTY_PREFIX = "genesys.providers.";

  /**
   * Prints the plan (what would be created or updated) and changes nothing; needs only read access.
   * {@code true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.dryRun", defaultValue = "false")
  private String dryRun;

  /**
   * Sends the configured API key to every existing provider (a PUT each). Without it a key is sent
   * only when a provider is created, since the API never returns keys to compare. {@code true} or
   * {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.rotateApiKeys", defaultValue = "false")
  private String rotateApiKeys;

  /**
   * Lets register delete and create again what its target cannot change in place: on the {@code
   * dataActions} target, a data action whose contract is not the plugin's current one (it gets a
   * new id, which breaks the Architect flows that call it). Without it such an action fails the
   * provider, naming it. {@code true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.allowRecreate", defaultValue = "false")
  private String allowRecreate;

  /**
   * On the {@code dataActions} target, tests each new or changed data action from the platform side
   * (a draft, its test, then publishing) before it replaces the published one; a failing test
   * leaves the published action as it was and fails the provider. {@code true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.probe", defaultValue = "false")
  private String probe;

  /**
   * How many providers are changed in parallel: 1 to 64.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.concurrency", defaultValue = "4")
  private int concurrency;

  /**
   * Skips register alone ({@code genesys.skip} skips every goal that talks to Genesys Cloud).
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.register.skip", defaultValue = "false")
  private String skipRegister;

  @Inject
  public RegisterMojo(SettingsDecrypter settingsDecrypter) {
    super(settingsDecrypter);
  }

  @Override
  String goal() {
    return GOAL;
  }

  @Override
  String goalSkip() {
    return skipRegister;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException, ConfigurationException {
    boolean dryRun = BooleanParameter.read(this.dryRun, Setting.DRY_RUN);
    ReconcileOptions options =
        ReconcileOptions.defaults()
            .withDryRun(dryRun)
            .withRotateApiKeys(BooleanParameter.read(rotateApiKeys, Setting.ROTATE_API_KEYS))
            .withConcurrency(concurrency)
            .withAllowRecreate(BooleanParameter.read(allowRecreate, Setting.ALLOW_RECREATE))
            .withProbe(BooleanParameter.read(probe, Setting.PROBE));
    List<DesiredProvider> desired = desiredProviders();
    long started = System.nanoTime();
    try (GenesysClient client = connect(dryRun ? Access.READ : Access.WRITE)) {
      RegisterResult result =
          new Reconciler(target(client), options, buildLog()).reconcile(desired);
      Path report =
          writeReport(
              "register-report.json",
              result.toReport(
                  identity().organizationName(), apiUrl(), MavenHelpfulSuggestions.WORDING));
      publishIds(result);
      ci().goalFinished(
              ResultReports.register(
                  ciHeading(),
                  identity().organizationName(),
                  result,
                  desired,
                  MavenHelpfulSuggestions.WORDING),
              sourceFiles());
      getLog()
          .info(
              client.stats().summary()
                  + "; "
                  + String.format("%.1f s", (System.nanoTime() - started) / 1e9)
                  + "; report "
                  + report);
      if (result.hasFailures()) {
        // each provider's own reason, the server's answer mostly: not for the build to fix
        throw GoalFailures.error(
            result.failures().size()
                + " of "
                + desired.size()
                + " providers could not be registered:",
            result.failures().stream()
                .map(f -> f.name() + ": " + f.error(MavenHelpfulSuggestions.WORDING))
                .toList(),
            "The others are as configured; run the build again once the cause is fixed.");
      }
    }
  }

  /**
   * {@code genesys.providers.<slug>.id} and, for a target that makes several resources of one
   * provider, {@code genesys.providers.<slug>.<key>} for each of its other resource ids; for no
   * provider whose slug is empty or shared.
   */
  private void publishIds(RegisterResult result) {
    if (project() == null) {
      return;
    }
    PublishedIds published = PublishedIds.of(result);
    for (PublishedIds.Conflict conflict : published.conflicts()) {
      getLog()
          .warn(
              "No project property for "
                  + conflict.names().stream()
                      .map(n -> "'" + n + "'")
                      .collect(Collectors.joining(", "))
                  + ": "
                  + (conflict.slug().isEmpty()
                      ? "the name has no letter or digit to make a property name of"
                      : "the names share the property names "
                          + PROPERTY_PREFIX
                          + conflict.slug()
                          + ".*"));
    }
    published
        .ids()
        .forEach(
            (key, id) -> {
              project().getProperties().setProperty(PROPERTY_PREFIX + key, id);
              getLog().debug("Set " + PROPERTY_PREFIX + key + " = " + id);
            });
  }
}
