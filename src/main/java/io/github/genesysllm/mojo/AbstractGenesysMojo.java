package io.github.genesysllm.mojo;

import static io.github.genesysllm.mojo.GoalFailures.failure;

import io.github.genesysllm.ci.CiReporter;
import io.github.genesysllm.ci.SourceFiles;
import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.GenesysHosts;
import io.github.genesysllm.client.Identity;
import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.client.ProxyRoutes;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.CredentialsResolver;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.reconcile.Target;
import io.github.genesysllm.reconcile.TargetType;
import io.github.genesysllm.targets.Targets;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal that talks to Genesys Cloud shares: the target (which API hosts the providers),
 * where (region or URLs), as whom (credentials, never a parameter's value), how patiently
 * (timeouts, retry budget, pacing), and the skip flag. The goals themselves stay thin: they read
 * their own parameters and delegate to plain classes, and never branch on the target.
 */
abstract class AbstractGenesysMojo extends AbstractPluginMojo {

  static final String ENV_REGION = "GENESYSCLOUD_REGION";

  /**
   * The Genesys Cloud region: {@code eu-west-1}, its underscore form {@code eu_west_1}, or the
   * domain ({@code mypurecloud.ie}). When not set, the environment variable {@code
   * GENESYSCLOUD_REGION}. Replaced by {@code apiUrl}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.region")
  private String region;

  /**
   * An explicit API URL (the emulator, a proxy or a private deployment), instead of {@code region}.
   * Plain {@code http} only for loopback hosts.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.apiUrl")
  private String apiUrl;

  /**
   * An explicit login URL. By default the API URL with a leading {@code api.} of its host replaced
   * by {@code login.}, or the API URL itself when the host does not start with {@code api.}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.loginUrl")
  private String loginUrl;

  /**
   * The settings.xml server holding the OAuth client: username = client id, password = client
   * secret (encrypted with {@code mvn --encrypt-password} in Maven 3, {@code mvnenc encrypt} in
   * Maven 4, or not). As in CX as Code, the environment variable {@code GENESYSCLOUD_ACCESS_TOKEN},
   * when set, is used instead of any client credentials. When there is no such server, the
   * environment variables {@code GENESYSCLOUD_OAUTHCLIENT_ID} and {@code
   * GENESYSCLOUD_OAUTHCLIENT_SECRET}, then the client of an emulator started in this build.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.serverId", defaultValue = CredentialsResolver.DEFAULT_SERVER_ID)
  private String serverId;

  /**
   * Which Genesys Cloud API hosts the configured providers: {@code providers} (the custom LLM
   * provider API). Any other value stops the goal before any request, listing the known targets.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.target", defaultValue = Targets.DEFAULT)
  private String target;

  /**
   * The path of the provider resource, in case the platform serves it elsewhere.
   *
   * @since 1.0.0
   */
  @Parameter(
      property = "genesys.providersPath",
      defaultValue = ClientOptions.DEFAULT_PROVIDERS_PATH)
  private String providersPath;

  /**
   * Connect and response timeout of each HTTP request, in seconds.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.timeoutSeconds", defaultValue = "30")
  private int timeoutSeconds;

  /**
   * The retry budget of the run, in seconds: wall-clock time from a request's first attempt to the
   * end of the wait before its next (429 rate limits, transient faults), parallel retries counted
   * once. A wait that would go beyond it fails at once; a request is sent at most 10 times.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.maxRetryTimeSeconds", defaultValue = "120")
  private int maxRetryTimeSeconds;

  /**
   * Client-side pacing: at most this many requests in any 60 s (the platform's default limit is
   * 300); below it nothing waits. A lower limit stated in a 429 is kept to as well. 0 turns pacing
   * off.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.maxRequestsPerMinute", defaultValue = "300")
  private int maxRequestsPerMinute;

  /**
   * Skips every goal that talks to Genesys Cloud ({@code genesys.<goal>.skip} skips one of them):
   * {@code true} or {@code false}.
   *
   * @since 1.0.0
   */
  @Parameter(property = "genesys.skip", defaultValue = "false")
  private String skip;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  private MojoExecution mojoExecution;

  private final SettingsDecrypter settingsDecrypter;

  private BuildLog buildLog;
  private CiReporter ci;
  private TargetType targetType;
  private Identity identity;
  private GenesysHosts connectedHosts;

  /** Maven's components, injected through the goal's constructor. */
  AbstractGenesysMojo(SettingsDecrypter settingsDecrypter) {
    this.settingsDecrypter = settingsDecrypter;
  }

  @Override
  final void executeGoal() throws MojoExecutionException, MojoFailureException {
    if (!runsInThisModule()) {
      return;
    }
    if (BooleanParameter.read(skip, Setting.SKIP)) {
      getLog()
          .info("Skipping " + goal() + " (" + MavenHelpfulSuggestions.property(Setting.SKIP) + ")");
      return;
    }
    String goalSkipProperty = MavenHelpfulSuggestions.PROPERTY_PREFIX + goal() + ".skip";
    String goalSkipName = "skip" + Character.toUpperCase(goal().charAt(0)) + goal().substring(1);
    if (goalSkip() != null && BooleanParameter.read(goalSkip(), goalSkipName, goalSkipProperty)) {
      getLog().info("Skipping " + goal() + " (" + goalSkipProperty + ")");
      return;
    }
    try {
      checkParameters();
      run();
    } catch (ConfigurationException e) {
      ci().configurationFailed(
              ciHeading(),
              MavenHelpfulSuggestions.message(e),
              e.problems(),
              MavenHelpfulSuggestions.WORDING,
              sourceFiles());
      GoalFailures.rethrow(goal(), e);
    }
  }

  /**
   * Whether this module of the reactor runs the goal; a goal that provisions the organization runs
   * in one module only (see {@link ReactorOnce}).
   */
  boolean runsInThisModule() throws MojoFailureException {
    return true;
  }

  /** The goal's own skip switch ({@code genesys.<goal>.skip}) as given; null when not given. */
  abstract String goalSkip();

  /**
   * Checks the parameters that need no configuration nor request, before {@link #run}; goals add
   * their own.
   */
  void checkParameters() throws MojoFailureException {
    ParameterChecks.requireResolved(region, Setting.REGION);
    ParameterChecks.requireResolved(apiUrl, Setting.API_URL);
    ParameterChecks.requireResolved(loginUrl, Setting.LOGIN_URL);
    ParameterChecks.requireResolved(serverId, Setting.SERVER_ID);
    ParameterChecks.requireResolved(providersPath, Setting.PROVIDERS_PATH);
    ParameterChecks.requirePositive(timeoutSeconds, Setting.TIMEOUT_SECONDS);
    targetType = Targets.named(target);
  }

  /** The goal's work, once skip was checked. */
  abstract void run() throws MojoExecutionException, MojoFailureException, ConfigurationException;

  BuildLog buildLog() {
    if (buildLog == null) {
      buildLog = new MavenBuildLog(getLog());
    }
    return buildLog;
  }

  MavenSession session() {
    return session;
  }

  /** This goal's execution; null where a test harness gives none. */
  MojoExecution mojoExecution() {
    return mojoExecution;
  }

  /** The CI system the build runs in (GitHub Actions), or one that tells nothing. */
  CiReporter ci() {
    if (ci == null) {
      ci = CiReporter.detect(System::getenv, System.out, buildLog());
    }
    return ci;
  }

  /**
   * The goal as Maven's log heads it, for a CI system: {@code genesys-llm:verify (execution) @
   * artifactId}.
   */
  String ciHeading() {
    MavenProject project = session.getCurrentProject();
    return "genesys-llm:"
        + goal()
        + (mojoExecution == null ? "" : " (" + mojoExecution.getExecutionId() + ")")
        + (project == null ? "" : " @ " + project.getArtifactId());
  }

  /**
   * The files this goal's configuration comes from: the POM (and a config file, see subclasses).
   */
  SourceFiles sourceFiles() {
    MavenProject project = session.getCurrentProject();
    return new SourceFiles(
        project == null || project.getFile() == null ? null : project.getFile().toPath(), null);
  }

  MavenSettingsServers settingsServers() {
    return new MavenSettingsServers(session.getSettings(), settingsDecrypter, buildLog());
  }

  /**
   * Resolves hosts and credentials, opens a client, logs who it acts as, and checks that the token
   * has the scopes the target needs for {@code access} before anything is changed. The caller
   * closes the client.
   */
  GenesysClient connect(TargetType.Access access)
      throws MojoFailureException, ConfigurationException {
    if (session.isOffline()) {
      throw failure(
          goal()
              + " needs Genesys Cloud, but Maven runs offline (-o / --offline)."
              + " Run the build without -o, or skip the goal with "
              + MavenHelpfulSuggestions.WORDING.settingValue(Setting.SKIP.is("true"))
              + ".");
    }
    GenesysHosts hosts = hosts();
    OAuthCredentials credentials =
        new CredentialsResolver(settingsServers(), System::getenv, MavenHelpfulSuggestions.WORDING)
            .resolve(serverId, () -> emulatorCredentials(hosts.apiUrl()));
    getLog()
        .info("Genesys Cloud API " + hosts.apiUrl() + ", credentials from " + credentials.source());
    GenesysClient client = new GenesysClient(hosts, credentials, clientOptions(hosts), buildLog());
    try {
      Identity identity = client.identity();
      getLog()
          .info(
              "Organization '"
                  + identity.organizationName()
                  + "' ("
                  + identity.organizationId()
                  + "), OAuth client '"
                  + identity.clientName()
                  + "'");
      String problem = targetType.scopes(access).problem(identity, goal(), credentials.source());
      if (problem != null) {
        throw failure(problem);
      }
      this.identity = identity;
      this.connectedHosts = hosts;
      return client;
    } catch (RuntimeException | MojoFailureException e) {
      client.close();
      throw e;
    }
  }

  /** The build's target, chosen and checked before {@link #run()}. */
  TargetType targetType() {
    return targetType;
  }

  /** The build's target, talking through {@code client}. */
  Target<?> target(GenesysClient client) {
    getLog().info("Target: " + targetType.name());
    return targetType.open(client, buildLog());
  }

  /** The identity {@link #connect} found. */
  Identity identity() {
    return identity;
  }

  int timeoutSeconds() {
    return timeoutSeconds;
  }

  /** The API URL {@link #connect} talks to. */
  String apiUrl() {
    return connectedHosts.apiUrl().toString();
  }

  private GenesysHosts hosts() throws MojoFailureException {
    String chosenRegion = region != null && !region.isBlank() ? region : System.getenv(ENV_REGION);
    try {
      return GenesysHosts.resolve(chosenRegion, apiUrl, loginUrl);
    } catch (IllegalArgumentException e) {
      throw GoalFailures.refused(e);
    }
  }

  /** The client of an emulator started in this build that serves {@code apiUrl}. */
  private Optional<OAuthCredentials> emulatorCredentials(URI apiUrl) {
    if (mojoExecution == null) {
      return Optional.empty();
    }
    PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
    return StartedEmulator.serving(session, plugin, apiUrl)
        .map(
            emulator ->
                OAuthCredentials.clientCredentials(
                    emulator.clientId(),
                    emulator.clientSecret(),
                    CredentialsResolver.EMULATOR_SOURCE));
  }

  private ClientOptions clientOptions(GenesysHosts hosts)
      throws MojoFailureException, ConfigurationException {
    ProxyRoutes proxies = proxyChoice().forGenesys(hosts);
    try {
      return ClientOptions.builder()
          .timeout(Duration.ofSeconds(timeoutSeconds))
          .maxRetryTime(Duration.ofSeconds(maxRetryTimeSeconds))
          .maxRequestsPerMinute(maxRequestsPerMinute)
          .providersPath(providersPath)
          .proxies(proxies)
          .build();
    } catch (IllegalArgumentException e) {
      // ClientOptions names the parameter to fix
      throw GoalFailures.refused(e);
    }
  }

  /** How the proxy of each host this goal talks to is chosen. */
  ProxyChoice proxyChoice() {
    return new ProxyChoice(
        new MavenProxies(session.getRepositorySession(), session.getSettings().getProxies()),
        getLog());
  }
}
