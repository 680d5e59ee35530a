package io.github.genesysllm.bench;

import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.RateWindowKind;
import io.github.genesysllm.provider.DesiredProvider;
import java.util.List;
import java.util.Locale;

/**
 * Workload 5: workloads 1 (100 providers) and 2b through a {@link NaiveClient}, side by side with
 * the plugin's figures from the same invocation.
 */
final class NaiveComparison {

  private static final int NO_CHANGE_PROVIDERS = 100;
  private static final int NO_CHANGE_REPETITIONS = 3;
  private static final int CREATE_REPETITIONS = 1;

  /**
   * @param pluginNoChange the plugin's figures of workload 1 at {@value #NO_CHANGE_PROVIDERS}
   *     providers, or null when workload 1 did not run
   * @param pluginCreate the plugin's figures of workload 2, or null when it did not run
   */
  void run(Report report, RunFigures pluginNoChange, RunFigures pluginCreate) throws Exception {
    RunFigures naiveNoChange = new RunFigures();
    int gaveUp = 0;
    int otherErrors = 0;
    try (Emulator emulator =
        Emulator.start(EmulatorSettings.builder().rateWindow(RateWindowKind.SLIDING).build())) {
      BenchProviders.seed(emulator.store(), NO_CHANGE_PROVIDERS);
      List<DesiredProvider> desired = BenchProviders.desired(NO_CHANGE_PROVIDERS);
      Report.progress(
          "workload 5: naive client, no change over "
              + NO_CHANGE_PROVIDERS
              + " providers, 1 warm-up + "
              + NO_CHANGE_REPETITIONS
              + " runs");
      naive(emulator).register(desired);
      for (int i = 0; i < NO_CHANGE_REPETITIONS; i++) {
        NaiveClient.Tally tally = measure(emulator, desired, naiveNoChange, NO_CHANGE_PROVIDERS);
        gaveUp += tally.gaveUp;
        otherErrors += tally.otherErrors;
      }
    }
    RunFigures naiveCreate = new RunFigures();
    for (int i = 1; i <= CREATE_REPETITIONS; i++) {
      Report.progress(
          "workload 5: naive client, creating "
              + RateLimitWorkload.PROVIDERS
              + " providers at "
              + RateLimitWorkload.LIMIT
              + " per "
              + RateLimitWorkload.WINDOW_SECONDS
              + " s, sliding window (about two minutes)");
      try (Emulator emulator =
          Emulator.start(
              RateLimitWorkload.settings(RateWindowKind.SLIDING, RateLimitWorkload.LIMIT))) {
        NaiveClient.Tally tally =
            measure(
                emulator,
                BenchProviders.desired(RateLimitWorkload.PROVIDERS),
                naiveCreate,
                RateLimitWorkload.PROVIDERS);
        gaveUp += tally.gaveUp;
        otherErrors += tally.otherErrors;
      }
    }
    MarkdownTable table =
        new MarkdownTable(
            "workload",
            "client",
            "runs",
            "requests",
            "answered 429 (share)",
            "answered 409 (creates of existing providers)",
            "wall time, s",
            "converged without duplicates");
    String noChange = "no change, " + NO_CHANGE_PROVIDERS + " providers (workload 1)";
    String create =
        "create "
            + RateLimitWorkload.PROVIDERS
            + " at "
            + RateLimitWorkload.LIMIT
            + " per "
            + RateLimitWorkload.WINDOW_SECONDS
            + " s (workload 2b)";
    row(table, noChange, "plugin", pluginNoChange);
    row(table, noChange, "naive", naiveNoChange);
    row(table, create, "plugin", pluginCreate);
    row(table, create, "naive", naiveCreate);
    report.section(
        "5. The same through a naive client",
        "The naive client does what a typical tutorial script does, with `java.net.http.HttpClient`: it asks"
            + " for a token itself, then for each provider one POST and one GET of it (the id from the 201,"
            + " or from the 409's `entityId`), each tried up to 3 times when answered 429, sleeping"
            + " `Retry-After`; no listing, no pacing, one request at a time. Same emulators as workloads"
            + " 1 (defaults, "
            + NO_CHANGE_PROVIDERS
            + " providers already there) and 2b ("
            + RateLimitWorkload.LIMIT
            + " per "
            + RateLimitWorkload.WINDOW_SECONDS
            + " s, empty organization), both with the sliding window. The naive no-change"
            + " case: one warm-up run, then "
            + NO_CHANGE_REPETITIONS
            + " runs; its create case: "
            + CREATE_REPETITIONS
            + " run (about two minutes). The plugin's rows are workloads 1 and 2b (sliding window) of"
            + " this invocation. Requests and times: median (min–max), from the emulator's journal."
            + " *Converged*: the organization holds exactly the configured providers, each once, after"
            + " every run.",
        table,
        "The naive client gave up "
            + gaveUp
            + " request"
            + (gaveUp == 1 ? "" : "s")
            + " after "
            + NaiveClient.TRIES
            + " answers 429 and met "
            + otherErrors
            + " other error"
            + (otherErrors == 1 ? "" : "s")
            + ".");
  }

  private static NaiveClient naive(Emulator emulator) {
    return new NaiveClient(
        emulator.url(),
        emulator.settings().providersPath(),
        emulator.clientId(),
        emulator.clientSecret());
  }

  private static NaiveClient.Tally measure(
      Emulator emulator, List<DesiredProvider> desired, RunFigures runs, int expected)
      throws Exception {
    int mark = JournalSlice.mark(emulator);
    long start = System.nanoTime();
    NaiveClient.Tally tally = naive(emulator).register(desired);
    double seconds = (System.nanoTime() - start) / 1e9;
    runs.add(
        JournalSlice.since(emulator, mark),
        seconds,
        BenchProviders.storeHoldsExactly(emulator.store(), expected));
    return tally;
  }

  private static void row(MarkdownTable table, String workload, String client, RunFigures runs) {
    if (runs == null) {
      table.row(workload, client, 0, "not run (select its workload too)", "", "", "", "");
      return;
    }
    table.row(
        workload,
        client,
        runs.requests.count(),
        runs.requests.format("%.0f"),
        runs.rateLimited.format("%.0f")
            + String.format(Locale.ROOT, " (%.1f %%)", runs.rateLimitedShare().median()),
        runs.conflicts.format("%.0f"),
        runs.seconds.format("%.3f"),
        runs.converged() ? "yes" : "**no**");
  }
}
