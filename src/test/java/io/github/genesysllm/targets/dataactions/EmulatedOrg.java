package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.client.FakeTime;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.GenesysHosts;
import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.emulator.EmulatedClient;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.emulator.JournalEntry;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An emulated organization and a client of it for the target's tests: fake time shared by both (the
 * emulator's lags pass as the client sleeps), and the register, verify and unregister steps the
 * port will drive, written out plainly.
 */
final class EmulatedOrg implements AutoCloseable {

  static final String CLIENT_ID = "ci-deployer";
  static final String CLIENT_SECRET = "ci-deployer-secret-5e1f";
  static final String KEY = "sk-live-key-3c9a";

  final FakeTime time = new FakeTime();
  final RecordingLog log = new RecordingLog();
  final Emulator emulator;
  private final List<GenesysClient> clients = new ArrayList<>();

  EmulatedOrg(Consumer<EmulatorSettings.Builder> tweaks) {
    EmulatorSettings.Builder settings =
        EmulatorSettings.builder()
            .client(
                EmulatedClient.of(
                    CLIENT_ID,
                    CLIENT_SECRET,
                    EmulatorSettings.SCOPE_INTEGRATIONS,
                    EmulatorSettings.SCOPE_INTEGRATIONS_READONLY))
            .timeSource(time);
    tweaks.accept(settings);
    try {
      emulator = Emulator.start(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A build's view: its own client (token, budget), its API and settling. */
  final class Build {
    final GenesysClient genesys;
    final DataActionsClient api;
    final Settling settling;
    final List<String> notes = new ArrayList<>();

    Build() {
      genesys =
          new GenesysClient(
              GenesysHosts.resolve(null, emulator.url().toString(), null),
              OAuthCredentials.clientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET), "the test"),
              ClientOptions.builder()
                  .timeout(Duration.ofSeconds(5))
                  .maxRetryTime(Duration.ofSeconds(300))
                  .backoff(Duration.ofMillis(500), Duration.ofSeconds(4))
                  .timeSource(time)
                  .jitter(() -> 1.0)
                  .maxRequestsPerMinute(0)
                  .build(),
              log);
      synchronized (clients) {
        clients.add(genesys);
      }
      api = new DataActionsClient(genesys);
      settling = new Settling(api, Settling.patienceOf(genesys));
    }

    /** The target as the core drives it, on this build's client. */
    DataActionsTarget target() {
      return DataActionsTarget.on(genesys, log);
    }

    DataActionsObserver.Seen observe(ProviderSettings... providers) {
      return new DataActionsObserver(api, settling).observe(List.of(providers));
    }

    /** What register does for one provider: observe, compare, and apply when it differs. */
    ProviderProvisioning.Outcome register(ProviderSettings provider, ProvisionOptions options) {
      ProviderState state = observe(provider).states().get(0);
      if (state != null
          && !options.rotateApiKey()
          && DataActionsComparison.differences(provider, state).isEmpty()) {
        return new ProviderProvisioning.Outcome(
            Action.UNCHANGED, state.resourceIds(provider), null);
      }
      return new ProviderProvisioning(api, settling, desired(provider), state, options, notes::add)
          .run();
    }
  }

  static DesiredProvider desired(ProviderSettings provider) {
    return new DesiredProvider(provider, Secret.of(KEY), Place.NOWHERE);
  }

  static ProvisionOptions plain() {
    return new ProvisionOptions(false, false, false);
  }

  void faults(String... rules) {
    emulator.setFaultScript(
        FaultScript.parse("{\"rules\": [" + String.join(", ", rules) + "]}", "of the test"));
  }

  /** The journal's writes (not GET) from {@code from} on. */
  List<JournalEntry> writesSince(int from) {
    List<JournalEntry> journal = emulator.journal();
    return journal.subList(from, journal.size()).stream()
        .filter(e -> !e.method().equals("GET"))
        .filter(e -> !e.path().startsWith("/oauth/token"))
        .toList();
  }

  int journalSize() {
    return emulator.journal().size();
  }

  @Override
  public void close() {
    synchronized (clients) {
      clients.forEach(GenesysClient::close);
    }
    emulator.close();
  }
}
