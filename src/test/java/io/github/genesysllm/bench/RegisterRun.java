package io.github.genesysllm.bench;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.GenesysHosts;
import io.github.genesysllm.client.Identity;
import io.github.genesysllm.client.OAuthCredentials;
import io.github.genesysllm.client.RequestStats;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.ReconcileOptions;
import io.github.genesysllm.reconcile.Reconciler;
import io.github.genesysllm.reconcile.RegisterResult;
import io.github.genesysllm.reconcile.Target;
import io.github.genesysllm.reconcile.TargetType;
import io.github.genesysllm.reconcile.TargetType.Access;
import io.github.genesysllm.targets.providers.ProvidersApi;
import io.github.genesysllm.targets.providers.ProvidersClient;
import io.github.genesysllm.targets.providers.ProvidersTarget;
import io.github.genesysllm.targets.providers.ProvidersTargetType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One run of the register goal without Maven: the plain classes wired as {@code RegisterMojo} wires
 * them (configuration, then a {@link GenesysClient}, its identity and scope check, then the {@link
 * Reconciler}), against an emulator. The build log keeps only its warnings (the learned rate limit
 * is one): Maven's logging is not the plugin's cost, and the report file is not written.
 */
final class RegisterRun {

  /**
   * Where the configuration comes from: a list built in memory, or the {@code ConfigurationLoader}.
   */
  interface Configuration {
    List<DesiredProvider> load() throws ConfigurationException;
  }

  /**
   * What a run did, with {@link System#nanoTime()} stamps: its start, when the configuration was
   * loaded, and its end (the client closed); and the warnings the build log got.
   */
  record Outcome(
      long startNanos,
      long configuredNanos,
      long endNanos,
      RegisterResult result,
      RequestStats stats,
      List<String> warnings) {

    double millis() {
      return (endNanos - startNanos) / 1e6;
    }

    double seconds() {
      return (endNanos - startNanos) / 1e9;
    }
  }

  private RegisterRun() {}

  static Outcome run(
      Emulator emulator,
      ClientOptions clientOptions,
      ReconcileOptions options,
      List<DesiredProvider> desired)
      throws ConfigurationException {
    return run(emulator, clientOptions, options, () -> desired, UnaryOperator.identity());
  }

  /**
   * A run whose configuration is loaded inside the timing, and whose reconciler talks to the client
   * through {@code around} (for a probe; the identity for none).
   */
  static Outcome run(
      Emulator emulator,
      ClientOptions clientOptions,
      ReconcileOptions options,
      Configuration configuration,
      UnaryOperator<ProvidersApi> around)
      throws ConfigurationException {
    return run(
        emulator,
        clientOptions,
        options,
        configuration,
        new ProvidersTargetType(),
        (client, log) -> new ProvidersTarget(around.apply(new ProvidersClient(client)), log));
  }

  /** A run on another target, opened as the goals open it. */
  static Outcome run(
      Emulator emulator,
      ClientOptions clientOptions,
      ReconcileOptions options,
      List<DesiredProvider> desired,
      TargetType type)
      throws ConfigurationException {
    return run(emulator, clientOptions, options, () -> desired, type, type::open);
  }

  private static Outcome run(
      Emulator emulator,
      ClientOptions clientOptions,
      ReconcileOptions options,
      Configuration configuration,
      TargetType type,
      BiFunction<GenesysClient, BuildLog, Target<?>> open)
      throws ConfigurationException {
    long start = System.nanoTime();
    List<DesiredProvider> desired = configuration.load();
    long configured = System.nanoTime();
    GenesysHosts hosts = GenesysHosts.resolve(null, emulator.url().toString(), null);
    OAuthCredentials credentials =
        OAuthCredentials.clientCredentials(
            emulator.clientId(), emulator.clientSecret(), "the benchmark's emulator");
    RegisterResult result;
    RequestStats stats;
    List<String> warnings = new CopyOnWriteArrayList<>();
    BuildLog log =
        new BuildLog() {
          @Override
          public void debug(String message) {}

          @Override
          public void info(String message) {}

          @Override
          public void warn(String message) {
            warnings.add(message);
          }
        };
    try (GenesysClient client = new GenesysClient(hosts, credentials, clientOptions, log)) {
      Identity identity = client.identity();
      String problem =
          type.scopes(Access.WRITE).problem(identity, "register", credentials.source());
      if (problem != null) {
        throw new IllegalStateException(problem);
      }
      result = new Reconciler(open.apply(client, log), options, log).reconcile(desired);
      stats = client.stats();
    }
    return new Outcome(start, configured, System.nanoTime(), result, stats, List.copyOf(warnings));
  }
}
