package io.github.genesysllm.bench;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Workload 1: a register run that changes nothing over N existing providers. It should cost the
 * token, {@code tokens/me} and one listing page per 100 providers, and nothing more.
 */
final class NoChangeWorkload {

  static final List<Integer> SIZES = List.of(10, 100, 1000);
  private static final int REPETITIONS = 5;
  private static final int PAGE_SIZE = 100;

  /** Measures every size; answers the figures per size, for workload 5 to compare with. */
  Map<Integer, RunFigures> run(Report report) throws Exception {
    MarkdownTable table =
        new MarkdownTable(
            "providers",
            "requests (journal)",
            "requests (client stats)",
            "minimum possible",
            "beyond the minimum",
            "requests by kind",
            "goal time, ms");
    Map<Integer, RunFigures> figures = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (int size : SIZES) {
      Report.progress("workload 1: " + size + " providers, 1 warm-up + " + REPETITIONS + " runs");
      try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
        BenchProviders.seed(emulator.store(), size);
        List<DesiredProvider> desired = BenchProviders.desired(size);
        measure(emulator, desired);
        RunFigures runs = new RunFigures();
        Samples journalRequests = runs.requests;
        Samples clientRequests = new Samples();
        Samples millis = new Samples();
        Set<String> kinds = new LinkedHashSet<>();
        for (int i = 0; i < REPETITIONS; i++) {
          int mark = JournalSlice.mark(emulator);
          RegisterRun.Outcome outcome = measure(emulator, desired);
          JournalSlice sent = JournalSlice.since(emulator, mark);
          runs.add(
              sent, outcome.seconds(), BenchProviders.storeHoldsExactly(emulator.store(), size));
          clientRequests.add(outcome.stats().requests());
          millis.add(outcome.millis());
          kinds.add(sent.describe());
        }
        int minimum = minimumRequests(size);
        double extra = journalRequests.max() - minimum;
        table.row(
            size,
            journalRequests.format("%.0f"),
            clientRequests.format("%.0f"),
            minimum,
            extra > 0 ? "**+" + (int) extra + " FLAGGED**" : "none",
            String.join(" / ", kinds),
            millis.format("%.1f"));
        if (journalRequests.max() != clientRequests.max()
            || journalRequests.min() != clientRequests.min()) {
          notes.add(
              "- "
                  + size
                  + " providers: the journal and the client's stats disagree on the number of"
                  + " requests; the journal is what the server received.");
        }
        figures.put(size, runs);
      }
    }
    report.section(
        "1. A run that changes nothing",
        "Each organization holds N providers (seeded in the emulator's store) and the configuration wants"
            + " exactly those, so the run changes nothing. Emulator and plugin at their defaults (300"
            + " requests per 60 s per token; client pacing 300/min, concurrency 4). One warm-up run, then "
            + REPETITIONS
            + " measured runs, each with a new client and token as each build has."
            + " *Minimum possible*: the token, `tokens/me` and one listing page per 100 providers"
            + " (`ceil(N/100)`, at least 1). *Goal time*: from creating the client to closing it (token,"
            + " identity and scope check, listing, plan); the configuration is built in memory, untimed."
            + " Figures: median (min–max).",
        table,
        notes.isEmpty()
            ? "Every run sent exactly what the journal and the client's stats both count."
            : String.join("\n", notes));
    return figures;
  }

  /**
   * token + tokens/me + one listing page per 100 providers (an empty organization still takes one
   * page).
   */
  static int minimumRequests(int providers) {
    return 2 + Math.max(1, (providers + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  private static RegisterRun.Outcome measure(Emulator emulator, List<DesiredProvider> desired)
      throws Exception {
    RegisterRun.Outcome outcome =
        RegisterRun.run(emulator, ClientOptions.defaults(), ReconcileOptions.defaults(), desired);
    if (outcome.result().count(Action.UNCHANGED) != desired.size()) {
      throw new IllegalStateException(
          "a run over providers that are as configured changed something: "
              + outcome.result().summary());
    }
    return outcome;
  }
}
