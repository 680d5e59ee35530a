package io.github.genesysllm.bench;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.ConfigurationLoader;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Workload 4: the plugin's own overhead in a register run that changes nothing: the time from its
 * start (loading the YAML configuration, making the client) to its first request, and the heap it
 * uses. The first run of the JVM is taken apart ({@link #coldSample()}), before any other workload
 * loads the plugin's classes.
 */
final class OverheadWorkload implements AutoCloseable {

  private static final List<Integer> SIZES = List.of(100, 1000);
  private static final int COLD_SIZE = 100;
  private static final int REPETITIONS = 5;
  private static final double MIB = 1 << 20;

  private final Path directory;
  private final RequestClock clock = new RequestClock();
  private final Map<Integer, Emulator> emulators = new LinkedHashMap<>();
  private final Map<Integer, Path> configFiles = new LinkedHashMap<>();
  private Timing cold;

  /** The stamps of one run, in milliseconds from its start, and what its thread allocated. */
  private record Timing(
      double configuredMillis, double firstRequestMillis, double runMillis, long allocatedBytes) {}

  OverheadWorkload(Path directory) {
    this.directory = directory;
  }

  /**
   * The first register run of this JVM (classes not loaded yet, nothing compiled), with {@value
   * #COLD_SIZE} providers.
   */
  void coldSample() throws Exception {
    prepare();
    Report.progress("workload 4: the JVM's first register run (cold)");
    cold = timedRun(COLD_SIZE);
  }

  void run(Report report) throws Exception {
    prepare();
    MarkdownTable times =
        new MarkdownTable(
            "providers in the YAML file",
            "configuration loaded, ms",
            "first request sent, ms",
            "whole run, ms",
            "first run of the JVM (cold): loaded / first request / whole, ms");
    MarkdownTable heap =
        new MarkdownTable(
            "providers in the YAML file",
            "allocated per run, MiB",
            "live heap when the listing is read, MiB",
            "live heap after the run, MiB");
    for (int size : SIZES) {
      Report.progress(
          "workload 4: " + size + " providers, 1 warm-up + " + REPETITIONS + " runs + 1 heap run");
      timedRun(size);
      Samples configured = new Samples();
      Samples firstRequest = new Samples();
      Samples whole = new Samples();
      Samples allocated = new Samples();
      for (int i = 0; i < REPETITIONS; i++) {
        Timing timing = timedRun(size);
        configured.add(timing.configuredMillis());
        firstRequest.add(timing.firstRequestMillis());
        whole.add(timing.runMillis());
        allocated.add(timing.allocatedBytes() / MIB);
      }
      times.row(
          size,
          configured.format("%.1f"),
          firstRequest.format("%.1f"),
          whole.format("%.1f"),
          size == COLD_SIZE && cold != null
              ? String.format(
                  Locale.ROOT,
                  "%.0f / %.0f / %.0f",
                  cold.configuredMillis(),
                  cold.firstRequestMillis(),
                  cold.runMillis())
              : "—");
      long[] live = liveHeapRun(size);
      heap.row(
          size,
          allocated.format("%.1f"),
          String.format(Locale.ROOT, "%.2f", live[0] / MIB),
          String.format(Locale.ROOT, "%.2f", live[1] / MIB));
    }
    report.section(
        "4. The plugin's own overhead",
        "A register run that changes nothing, as the goal does it: the configuration read from a YAML file"
            + " by `ConfigurationLoader` (N providers, two models each), the client made, the token asked"
            + " for, identity and scopes checked, the listing read and the plan made. Plugin and emulator"
            + " at their defaults. Times from the run's start (`System.nanoTime()` before the configuration"
            + " is loaded): when the configuration is loaded, and when the client sends its first request"
            + " (the token request; stamped when httpclient5 asks the JVM's proxy selector for the"
            + " request's route, just before it connects and writes). One warm-up run, then "
            + REPETITIONS
            + " runs; median (min–max). The last column is the first register run of the"
            + " JVM, taken before any other workload (classes loaded and code interpreted then, as in a"
            + " fresh Maven build; only the emulator was started and seeded before it).",
        times,
        "");
    report.add(
        "\n"
            + heap.render()
            + "\n"
            + "Heap, measured in the benchmark's JVM, which the emulator shares (so only differences count):"
            + " *allocated per run* is what the run's thread allocated (the JVM's per-thread counter), garbage"
            + " included; a run that changes nothing does all its work on that thread (the reconciler starts"
            + " its threads only for changes), so the emulator's allocations are not in it. *Live heap* is the"
            + " used heap after two full collections, above the same reading taken just before the run (the"
            + " emulator already seeded): once when the listing has been read (the run's fullest point: the"
            + " configuration, the client and every provider listed are all referenced; a separate run, through"
            + " a probe that collects there) and once after the run, the client closed and its result still"
            + " held.\n");
  }

  private void prepare() throws Exception {
    if (!emulators.isEmpty()) {
      return;
    }
    for (int size : SIZES) {
      Emulator emulator = Emulator.start(EmulatorSettings.builder().build());
      emulators.put(size, emulator);
      BenchProviders.seed(emulator.store(), size);
      configFiles.put(size, BenchProviders.writeYaml(directory, size));
    }
  }

  private Timing timedRun(int size) throws Exception {
    clock.install();
    try {
      clock.reset();
      long allocatedBefore = HeapMeter.threadAllocatedBytes();
      RegisterRun.Outcome outcome =
          RegisterRun.run(
              emulators.get(size),
              ClientOptions.defaults(),
              ReconcileOptions.defaults(),
              () -> load(size),
              api -> api);
      long allocated = HeapMeter.threadAllocatedBytes() - allocatedBefore;
      requireUnchanged(outcome, size);
      if (clock.firstRequestNanos() == 0) {
        throw new IllegalStateException(
            "the client's first request was not seen: does it still take the"
                + " JVM's default proxy selector when no proxy is configured?");
      }
      return new Timing(
          (outcome.configuredNanos() - outcome.startNanos()) / 1e6,
          (clock.firstRequestNanos() - outcome.startNanos()) / 1e6,
          outcome.millis(),
          allocated);
    } finally {
      clock.uninstall();
    }
  }

  /** The live heap above the pre-run reading: when the listing was read, and after the run. */
  private long[] liveHeapRun(int size) throws Exception {
    AtomicReference<HeapMeter.ListingProbe> probe = new AtomicReference<>();
    long baseline = HeapMeter.liveHeapBytes();
    RegisterRun.Outcome outcome =
        RegisterRun.run(
            emulators.get(size),
            ClientOptions.defaults(),
            ReconcileOptions.defaults(),
            () -> load(size),
            api -> {
              probe.set(new HeapMeter.ListingProbe(api));
              return probe.get();
            });
    long after = HeapMeter.liveHeapBytes();
    requireUnchanged(outcome, size);
    Reference.reachabilityFence(outcome);
    return new long[] {probe.get().liveAfterListing() - baseline, after - baseline};
  }

  private List<DesiredProvider> load(int size) throws ConfigurationException {
    return new ConfigurationLoader(name -> null, new Properties(), serverId -> Optional.empty())
        .load(null, configFiles.get(size));
  }

  private static void requireUnchanged(RegisterRun.Outcome outcome, int size) {
    if (outcome.result().count(Action.UNCHANGED) != size) {
      throw new IllegalStateException(
          "the YAML configuration and the seeded providers differ: " + outcome.result().summary());
    }
  }

  @Override
  public void close() {
    emulators.values().forEach(Emulator::close);
  }
}
