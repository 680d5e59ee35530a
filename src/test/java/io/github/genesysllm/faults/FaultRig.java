package io.github.genesysllm.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.GenesysHosts;
import io.github.genesysllm.client.Identity;
import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.client.RequestStats;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.JournalEntry;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ProviderOutcome;
import io.github.genesysllm.reconcile.ReconcileOptions;
import io.github.genesysllm.reconcile.Reconciler;
import io.github.genesysllm.reconcile.RegisterResult;
import io.github.genesysllm.reconcile.Verifier;
import io.github.genesysllm.reconcile.VerifyResult;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.providers.ProvidersClient;
import io.github.genesysllm.targets.providers.ProvidersTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The suite's fixture: an emulator with a {@link WireTap} in front, the configuration of {@value
 * #PROVIDERS} providers, and register runs wired as the register goal wires them (a {@link
 * GenesysClient} that reads its identity first, then a {@link Reconciler}, then the report). Every
 * run is checked for leaked secrets: the client secret, every provider key and every access token
 * that passed the tap must appear in no log line (at debug level), error message or report.
 */
final class FaultRig implements AutoCloseable {

  static final int PROVIDERS = 20;

  /** Distinct per test JVM, so that a key found in a log cannot be a coincidence. */
  private static final String KEY_SALT = UUID.randomUUID().toString().substring(0, 8);

  private static final Pattern STACK_TRACE_ISH =
      Pattern.compile(
          "(?m)^\\s+at [\\w.$]+\\(|Caused by:|\\b(?:java|javax|sun|com\\.fasterxml|org\\.apache)\\.[\\w.$]+"
              + "|\\b(?:NullPointer|IllegalState|IllegalArgument|ClassCast|IndexOutOfBounds|Json\\w*)Exception\\b");

  private final Emulator emulator;
  private final WireTap tap;

  /** What one register run came to: its result and report, or the message it stopped with. */
  record Run(
      RegisterResult result,
      ObjectNode report,
      String failure,
      RequestStats stats,
      RecordingLog log) {

    boolean failed() {
      return failure != null;
    }

    List<String> names() {
      return result.providers().stream().map(ProviderOutcome::name).toList();
    }

    /** The failed providers' errors, or the message the run stopped with. */
    List<String> errors() {
      if (failure != null) {
        return List.of(failure);
      }
      return result.failures().stream().map(o -> o.error(Wording.PLAIN)).toList();
    }
  }

  private FaultRig(Emulator emulator, WireTap tap) {
    this.emulator = emulator;
    this.tap = tap;
  }

  static FaultRig start() {
    return start(EmulatorSettings.builder());
  }

