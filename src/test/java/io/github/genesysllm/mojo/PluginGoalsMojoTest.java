package io.github.genesysllm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.ModelConfig;
import io.github.genesysllm.config.ProviderConfig;
import io.github.genesysllm.emulator.EmulatedClient;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.emulator.JournalEntry;
import io.github.genesysllm.emulator.RateWindowKind;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.ReportHeader;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals as Maven runs them, through maven-plugin-testing-harness: the mojo comes from the
 * plugin descriptor, its parameters from a test POM, the session's user properties ({@code
 * -Dgenesys.apiUrl=...}) and the defaults, and its {@code SettingsDecrypter} is Maven's own. The
 * session is a real one over an execution request (settings.xml servers, offline flag, properties);
 * each test has its own emulator, registered as {@code emulator-start} registers it, so the goals
 * find its client by themselves.
 */
@MojoTest
class PluginGoalsMojoTest {

  private static final String POM = "classpath:/unit/providers/pom.xml";
  private static final String INVALID_POM = "classpath:/unit/invalid-providers/pom.xml";
  private static final String NAME = "Private Foundation Model Gateway";
  private static final String ID_PROPERTY = "genesys.providers.private-foundation-model-gateway.id";
  private static final String KEY_SERVER = "private-model-key";
  private static final String API_KEY = "private-model-api-key-9e3d1f";

  private final RecordingLog log = new RecordingLog();
  private final MavenExecutionRequest request = new DefaultMavenExecutionRequest();
  private final MavenProject project = new MavenProject();
  private final List<Emulator> emulators = new ArrayList<>();

  /** The project's plugin context, as Maven gives it to each goal of the plugin. */
  private final Map<String, Object> pluginContext = new ConcurrentHashMap<>();

  private Path reports;
  private Emulator emulator;

  @Provides
  Log log() {
    return log;
  }

  @Provides
  MavenProject project() {
    return project;
  }

  /**
   * A real session: the goals need no container nor repository session, only the request and the
   * project.
   */
  @Provides
  MavenSession session() {
    MavenSession session =
        new MavenSession(null, null, request, new DefaultMavenExecutionResult()) {
          @Override
          public Map<String, Object> getPluginContext(
              PluginDescriptor plugin, MavenProject contextProject) {
            return pluginContext;
          }
        };
    session.setProjects(List.of(project));
    return session;
  }

  /**
   * Runs before the mojos are looked up, so that their parameters see the build directory and
   * properties.
   */
  @BeforeEach
  void setUp(@TempDir Path dir) throws IOException {
    project.getBuild().setDirectory(dir.resolve("target").toString());
    reports = dir.resolve("target").resolve("genesys-llm");
    request.addServer(server(KEY_SERVER, null, API_KEY));
    emulator = emulator(EmulatorSettings.builder().build());
    request.getUserProperties().setProperty("genesys.apiUrl", emulator.url().toString());
  }

  @AfterEach
  void stopEmulatorsAndCheckTheLogHoldsNoSecret() {
    emulators.forEach(Emulator::close);
    for (String line : log.lines()) {
      assertFalse(line.contains(API_KEY), line);
      assertFalse(line.contains(EmulatorSettings.DEFAULT_CLIENT_SECRET), line);
    }
  }

