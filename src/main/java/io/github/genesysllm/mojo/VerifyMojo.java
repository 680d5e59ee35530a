package io.github.genesysllm.mojo;

import io.github.genesysllm.ci.ResultReports;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.ProxyRoutes;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.ProbeSettings;
import io.github.genesysllm.reconcile.TargetType.Access;
import io.github.genesysllm.reconcile.Verifier;
import io.github.genesysllm.reconcile.VerifyResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks, read-only, that every configured provider exists in the organization exactly as
 * configured: each field, the models as a set keyed by id, and a stored API key. Each provider is
 * {@code MATCHES}, {@code DRIFTED} (with every difference) or {@code MISSING}; drift fails the
 * build with a table of the differences, unless {@code failOnDrift} is false. Bound after {@code
 * register}, it checks what was just provisioned. Writes {@code verify-report.json} to {@code
 * outputDirectory}.
 *
 * <p><b>The goal is named like a phase but binds to {@code deploy}:</b> {@code <goal>verify</goal>}
 * in an execution without {@code <phase>} runs in the {@code deploy} phase, so {@code mvn verify}
 * (the phase) does not run it. Give the execution a {@code <phase>} to run it earlier; the build
 * log says so when it runs bound by default.
 *
 * <p>With {@code probe}, it also asks each provider's own endpoint for its models ({@code GET
 * <baseUrl>/models} with the provider's API key: never the Genesys token or client secret), and
 * fails when the endpoint cannot be reached, refuses the key, or lacks a configured model. TLS
 * trust comes from the JVM ({@code -Djavax.net.ssl.trustStore=...} for a private CA). The probe
 * goes through the settings.xml proxy Maven chooses for the endpoint's URL (by protocol and {@code
 * nonProxyHosts}), else directly.
 */
@Mojo(name = VerifyMojo.GOAL, defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class VerifyMojo extends AbstractProvidersMojo {

  /** The goal's name, as users call it. */
  static final String GOAL = "verify";

  /**
   * Fails the build when a provider is drifted or missing; false only warns. {@code true} or {@code
   * false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.failOnDrift", defaultValue = "true")
  private String failOnDrift;

  /**
   * Also probes each provider's model endpoint ({@code GET <baseUrl>/models}) with its API key.
   * {@code true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.probe", defaultValue = "false")
  private String probe;

  /**
   * Skips verify alone ({@code genesys.skip} skips every goal that talks to Genesys Cloud).
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.verify.skip", defaultValue = "false")
  private String skipVerify;

  @Inject
  public VerifyMojo(SettingsDecrypter settingsDecrypter) {
    super(settingsDecrypter);
  }

  @Override
  String goal() {
    return GOAL;
  }

  @Override
  String goalSkip() {
    return skipVerify;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException, ConfigurationException {
    boolean failOnDrift = BooleanParameter.read(this.failOnDrift, Setting.FAIL_ON_DRIFT);
    boolean probe = BooleanParameter.read(this.probe, Setting.PROBE);
    String hint = defaultPhaseHint();
    if (hint != null) {
      getLog().info(hint);
    }
    var desired = desiredProviders();
    VerifyResult result;
    try (GenesysClient client = connect(probe ? Access.PROBE : Access.READ)) {
      ProbeSettings probeSettings = probe ? probeSettings(desired) : null;
      result = new Verifier(target(client), buildLog()).verify(desired, probeSettings);
      getLog().info(client.stats().summary());
    }
    Path report = writeReport("verify-report.json", result.toReport());
    ci().goalFinished(
            ResultReports.verify(
                ciHeading(), identity().organizationName(), result, desired, failOnDrift),
            sourceFiles());
    String outcome = result.summary() + "; report " + report;
    boolean probeFailed = result.probeFailures() > 0;
    if (probeFailed || (result.hasDrift() && failOnDrift)) {
      // each failed probe's fix in Maven's words (a trust store, a timeout), under the summary
      throw GoalFailures.failure(
          "verify failed: "
              + outcome
              + (probeFailed
                  ? ""
                  : ". Run register to bring the organization back to the configuration, or"
                      + " set "
                      + MavenHelpfulSuggestions.WORDING.settingValue(
                          Setting.FAIL_ON_DRIFT.is("false"))
                      + " to only warn."),
          result.probeProblems());
    }
    if (result.hasDrift()) {
      getLog()
          .warn(
              "Drift found ("
                  + MavenHelpfulSuggestions.property(Setting.FAIL_ON_DRIFT)
                  + "=false, so the build goes on): "
                  + outcome);
    } else {
      getLog().info("Report " + report);
    }
  }

  /**
   * The one-line hint when this execution runs in the goal's default phase because it names none;
   * null when it names a phase, or the goal was called from the command line.
   */
  private String defaultPhaseHint() {
    MojoExecution mojoExecution = mojoExecution();
    if (mojoExecution == null
        || mojoExecution.getSource() != MojoExecution.Source.LIFECYCLE
        || mojoExecution.getMojoDescriptor() == null) {
      return null;
    }
    String phase = mojoExecution.getLifecyclePhase();
    if (phase == null || !phase.equals(mojoExecution.getMojoDescriptor().getPhase())) {
      return null;
    }
    Plugin plugin = mojoExecution.getPlugin();
    PluginExecution execution =
        plugin == null ? null : plugin.getExecutionsAsMap().get(mojoExecution.getExecutionId());
    if (execution == null || execution.getPhase() != null) {
      return null;
    }
    return "The goal "
        + GOAL
        + " runs in the "
        + phase
        + " phase, its default, as execution '"
        + execution.getId()
        + "' sets no <phase>: 'mvn verify' (the phase) does not run it; give the execution a"
        + " <phase> to run it there.";
  }

  /**
   * How the probe reaches the configured model endpoints: the goal's timeout, Maven's proxy for
   * each endpoint's host, the JVM's trust.
   */
  private ProbeSettings probeSettings(List<DesiredProvider> desired) throws MojoFailureException {
    ProxyRoutes proxies =
        proxyChoice()
            .forUrls(desired.stream().map(p -> URI.create(p.settings().baseUrl())).toList());
    return new ProbeSettings(Duration.ofSeconds(timeoutSeconds()), proxies, null);
  }
}
