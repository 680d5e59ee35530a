package io.github.genesysllm.bench;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Workload 3: creating 200 providers when every request takes 200 ms (a far-away region), without a
 * tight rate limit: how much does changing several providers at once buy?
 */
final class LatencyWorkload {

  private static final int PROVIDERS = 200;
  private static final int LATENCY_MILLIS = 200;

  /** Concurrency, and how many measured runs of it: a run at concurrency 1 lasts about 41 s. */
  private static final SortedMap<Integer, Integer> REPETITIONS = new TreeMap<>(Map.of(1, 2, 4, 3));

  private static final int GENEROUS_LIMIT = 1_000_000;

  void run(Report report) throws Exception {
    Report.progress("workload 3: warm-up (20 providers, no latency)");
    try (Emulator emulator = Emulator.start(settings(0))) {
      RegisterRun.run(
          emulator, clientOptions(), ReconcileOptions.defaults(), BenchProviders.desired(20));
    }
    MarkdownTable table =
        new MarkdownTable(
            "concurrency",
            "runs",
            "wall time, s",
            "providers/s",
            "latency-bound ideal, providers/s",
            "share of ideal",
            "requests (journal)");
    for (Map.Entry<Integer, Integer> entry : REPETITIONS.entrySet()) {
      int concurrency = entry.getKey();
      int repetitions = entry.getValue();
      RunFigures runs = new RunFigures();
      Samples throughput = new Samples();
      for (int i = 1; i <= repetitions; i++) {
        Report.progress(
            "workload 3: concurrency " + concurrency + ", run " + i + "/" + repetitions);
        try (Emulator emulator = Emulator.start(settings(LATENCY_MILLIS))) {
          int mark = JournalSlice.mark(emulator);
          RegisterRun.Outcome outcome =
              RegisterRun.run(
                  emulator,
                  clientOptions(),
                  ReconcileOptions.defaults().withConcurrency(concurrency),
                  BenchProviders.desired(PROVIDERS));
          if (outcome.result().count(Action.CREATED) != PROVIDERS) {
            throw new IllegalStateException(
                "not every provider was created: " + outcome.result().summary());
          }
          runs.add(
              JournalSlice.since(emulator, mark),
              outcome.seconds(),
              BenchProviders.storeHoldsExactly(emulator.store(), PROVIDERS));
          throughput.add(PROVIDERS / outcome.seconds());
        }
      }
      double ideal = PROVIDERS / idealSeconds(concurrency);
      table.row(
          concurrency,
          repetitions,
          runs.seconds.format("%.2f"),
          throughput.format("%.2f"),
          String.format(Locale.ROOT, "%.2f", ideal),
          String.format(Locale.ROOT, "%.0f %%", 100 * throughput.median() / ideal),
          runs.requests.format("%.0f"));
    }
    report.section(
        "3. Creating " + PROVIDERS + " providers with " + LATENCY_MILLIS + " ms of latency",
        "The emulator waits "
            + LATENCY_MILLIS
            + " ms before it handles every request; its rate limit is "
            + GENEROUS_LIMIT
            + " per 60 s and the client's pacing is off (maxRequestsPerMinute 0), so"
            + " latency alone bounds the run. The organization is empty; each run has a fresh emulator."
            + " One warm-up run (20 providers, no latency), then the runs counted in the table (fewer at"
            + " concurrency 1, whose runs last about "
            + Math.round(idealSeconds(1))
            + " s). *providers/s*:"
            + " "
            + PROVIDERS
            + " / the run's wall time (token, `tokens/me` and listing included)."
            + " *Latency-bound ideal*: the three first requests one after the other, then the POSTs in"
            + " rounds of `concurrency`, each request taking exactly "
            + LATENCY_MILLIS
            + " ms.",
        table,
        "");
  }

  /**
   * Token, tokens/me and the listing one after the other, then ceil(N / concurrency) rounds of
   * POSTs.
   */
  private static double idealSeconds(int concurrency) {
    return (3 + (PROVIDERS + concurrency - 1) / concurrency) * LATENCY_MILLIS / 1000.0;
  }

  private static EmulatorSettings settings(int latencyMillis) {
    return EmulatorSettings.builder()
        .rateLimit(GENEROUS_LIMIT)
        .latencyMillis(latencyMillis)
        .build();
  }

  private static ClientOptions clientOptions() {
    return ClientOptions.builder().maxRequestsPerMinute(0).build();
  }
}