  // ---- register

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void registerCreatesTheProviderWritesTheReportAndPublishesItsId(RegisterMojo register)
      throws Exception {
    register.execute();

    Provider created = emulator.store().findByName(NAME).orElseThrow();
    assertTrue(
        emulator.store().apiKeyMatches(created.id(), Secret.of(API_KEY)),
        "the key of settings.xml server '" + KEY_SERVER + "' was sent");
    assertEquals(created.id(), project.getProperties().getProperty(ID_PROPERTY));
    JsonNode report =
        ProviderJson.MAPPER.readTree(reports.resolve("register-report.json").toFile());
    assertEquals(emulator.url().toString(), report.path("apiUrl").asText());
    assertEquals(EmulatorSettings.DEFAULT_ORGANIZATION_NAME, report.path("organization").asText());
    assertEquals(NAME, report.path("providers").path(0).path("name").asText());
    assertEquals("CREATED", report.path("providers").path(0).path("action").asText());
    assertEquals(created.id(), report.path("providers").path(0).path("id").asText());
    assertEquals(ReportHeader.SCHEMA_VERSION, report.path("schemaVersion").asInt());
    assertEquals(ReportHeader.pluginVersion(), report.path("pluginVersion").asText());
    assertEquals("register", report.path("goal").asText());
    assertEquals("providers", report.path("target").asText());
    Instant.parse(report.path("generatedAt").asText());
    assertTrue(
        log.has(
            "INFO Genesys Cloud API "
                + emulator.url()
                + ", credentials from the emulator started in this build"),
        log.lines().toString());
    assertTrue(log.has("DEBUG Set " + ID_PROPERTY + " = " + created.id()), log.lines().toString());
    assertTrue(
        MojoExtension.getVariableValueFromObject(register, "settingsDecrypter")
            instanceof DefaultSettingsDecrypter,
        "Maven's own decrypter read the key's server");
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void registerRunAgainChangesNothing(RegisterMojo register) throws Exception {
    register.execute();
    int afterFirstRun = emulator.journal().size();
    register.execute();

    List<JournalEntry> secondRun =
        emulator.journal().subList(afterFirstRun, emulator.journal().size());
    assertTrue(
        secondRun.stream()
            .allMatch(e -> e.method().equals("GET") || e.path().equals("/oauth/token")),
        "the second run only reads: " + secondRun);
    assertEquals(1, emulator.store().size());
    JsonNode report =
        ProviderJson.MAPPER.readTree(reports.resolve("register-report.json").toFile());
    assertEquals("UNCHANGED", report.path("providers").path(0).path("action").asText());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "skip", value = "true")
  void registerWithSkipSendsNothingAndSaysSo(RegisterMojo register) throws Exception {
    register.execute();

    assertEquals(List.of("INFO Skipping register (genesys.skip)"), log.lines());
    assertEquals(List.of(), emulator.journal());
    assertFalse(Files.exists(reports), "no report");
    assertNull(project.getProperties().getProperty(ID_PROPERTY));
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "skipRegister", value = "true")
  void registerWithItsOwnSkipSwitchSendsNothingAndSaysWhich(RegisterMojo register)
      throws Exception {
    register.execute();

    assertEquals(List.of("INFO Skipping register (genesys.register.skip)"), log.lines());
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "verify", pom = POM)
  @MojoParameter(name = "skipVerify", value = "yes")
  void aSkipSwitchThatIsNotExactlyABooleanIsRefused(VerifyMojo verify) {
    MojoFailureException e = assertThrows(MojoFailureException.class, verify::execute);

    assertTrue(
        e.getMessage()
            .startsWith(
                "The parameter skipVerify (genesys.verify.skip) must be true or false, got 'yes'"),
        e.getMessage());
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void registerOfflineFailsClearlyBeforeAnyRequest(RegisterMojo register) {
    request.setOffline(true);

    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    assertEquals(
        "register needs Genesys Cloud, but Maven runs offline (-o / --offline). Run the build without -o,"
            + " or skip the goal with -Dgenesys.skip=true.",
        e.getMessage());
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "register", pom = INVALID_POM)
  void registerWithAnInvalidConfigurationListsEveryProblemAndSendsNothing(RegisterMojo register) {
    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    String message = e.getMessage();
    assertTrue(
        message.startsWith(
            "3 problems in the provider configuration; nothing was sent to Genesys Cloud:"),
        message);
    String problem = "the POM (provider #1): provider 'Broken Gateway'";
    for (String expected :
        List.of(
            problem + ": no API key source",
            problem + " field 'baseUrl': must be an absolute https URL",
            problem + " field 'models[0].maxTokens': must be an integer from 1 to 2000000")) {
      assertTrue(
          message.contains(System.lineSeparator() + "  - " + expected),
          () -> expected + " missing from: " + message);
    }
    assertTrue(
        e.getSuppressed()[0] instanceof ConfigurationException,
        "the message says it all; the configuration error is kept for mvn -e");
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "maxRetryTimeSeconds", value = "-1")
  void aNegativeRetryBudgetIsRefusedNamingTheValueGiven(RegisterMojo register) {
    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    assertTrue(
        e.getMessage().startsWith("maxRetryTimeSeconds (-Dgenesys.maxRetryTimeSeconds): "),
        "the setting, in Maven's words: " + e.getMessage());
    assertTrue(
        e.getMessage().contains("-1 s"),
        "the message quotes the value the user gave: " + e.getMessage());
    assertTrue(
        e.getMessage().contains("0 (no retries) or more"),
        "and what is accepted: " + e.getMessage());
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "providersPath", value = "api/v2/ai/llm/providers")
  void aProvidersPathWithoutItsLeadingSlashIsAConfigurationErrorNotACrash(RegisterMojo register) {
    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    assertTrue(
        e.getMessage()
            .contains(
                "providersPath (-Dgenesys.providersPath): invalid value 'api/v2/ai/llm/providers';"
                    + " it must start with '/'"),
        e.getMessage());
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "target", value = "dataactions")
  void anUnknownTargetStopsTheGoalBeforeAnyRequestListingTheKnownOnes(RegisterMojo register) {
    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    RefusedInputException refused =
        assertInstanceOf(RefusedInputException.class, GoalFailuresTest.kept(e));
    assertEquals(new Place.OfSetting(Setting.TARGET), refused.problem().where());
    assertTrue(e.getMessage().contains("target (-Dgenesys.target)"), e.getMessage());
    assertTrue(e.getMessage().contains("'dataactions'"), e.getMessage());
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "verify", pom = POM)
  @MojoParameter(name = "target", value = "providers")
  void theProvidersTargetNamedExplicitlyIsTheDefaultOne(VerifyMojo verify) {
    MojoFailureException e = assertThrows(MojoFailureException.class, verify::execute);

    assertTrue(e.getMessage().contains("0 matching, 0 drifted, 1 missing"), e.getMessage());
    assertTrue(log.has("INFO Target: providers"), log.lines().toString());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void registerWithAReadOnlyClientFailsBeforeAnyChangeNamingTheMissingScope(RegisterMojo register)
      throws Exception {
    Emulator readOnly =
        emulator(
            EmulatorSettings.builder()
                .client(
                    EmulatedClient.of(
                        "ci-reader", "reader-secret-0b5e", EmulatorSettings.SCOPE_READ))
                .build());
    MojoExtension.setVariableValueToObject(register, "apiUrl", readOnly.url().toString());

    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    assertTrue(
        e.getMessage()
            .contains("The OAuth client 'ci-reader' (from the emulator started in this build)"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("lacks the scope ai:llm:write that register needs"),
        e.getMessage());
    assertFalse(e.getMessage().contains("reader-secret-0b5e"));
    assertTrue(
        readOnly.journal().stream()
            .noneMatch(j -> j.method().equals("POST") && !j.path().equals("/oauth/token")),
        readOnly.journal().toString());
    assertEquals(0, readOnly.store().size());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void registerWithAWrongSecretInSettingsXmlStopsWithTheRefusalAndWhereTheSecretCameFrom(
      RegisterMojo register) {
    request.addServer(
        server(
            "genesys-cloud", EmulatorSettings.DEFAULT_CLIENT_ID, "not-the-emulator-secret-4411"));

    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    assertTrue(
        e.getMessage()
            .startsWith(
                "register stopped: POST "
                    + emulator.url()
                    + "/oauth/token: answered HTTP 401"
                    + " invalid_client"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("the secret read from settings.xml server 'genesys-cloud'"),
        e.getMessage());
    assertFalse(e.getMessage().contains("not-the-emulator-secret-4411"), e.getMessage());
    assertEquals(
        List.of("/oauth/token"), emulator.journal().stream().map(JournalEntry::path).toList());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "dryRun", value = "true")
  void registerDryRunChangesNothingAndReportsWhatItWouldDo(RegisterMojo register) throws Exception {
    register.execute();

    assertEquals(0, emulator.store().size());
    assertTrue(
        emulator.journal().stream()
            .allMatch(e -> e.method().equals("GET") || e.path().equals("/oauth/token")),
        emulator.journal().toString());
    JsonNode report =
        ProviderJson.MAPPER.readTree(reports.resolve("register-report.json").toFile());
    assertTrue(report.path("dryRun").asBoolean());
    assertEquals("WOULD_CREATE", report.path("providers").path(0).path("action").asText());
    assertNull(
        project.getProperties().getProperty(ID_PROPERTY),
        "nothing was created, so no id is published");
  }

  // ---- verify and unregister

  @Test
  @InjectMojo(goal = "verify", pom = POM)
  void verifyPassesOnAMatchingProviderAndFailsOnceItDrifted(VerifyMojo verify) throws Exception {
    Provider registered = emulator.store().create(configured(30000), Secret.of(API_KEY));

    verify.execute();
    JsonNode report = ProviderJson.MAPPER.readTree(reports.resolve("verify-report.json").toFile());
    assertEquals(1, report.path("summary").path("matches").asInt(), report.toString());
    assertEquals("verify", report.path("goal").asText());

    emulator.store().update(registered.id(), registered.version(), configured(60000), null);
    MojoFailureException e = assertThrows(MojoFailureException.class, verify::execute);

    assertTrue(
        e.getMessage().startsWith("verify failed: 0 matching, 1 drifted, 0 missing"),
        e.getMessage());
    report = ProviderJson.MAPPER.readTree(reports.resolve("verify-report.json").toFile());
    assertEquals(1, report.path("summary").path("drifted").asInt(), report.toString());
    assertTrue(
        emulator.journal().stream()
            .allMatch(j -> j.method().equals("GET") || j.path().equals("/oauth/token")),
        "verify only reads: " + emulator.journal());
  }

  @Test
  @InjectMojo(goal = "unregister", pom = POM)
  @MojoParameter(name = "confirm", value = EmulatorSettings.DEFAULT_ORGANIZATION_NAME)
  void unregisterDeletesTheConfiguredProviderAndSparesTheOthers(UnregisterMojo unregister)
      throws Exception {
    emulator.store().create(configured(30000), Secret.of(API_KEY));
    Provider bystander =
        emulator
            .store()
            .create(
                new ProviderSettings(
                    "Bystander",
                    "CUSTOM",
                    "https://bystander.private-cloud.internal/v1",
                    "v1",
                    30000,
                    List.of(new ModelSettings("bystander-model", "Bystander", 4096, false))),
                Secret.of("bystander-key"));

    unregister.execute();

    assertEquals(
        List.of(bystander.id()), emulator.store().list().stream().map(Provider::id).toList());
    JsonNode report =
        ProviderJson.MAPPER.readTree(reports.resolve("unregister-report.json").toFile());
    assertEquals(1, report.path("summary").path("deleted").asInt(), report.toString());
    assertEquals("unregister", report.path("goal").asText());
    assertEquals(1, report.path("summary").path("otherProviders").asInt(), report.toString());
  }

  @Test
  @InjectMojo(goal = "unregister", pom = POM)
  void unregisterWithoutConfirmationDeletesNothingAndSaysHowToConfirm(UnregisterMojo unregister)
      throws Exception {
    emulator.store().create(configured(30000), Secret.of(API_KEY));

    MojoFailureException e = assertThrows(MojoFailureException.class, unregister::execute);

    assertTrue(
        e.getMessage().contains("-Dgenesys.confirm=\"Emulated Organization\""), e.getMessage());
    assertEquals(1, emulator.store().size());
    assertTrue(
        emulator.journal().stream().noneMatch(j -> j.method().equals("DELETE")),
        emulator.journal().toString());
    assertFalse(Files.exists(reports.resolve("unregister-report.json")), "no report");
  }

  @Test
  @InjectMojo(goal = "unregister", pom = POM)
  @MojoParameter(name = "confirm", value = "Another Organization")
  void unregisterConfirmedForAnotherOrganizationDeletesNothing(UnregisterMojo unregister)
      throws Exception {
    emulator.store().create(configured(30000), Secret.of(API_KEY));

    MojoFailureException e = assertThrows(MojoFailureException.class, unregister::execute);

    assertTrue(
        e.getMessage().startsWith("confirm (-Dgenesys.confirm): it names 'Another Organization'"),
        e.getMessage());
    assertEquals(1, emulator.store().size());
  }

  @Test
  @InjectMojo(goal = "unregister", pom = POM)
  @MojoParameter(name = "dryRun", value = "true")
  void anUnregisterDryRunNeedsNoConfirmationAndLogsItsSummaryOnce(UnregisterMojo unregister)
      throws Exception {
    emulator.store().create(configured(30000), Secret.of(API_KEY));

    unregister.execute();

    assertEquals(1, emulator.store().size());
    assertEquals(
        1,
        log.lines().stream().filter(l -> l.contains("dry run: 1 would be deleted")).count(),
        log.lines().toString());
  }

  // ---- the emulator goals

  @Test
  @InjectMojo(goal = "emulator-start")
  void emulatorStartPublishesItsUrlAndClientAndKeepsItForTheOtherGoals(EmulatorStartMojo start)
      throws Exception {
    Map<String, Object> startContext = new ConcurrentHashMap<>();
    start.setPluginContext(startContext);
    start.execute();

    String url = project.getProperties().getProperty("genesys.emulator.url");
    Emulator started = StartedEmulator.runningIn(startContext).orElseThrow();
    assertEquals(url, started.url().toString());
    emulators.add(started);
    assertEquals(
        EmulatorSettings.DEFAULT_CLIENT_ID,
        project.getProperties().getProperty("genesys.emulator.clientId"));
    assertEquals(
        EmulatorSettings.DEFAULT_CLIENT_SECRET,
        project.getProperties().getProperty("genesys.emulator.clientSecret"),
        "a fixture, published on purpose");
    assertTrue(url.startsWith("http://127.0.0.1:"), url);
    assertTrue(
        Files.exists(
            Path.of(project.getBuild().getDirectory(), "genesys-emulator", "journal.json")),
        "the journal is kept from the start");
  }

  @Test
  @InjectMojo(goal = "emulator-start")
  void emulatorStartPassesTheLagParametersAndRefusesANegativeOne(EmulatorStartMojo start)
      throws Exception {
    MojoExtension.setVariableValueToObject(start, "searchLagSeconds", 3L);
    MojoExtension.setVariableValueToObject(start, "createLagSeconds", 4L);
    MojoExtension.setVariableValueToObject(start, "deleteLagSeconds", 30L);
    Map<String, Object> startContext = new ConcurrentHashMap<>();
    start.setPluginContext(startContext);
    start.execute();
    Emulator started = StartedEmulator.take(startContext).orElseThrow();
    emulators.add(started);
    assertEquals(3, started.settings().searchLagSeconds());
    assertEquals(4, started.settings().createLagSeconds());
    assertEquals(30, started.settings().deleteLagSeconds());

    MojoExtension.setVariableValueToObject(start, "createLagSeconds", -1L);
    MojoFailureException e = assertThrows(MojoFailureException.class, start::execute);
    assertTrue(e.getMessage().contains("createLagSeconds"), e.getMessage());
  }

  @Test
  @InjectMojo(goal = "emulator-start")
  @MojoParameter(name = "rateWindow", value = " Sliding ")
  @MojoParameter(name = "rateLimit", value = "7")
  void emulatorStartTakesASlidingRateWindow(EmulatorStartMojo start) throws Exception {
    Map<String, Object> startContext = new ConcurrentHashMap<>();
    start.setPluginContext(startContext);
    start.execute();

    Emulator started = StartedEmulator.runningIn(startContext).orElseThrow();
    emulators.add(started);
    assertEquals(RateWindowKind.SLIDING, started.settings().rateWindow());
    assertEquals(7, started.settings().rateLimit());
  }

  @Test
  @InjectMojo(goal = "emulator-start")
  @MojoParameter(name = "rateWindow", value = "rolling")
  void emulatorStartRefusesAnUnknownRateWindowNamingTheParameter(EmulatorStartMojo start) {
    MojoFailureException e = assertThrows(MojoFailureException.class, start::execute);
    assertTrue(e.getMessage().contains("rateWindow 'rolling'"), e.getMessage());
    assertTrue(e.getMessage().contains("genesys.emulator.rateWindow"), e.getMessage());
    assertTrue(e.getMessage().contains("fixed or sliding"), e.getMessage());
  }

  @Test
  @InjectMojo(goal = "emulator-start")
  void aSecondEmulatorStartWhileTheFirstRunsFailsNamingIt(EmulatorStartMojo start)
      throws Exception {
    Map<String, Object> startContext = new ConcurrentHashMap<>();
    start.setPluginContext(startContext);
    start.execute();
    String url = project.getProperties().getProperty("genesys.emulator.url");
    Emulator first = StartedEmulator.runningIn(startContext).orElseThrow();
    emulators.add(first);

    MojoFailureException e = assertThrows(MojoFailureException.class, start::execute);

    assertTrue(e.getMessage().contains("already running at " + url), e.getMessage());
    assertFalse(first.isClosed(), "the first one runs on");
    assertEquals(url, project.getProperties().getProperty("genesys.emulator.url"));
    first.close();
    start.execute(); // once it is stopped, another may start
    Emulator second = StartedEmulator.runningIn(startContext).orElseThrow();
    emulators.add(second);
    assertEquals(
        second.url().toString(), project.getProperties().getProperty("genesys.emulator.url"));
  }

  @Test
  @InjectMojo(goal = "emulator-stop")
  void emulatorStopStopsThisProjectsEmulatorAndWritesItsJournal(EmulatorStopMojo stop)
      throws Exception {
    stop.setPluginContext(pluginContext); // where setUp kept this test's emulator
    emulator.store().create(configured(30000), Secret.of(API_KEY));

    stop.execute();

    assertTrue(emulator.isClosed());
    assertTrue(StartedEmulator.runningIn(pluginContext).isEmpty(), "no longer kept");
    Path journal = Path.of(project.getBuild().getDirectory(), "genesys-emulator", "journal.json");
    assertTrue(ProviderJson.MAPPER.readTree(journal.toFile()).path("requests").isArray());
    assertTrue(
        log.lines().stream()
            .anyMatch(
                l ->
                    l.startsWith(
                        "INFO Genesys Cloud emulator at "
                            + emulator.url()
                            + " stopped: 0 requests")),
        log.lines().toString());
  }

  // ---- every boolean parameter is read strictly, before any request

  @Test
  @InjectMojo(goal = "unregister", pom = POM)
  @MojoParameter(name = "dryRun", value = "yes")
  void unregisterWithADryRunThatIsNotABooleanDeletesNothing(UnregisterMojo unregister)
      throws Exception {
    emulator.store().create(configured(30000), Secret.of(API_KEY));

    MojoFailureException e = assertThrows(MojoFailureException.class, unregister::execute);

    assertTrue(
        e.getMessage().startsWith("The parameter dryRun (genesys.dryRun) must be true or false"),
        e.getMessage());
    assertTrue(e.getMessage().contains("got 'yes'"), e.getMessage());
    assertEquals(List.of(), emulator.journal());
    assertEquals(1, emulator.store().size());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "rotateApiKeys", value = "1")
  void registerRefusesABooleanWrittenAsANumber(RegisterMojo register) {
    assertRefused(register::execute, "rotateApiKeys (genesys.rotateApiKeys)", "'1'");
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "skip", value = "on")
  void aSkipThatIsNotABooleanIsRefusedRatherThanTakenForFalse(RegisterMojo register) {
    assertRefused(register::execute, "skip (genesys.skip)", "'on'");
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "dryRun", value = " TRUE ")
  void aBooleanIsTrimmedAndOfAnyCase(RegisterMojo register) throws Exception {
    register.execute();
    assertEquals(0, emulator.store().size(), "a dry run");
  }

  @Test
  @InjectMojo(goal = "verify", pom = POM)
  @MojoParameter(name = "failOnDrift", value = "no")
  void verifyRefusesFailOnDriftThatIsNotABoolean(VerifyMojo verify) {
    assertRefused(verify::execute, "failOnDrift (genesys.failOnDrift)", "'no'");
  }

  @Test
  @InjectMojo(goal = "verify", pom = POM)
  @MojoParameter(name = "probe", value = "Y")
  void verifyRefusesProbeThatIsNotABoolean(VerifyMojo verify) {
    assertRefused(verify::execute, "probe (genesys.probe)", "'Y'");
  }

  @Test
  @InjectMojo(goal = "export", pom = POM)
  @MojoParameter(name = "overwrite", value = "replace")
  void exportRefusesAnOverwriteThatIsNotABoolean(ExportMojo export) {
    assertRefused(export::execute, "overwrite (genesys.overwrite)", "'replace'");
  }

  @Test
  @InjectMojo(goal = "emulator-start")
  @MojoParameter(name = "skip", value = "off")
  void emulatorStartRefusesASkipThatIsNotABoolean(EmulatorStartMojo start) {
    assertRefused(start::execute, "skip (genesys.emulator.skip)", "'off'");
    assertNull(project.getProperties().getProperty("genesys.emulator.url"), "nothing started");
  }

  @Test
  @InjectMojo(goal = "emulator-stop")
  @MojoParameter(name = "skip", value = "0")
  void emulatorStopRefusesASkipThatIsNotABoolean(EmulatorStopMojo stop) {
    project.getProperties().setProperty("genesys.emulator.url", emulator.url().toString());
    assertRefused(stop::execute, "skip (genesys.emulator.skip)", "'0'");
    assertFalse(emulator.isClosed());
  }

  // ---- every other parameter is checked before any request too

  @Test
  @InjectMojo(goal = "register", pom = POM)
  @MojoParameter(name = "concurrency", value = "65")
  void aConcurrencyAboveItsMaximumIsRefusedBeforeAnyRequest(RegisterMojo register) {
    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);
    RefusedInputException refused =
        assertInstanceOf(RefusedInputException.class, GoalFailuresTest.kept(e));
    assertEquals(new Place.OfSetting(Setting.CONCURRENCY), refused.problem().where());
    assertTrue(e.getMessage().startsWith("concurrency (-Dgenesys.concurrency)"), e.getMessage());
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void aParameterWithAPlaceholderMavenLeftIsRefusedBeforeAnyRequest(RegisterMojo register)
      throws Exception {
    MojoExtension.setVariableValueToObject(register, "region", "${deploy.region}");

    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    assertTrue(
        e.getMessage()
            .startsWith(
                "The parameter region (genesys.region) holds ${deploy.region}, which the build"
                    + " could not resolve: define property 'deploy.region' (in the POM's"
                    + " <properties>, or -Ddeploy.region=...)"),
        e.getMessage());
    assertEquals(List.of(), emulator.journal());
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void anOutputDirectoryThatIsAFileIsRefusedBeforeAnyRequest(RegisterMojo register)
      throws Exception {
    Path dir = Files.createDirectories(Path.of(project.getBuild().getDirectory()));
    Path file = Files.writeString(dir.resolve("reports"), "not a directory");
    MojoExtension.setVariableValueToObject(register, "outputDirectory", file.toFile());

    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    assertTrue(
        e.getMessage().contains("outputDirectory (genesys.outputDirectory)"), e.getMessage());
    assertEquals(List.of(), emulator.journal());
    assertEquals(0, emulator.store().size());
  }

  @Test
  @InjectMojo(goal = "export", pom = POM)
  void exportChecksItsTargetBeforeAnyRequest(ExportMojo export) throws Exception {
    Path dir = Files.createDirectories(Path.of(project.getBuild().getDirectory()));
    emulator.store().create(configured(30000), Secret.of(API_KEY));
    Path existing = Files.writeString(dir.resolve("providers.yaml"), "keep me");
    for (Path target :
        List.of(
            dir.resolve("providers.txt"),
            existing,
            Files.createDirectory(dir.resolve("folder.yaml")),
            existing.resolve("under-a-file.yaml"))) {
      MojoExtension.setVariableValueToObject(export, "exportFile", target.toFile());

      MojoFailureException e = assertThrows(MojoFailureException.class, export::execute);

      assertTrue(e.getMessage().contains("exportFile (-Dgenesys.exportFile)"), e.getMessage());
      assertEquals(List.of(), emulator.journal(), "checked before any request: " + target);
    }
    assertEquals("keep me", Files.readString(existing));
  }

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void anApiUrlWithUserInfoIsRefusedWithoutShowingIt(RegisterMojo register) throws Exception {
    String port = String.valueOf(emulator.url().getPort());
    MojoExtension.setVariableValueToObject(
        register, "apiUrl", "http://ci:hunter2@127.0.0.1:" + port);

    MojoFailureException e = assertThrows(MojoFailureException.class, register::execute);

    assertTrue(e.getMessage().contains("http://****@127.0.0.1:" + port), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertTrue(log.lines().stream().noneMatch(l -> l.contains("hunter2")), log.lines().toString());
    assertEquals(List.of(), emulator.journal());
  }

  // ---- nothing printed can break a line of the build log

  @Test
  @InjectMojo(goal = "register", pom = POM)
  void aNameCannotForgeALineOfTheBuildLogNorOfTheFailure(RegisterMojo register) throws Exception {
    String forged = "Evil\n[INFO] BUILD SUCCESS\r\n[INFO] Total time: 1 s\u2028x";
    ProviderConfig evil = new ProviderConfig();
    evil.setName(forged);
    evil.setBaseUrl("https://inference.private-cloud.internal/api/v1");
    evil.setApiKeyServerId(KEY_SERVER);
    ModelConfig model = new ModelConfig();
    model.setId("m1");
    model.setName("Model\nOne");
    model.setMaxTokens(8192);
    evil.setModels(List.of(model));
    MojoExtension.setVariableValueToObject(register, "providers", List.of(evil));
    // the server refuses it with a message that echoes the name
    emulator.setFaultScript(
        FaultScript.parse(
            "{\"rules\": [{\"method\": \"POST\", \"path\": \"/api/v2/ai/llm/providers\","
                + " \"action\": \"respond\", \"status\": 400, \"body\": {\"code\":"
                + " \"bad.request\", \"message\": \"no\\n[INFO] BUILD SUCCESS\"}}]}",
            "test"));

    MojoExecutionException e = assertThrows(MojoExecutionException.class, register::execute);

    for (String line : log.lines()) {
      assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028"), line);
    }
    assertTrue(
        log.lines().stream().anyMatch(l -> l.contains("Evil\\n[INFO] BUILD SUCCESS\\r\\n")),
        log.lines().toString());
    List<String> messageLines = List.of(e.getMessage().split("\n"));
    assertEquals(3, messageLines.size(), e.getMessage());
    assertTrue(messageLines.stream().noneMatch(l -> l.startsWith("[INFO]")), e.getMessage());
    assertTrue(messageLines.get(1).contains("no\\n[INFO] BUILD SUCCESS"), e.getMessage());
  }

  private void assertRefused(
      org.junit.jupiter.api.function.Executable goal, String parameter, String value) {
    MojoFailureException e = assertThrows(MojoFailureException.class, goal);
    assertTrue(
        e.getMessage().startsWith("The parameter " + parameter + " must be true or false"),
        e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
    assertEquals(List.of(), emulator.journal());
  }

  // ---- helpers

  private Emulator emulator(EmulatorSettings settings) throws IOException {
    Emulator started = Emulator.start(settings);
    emulators.add(started);
    StartedEmulator.keep(pluginContext, started); // as emulator-start keeps it
    return started;
  }

  /** The POM's provider, as the emulator would store it, with the given timeout. */
  private static ProviderSettings configured(int timeout) {
    return new ProviderSettings(
        NAME,
        "CUSTOM",
        "https://inference.private-cloud.internal/api/v1",
        "v1",
        timeout,
        List.of(new ModelSettings("private-model-v1", "Private Model v1", 8192, true)));
  }

  private static Server server(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    return server;
  }

  /** Maven's log, kept: one line per message, prefixed by level ({@code INFO Skipping ...}). */
  static final class RecordingLog extends SystemStreamLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    List<String> lines() {
      return List.copyOf(lines);
    }

    boolean has(String line) {
      return lines.contains(line);
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public void debug(CharSequence content) {
      lines.add("DEBUG " + content);
    }

    @Override
    public void info(CharSequence content) {
      lines.add("INFO " + content);
    }

    @Override
    public void warn(CharSequence content) {
      lines.add("WARN " + content);
    }

    @Override
    public void error(CharSequence content) {
      lines.add("ERROR " + content);
    }
  }
}