  static FaultRig start(EmulatorSettings.Builder settings) {
    try {
      Emulator emulator = Emulator.start(settings.build());
      try {
        return new FaultRig(emulator, WireTap.to(emulator.url()));
      } catch (IOException | RuntimeException e) {
        emulator.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Emulator emulator() {
    return emulator;
  }

  WireTap tap() {
    return tap;
  }

  // ---- the configuration ----

  /**
   * {@code count} providers as configured at {@code revision}: revision 0 to create them, each
   * later one changes every provider's timeout and a model's maxTokens (an update of each).
   */
  static List<DesiredProvider> desired(int count, int revision) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            i -> {
              String name = String.format(Locale.ROOT, "Fault Gateway %02d", i);
              ProviderSettings settings =
                  new ProviderSettings(
                      name,
                      "CUSTOM",
                      "https://inference-" + i + ".private-cloud.internal/api/v1",
                      "v1",
                      30_000 + revision * 1_000,
                      List.of(
                          new ModelSettings(
                              "private-model-v1", "Private Model v1", 8_192 + revision, true),
                          new ModelSettings(
                              "private-model-v2", "Private Model v2", 32_768, false)));
              return new DesiredProvider(
                  settings, keyOf(name), new Place.InFile("providers.yaml", 3 * i));
            })
        .toList();
  }

  static List<DesiredProvider> desired(int revision) {
    return desired(PROVIDERS, revision);
  }

  /** A provider's key: distinctive, so that tests can look for it. */
  static Secret keyOf(String name) {
    return Secret.of("sk-FAULTS-" + KEY_SALT + "-" + name.replace(' ', '-'));
  }

  // ---- the client and the runs ----

  /**
   * The suite's client options, scaled down so that it stays fast: a default-ish retry budget of 20
   * s, a short backoff (10 ms doubling up to 200 ms), a 2 s timeout, and pacing at 6000 a minute,
   * which the suite's runs stay below: pacing is {@link PacingTest}'s subject.
   */
  static ClientOptions.Builder options() {
    return ClientOptions.builder()
        .timeout(Duration.ofSeconds(2))
        .maxRequestsPerMinute(6_000)
        .maxRetryTime(Duration.ofSeconds(20))
        .backoff(Duration.ofMillis(10), Duration.ofMillis(200));
  }

  /** A client to the emulator through the tap, with the emulator's client credentials. */
  GenesysClient client(ClientOptions options, RecordingLog log) {
    GenesysHosts hosts = GenesysHosts.resolve(null, tap.url().toString(), null);
    OAuthCredentials credentials =
        OAuthCredentials.clientCredentials(
            emulator.clientId(), emulator.clientSecret(), "the test's emulator");
    return new GenesysClient(hosts, credentials, options, log);
  }

  Run register(List<DesiredProvider> desired) {
    return register(desired, options().build(), ReconcileOptions.defaults());
  }

  Run register(List<DesiredProvider> desired, ClientOptions options) {
    return register(desired, options, ReconcileOptions.defaults());
  }

  /** One register run as the goal makes it; checked for leaked secrets before it is returned. */
  Run register(
      List<DesiredProvider> desired, ClientOptions options, ReconcileOptions reconcileOptions) {
    RecordingLog log = new RecordingLog();
    GenesysClient client = client(options, log);
    Run run;
    try (client) {
      Identity identity = client.identity();
      RegisterResult result =
          new Reconciler(
                  new ProvidersTarget(new ProvidersClient(client), log), reconcileOptions, log)
              .reconcile(desired);
      run =
          new Run(
              result,
              result.toReport(identity.organizationName(), tap.url().toString(), Wording.PLAIN),
              null,
              client.stats(),
              log);
    } catch (GenesysApiException e) {
      run = new Run(null, null, e.getMessage(), client.stats(), log);
    }
    tap.awaitIdle();
    assertNoSecretIn(run, desired);
    return run;
  }

  /** Verifies the configuration through the API (faults should be off): every provider matches. */
  VerifyResult verify(List<DesiredProvider> desired) {
    RecordingLog log = new RecordingLog();
    try (GenesysClient client = client(options().build(), log)) {
      VerifyResult result =
          new Verifier(new ProvidersTarget(new ProvidersClient(client), log), log).verify(desired);
      assertNoSecretIn(String.join("\n", log.lines()) + "\n" + result.toReport(), desired);
      return result;
    }
  }

  // ---- what the emulator saw ----

  List<JournalEntry> journal() {
    return emulator.journal();
  }

  /** How many requests a fault-script rule applied to so far. */
  long faultsFired() {
    return journal().stream().filter(e -> e.fault() != null).count();
  }

  /** How many requests were answered {@code status} so far. */
  long answered(int status) {
    return journal().stream().filter(e -> Integer.valueOf(status).equals(e.status())).count();
  }

  // ---- assertions ----

  /**
   * The run converged: every outcome one of {@code allowed}, in configuration order, and the
   * emulator holds exactly the configured providers, each as configured with its key.
   */
  void assertConverged(Run run, List<DesiredProvider> desired, Set<Action> allowed) {
    assertFalse(run.failed(), () -> "the run stopped: " + run.failure());
    assertEquals(
        desired.stream().map(DesiredProvider::name).toList(),
        run.names(),
        "outcomes in configuration order");
    for (ProviderOutcome outcome : run.result().providers()) {
      assertTrue(
          allowed.contains(outcome.action()),
          () ->
              "expected one of "
                  + allowed
                  + ": "
                  + outcome.describe(Wording.PLAIN)
                  + "\nlog:\n"
                  + run.log().text());
    }
    assertStoreHolds(desired);
    for (ProviderOutcome outcome : run.result().providers()) {
      Provider stored = emulator.store().findByName(outcome.name()).orElseThrow();
      assertEquals(stored.id(), outcome.id(), () -> "the reported id of " + outcome.name());
    }
  }

  /**
   * The emulator holds exactly the configured providers (no duplicate, no stray), each as
   * configured with its key.
   */
  void assertStoreHolds(List<DesiredProvider> desired) {
    List<Provider> stored = emulator.store().list();
    List<String> storedNames =
        stored.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).sorted().toList();
    List<String> desiredNames =
        desired.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).sorted().toList();
    assertEquals(desiredNames, storedNames, "the emulator's providers, one per configured name");
    for (DesiredProvider d : desired) {
      Provider p = emulator.store().findByName(d.name()).orElseThrow();
      assertEquals(d.settings(), p.settings(), () -> "the settings of " + d.name());
      assertTrue(
          emulator.store().apiKeyMatches(p.id(), d.apiKey()), () -> "the key of " + d.name());
    }
  }

  /** Nothing of the configuration was created. */
  void assertStoreEmpty() {
    assertEquals(List.of(), emulator.store().list().stream().map(Provider::name).toList());
  }

  /**
   * Every error of the run (its stop message or its failed providers' errors) is readable, none a
   * stack trace.
   */
  static void assertReadableErrors(Run run) {
    List<String> errors = run.errors();
    assertFalse(errors.isEmpty(), "the run was expected to fail");
    errors.forEach(FaultRig::assertReadable);
  }

  /** A message for a build log: not blank, no stack frames, no Java class names. */
  static void assertReadable(String message) {
    assertNotNull(message);
    assertFalse(message.isBlank(), "a blank message");
    var found = STACK_TRACE_ISH.matcher(message);
    if (found.find()) {
      fail("stack-trace-ish text '" + found.group() + "' in: " + message);
    }
  }

  private void assertNoSecretIn(Run run, List<DesiredProvider> desired) {
    List<String> texts = new ArrayList<>(run.log().lines());
    if (run.failure() != null) {
      texts.add(run.failure());
    }
    if (run.report() != null) {
      texts.add(run.report().toString());
    }
    if (run.result() != null) {
      run.result().providers().forEach(p -> texts.add(p.describe(Wording.PLAIN)));
    }
    assertNoSecretIn(String.join("\n", texts), desired);
  }

  private void assertNoSecretIn(String text, List<DesiredProvider> desired) {
    List<String> secrets = new ArrayList<>();
    secrets.add(emulator.clientSecret().reveal());
    secrets.add(basicCredentials());
    desired.forEach(d -> secrets.add(d.apiKey().reveal()));
    secrets.addAll(tap.accessTokens());
    Function<String, String> kind =
        s ->
            s.startsWith("sk-FAULTS-")
                ? "a provider key"
                : s.equals(emulator.clientSecret().reveal())
                    ? "the client secret"
                    : s.equals(basicCredentials())
                        ? "the client secret, Base64-encoded as the Basic header carries it"
                        : "an access token";
    for (String secret : secrets) {
      if (text.contains(secret)) {
        fail(kind.apply(secret) + " leaked into the log, an error or the report:\n" + text);
      }
    }
    assertFalse(text.contains(KEY_SALT), "a fragment of a provider key leaked:\n" + text);
  }

  /**
   * The Basic credentials of the token request: as good as the client secret to whoever reads them.
   */
  private String basicCredentials() {
    return Base64.getEncoder()
        .encodeToString(
            (emulator.clientId() + ":" + emulator.clientSecret().reveal())
                .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    tap.close();
    emulator.close();
  }
}
