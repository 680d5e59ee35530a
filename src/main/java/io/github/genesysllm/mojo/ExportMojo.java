package io.github.genesysllm.mojo;

import io.github.genesysllm.ci.ResultReports;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.config.ConfigExporter;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.ExportResult;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.reconcile.Exported;
import io.github.genesysllm.reconcile.TargetType.Access;
import java.io.File;
import java.time.Clock;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes every provider of the organization (as the target reads them back) as a configuration file
 * that {@code register} accepts as {@code configFile}: to start managing an existing organization
 * from a build. Every field is written; since the API never returns API keys, each key is written
 * as the placeholder {@code ${env.<SLUG>_API_KEY}}, the slug being the provider's name in upper
 * case with {@code _} for every run of other characters. No project is needed: {@code mvn
 * io.github.genesysllm:genesys-llm-maven-plugin:export -Dgenesys.region=eu-west-1}.
 */
@Mojo(name = ExportMojo.GOAL, requiresProject = false, threadSafe = true)
public class ExportMojo extends AbstractGenesysMojo {

  /** The goal's name, as users call it. */
  static final String GOAL = "export";

  /**
   * Where to write: YAML, or JSON for a {@code .json} name. Relative to the current directory.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.exportFile", defaultValue = "genesys-llm-providers.yaml")
  private File exportFile;

  /**
   * Replaces an existing {@code exportFile}; without it, an existing file stops the goal. {@code
   * true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.overwrite", defaultValue = "false")
  private String overwrite;

  /**
   * Skips export alone ({@code genesys.skip} skips every goal that talks to Genesys Cloud).
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.export.skip", defaultValue = "false")
  private String skipExport;

  @Inject
  public ExportMojo(SettingsDecrypter settingsDecrypter) {
    super(settingsDecrypter);
  }

  @Override
  String goal() {
    return GOAL;
  }

  @Override
  String goalSkip() {
    return skipExport;
  }

  @Override
  void checkParameters() throws MojoFailureException {
    super.checkParameters();
    ParameterChecks.requireResolved(exportFile, Setting.EXPORT_FILE);
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException, ConfigurationException {
    boolean overwrite = BooleanParameter.read(this.overwrite, Setting.OVERWRITE);
    ConfigExporter.checkTarget(exportFile.toPath(), overwrite);
    ExportResult result;
    try (GenesysClient client = connect(Access.READ)) {
      Exported exported = target(client).export();
      exported
          .skipped()
          .forEach(s -> getLog().warn("Not exported: '" + s.name() + "': " + s.reason()));
      result =
          new ConfigExporter(Clock.systemUTC(), MavenHelpfulSuggestions.WORDING)
              .export(
                  exported.providers(),
                  exportFile.toPath(),
                  overwrite,
                  identity().organizationName());
      getLog().info(client.stats().summary());
    }
    getLog()
        .info(
            "Exported "
                + result.apiKeyVariables().size()
                + (result.apiKeyVariables().size() == 1 ? " provider to " : " providers to ")
                + result.file()
                + ". Their API keys are read from these environment variables when the file is registered:");
    result.variableLines().forEach(line -> getLog().info("  " + line));
    ci().goalFinished(
            ResultReports.export(ciHeading(), identity().organizationName(), result),
            sourceFiles());
  }
}
