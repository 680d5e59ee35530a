package io.github.genesysllm.mojo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.ci.SourceFiles;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.ConfigurationLoader;
import io.github.genesysllm.config.ProviderConfig;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.ReportHeader;
import io.github.genesysllm.reconcile.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that work on the configured providers: their configuration, from the POM and/or a file.
 */
abstract class AbstractProvidersMojo extends AbstractGenesysMojo {

  /**
   * The providers, in the POM. Each names where its API key lives ({@code apiKeyEnv} or {@code
   * apiKeyServerId}); the POM never holds a key.
   *
   * @since 1.0.0
   */
  @Parameter private List<ProviderConfig> providers;

  /**
   * A YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file with a top-level {@code
   * providers} list, in addition to or instead of {@code providers}. Values may use {@code
   * ${env.NAME}} and {@code ${property}} placeholders.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.configFile")
  private File configFile;

  /**
   * Where reports are written.
   *
   * @since 1.0.0
   */
  @Parameter(
      property = "genesys.outputDirectory",
      defaultValue = "${project.build.directory}/genesys-llm")
  private File outputDirectory;

  /**
   * Where the goal runs in a multi-module build, where a parent POM's execution is inherited by
   * every module: {@code end} (the default), once, in the last module of the reactor to reach the
   * execution, as maven-deploy-plugin's {@code deployAtEnd}; {@code root}, once, in the execution
   * root (the project Maven was started in, built first), which must have the execution; {@code
   * each}, in every module that has it. Every module must give the same value. A single-module
   * build runs it in its module whatever the value.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.runAt", defaultValue = "end")
  private String runAt;

  @Parameter(defaultValue = "${project}", readonly = true)
  private MavenProject project;

  AbstractProvidersMojo(SettingsDecrypter settingsDecrypter) {
    super(settingsDecrypter);
  }

  @Override
  boolean runsInThisModule() throws MojoFailureException {
    ReactorOnce.RunAt where = ReactorOnce.RunAt.parse(runAt);
    if (mojoExecution() == null || project == null) {
      return true;
    }
    ReactorOnce.Turn turn = ReactorOnce.of(session()).turn(where, goal(), mojoExecution(), project);
    if (turn.line() != null) {
      getLog().info(turn.line());
    }
    return turn.here();
  }

  @Override
  void checkParameters() throws MojoFailureException {
    super.checkParameters();
    ParameterChecks.requireResolved(configFile, Setting.CONFIG_FILE);
    ParameterChecks.requireResolved(outputDirectory, Setting.OUTPUT_DIRECTORY);
    ParameterChecks.requireDirectoryOrAbsent(outputDirectory, Setting.OUTPUT_DIRECTORY);
  }

  /**
   * The configured providers, every one checked, also against what the target can honour; all
   * problems at once, before any call.
   */
  List<DesiredProvider> desiredProviders() throws ConfigurationException {
    Path file = configFile == null ? null : configFile.toPath();
    List<DesiredProvider> desired =
        new ConfigurationLoader(System::getenv, placeholderProperties(), settingsServers())
            .load(providers, file);
    List<Problem> problems = targetType().problems(desired);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(
          "The configuration cannot be provisioned on the target '"
              + targetType().name()
              + "', chosen by "
              + MavenHelpfulSuggestions.WORDING.setting(Setting.TARGET)
              + ":",
          problems);
    }
    getLog()
        .info(
            desired.size()
                + (desired.size() == 1 ? " provider" : " providers")
                + " configured"
                + (file == null ? "" : " (" + file.getFileName() + " included)"));
    return desired;
  }

  /**
   * What {@code ${property}} placeholders see: system, then project, then command-line properties,
   * the last winning.
   */
  private Properties placeholderProperties() {
    Properties properties = new Properties();
    properties.putAll(session().getSystemProperties());
    if (project != null) {
      properties.putAll(project.getProperties());
    }
    properties.putAll(session().getUserProperties());
    return properties;
  }

  MavenProject project() {
    return project;
  }

  @Override
  SourceFiles sourceFiles() {
    return new SourceFiles(
        super.sourceFiles().buildFile(), configFile == null ? null : configFile.toPath());
  }

  /**
   * Writes {@code outputDirectory/<fileName>}: the {@link ReportHeader} (schema and plugin version,
   * goal, target, time, organization and API URL acted on), then the goal's own fields. Returns its
   * path, for the log.
   */
  Path writeReport(String fileName, ObjectNode body) throws MojoExecutionException {
    Path file = outputDirectory.toPath().resolve(fileName);
    ObjectNode report =
        new ReportHeader(
                goal(), targetType().name(), identity().organizationName(), apiUrl(), Instant.now())
            .wrap(body);
    try {
      ReportWriter.write(file, report);
    } catch (IOException e) {
      throw GoalFailures.error(
          "The report "
              + file
              + " could not be written: "
              + e.getMessage()
              + ". Check that "
              + MavenHelpfulSuggestions.WORDING.setting(Setting.OUTPUT_DIRECTORY)
              + " is writable.",
          e);
    }
    return file;
  }
}
