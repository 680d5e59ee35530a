package io.github.genesysllm.bench;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.RateWindowKind;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Workload 1: a register run that changes nothing over N existing providers, against a fixed and a
 * sliding rate window. It should cost the token, {@code tokens/me} and one listing page per 100
 * providers, nothing more, and none of them should wait for the pacer.
 */
final class NoChangeWorkload {

  static final List<Integer> SIZES = List.of(10, 100, 250, 1000);
  private static final int REPETITIONS = 5;
  private static final int PAGE_SIZE = 100;

  /** The target: a no-change run over 250 providers sends its last request this soon. */
  private static final int TARGET_PROVIDERS = 250;

  private static final double TARGET_FIRST_TO_LAST_MILLIS = 300;

  /**
   * Measures every size in both windows; answers the figures per size of the sliding window (the
   * platform's), for workload 5 to compare with.
   */
  Map<Integer, RunFigures> run(Report report) throws Exception {
    MarkdownTable table =
        new MarkdownTable(
            "providers",
            "rate window",
            "requests (journal)",
            "requests (client stats)",
            "minimum possible",
            "beyond the minimum",
            "requests by kind",
            "goal time, ms",
            "first to last request, ms");
    Map<Integer, RunFigures> figures = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    boolean disagree = false;
    RequestClock clock = new RequestClock();
    clock.install();
    try {
      for (int size : SIZES) {
        for (RateWindowKind window : RateWindowKind.values()) {
          Report.progress(
              "workload 1: "
                  + size
                  + " providers, "
                  + window
                  + " window, 1 warm-up + "
                  + REPETITIONS
                  + " runs");
          try (Emulator emulator =
              Emulator.start(EmulatorSettings.builder().rateWindow(window).build())) {
            BenchProviders.seed(emulator.store(), size);
            List<DesiredProvider> desired = BenchProviders.desired(size);
            measure(emulator, desired);
            RunFigures runs = new RunFigures();
            Samples clientRequests = new Samples();
            Samples clockRequests = new Samples();
            Samples millis = new Samples();
            Samples firstToLast = new Samples();
            Set<String> kinds = new LinkedHashSet<>();
            for (int i = 0; i < REPETITIONS; i++) {
              int mark = JournalSlice.mark(emulator);
              clock.reset();
              RegisterRun.Outcome outcome = measure(emulator, desired);
              JournalSlice sent = JournalSlice.since(emulator, mark);
              runs.add(
                  sent,
                  outcome.seconds(),
                  BenchProviders.storeHoldsExactly(emulator.store(), size));
              clientRequests.add(outcome.stats().requests());
              clockRequests.add(clock.requests());
              millis.add(outcome.millis());
              firstToLast.add(clock.firstToLastMillis());
              kinds.add(sent.describe());
            }
            int minimum = minimumRequests(size);
            double extra = runs.requests.max() - minimum;
            table.row(
                size,
                window,
                runs.requests.format("%.0f"),
                clientRequests.format("%.0f"),
                minimum,
                extra > 0 ? "**+" + (int) extra + " FLAGGED**" : "none",
                String.join(" / ", kinds),
                millis.format("%.1f"),
                firstToLast.format("%.1f"));
            if (runs.requests.max() != clientRequests.max()
                || runs.requests.min() != clientRequests.min()
                || runs.requests.max() != clockRequests.max()
                || runs.requests.min() != clockRequests.min()) {
              disagree = true;
              notes.add(
                  "- "
                      + size
                      + " providers, "
                      + window
                      + " window: the journal, the client's stats and the request clock disagree on"
                      + " the number of requests; the journal is what the server received.");
            }
            if (size == TARGET_PROVIDERS) {
              notes.add(targetNote(window, runs, firstToLast));
            }
            if (window == RateWindowKind.SLIDING) {
              figures.put(size, runs);
            }
          }
        }
      }
    } finally {
      clock.uninstall();
    }
    report.section(
        "1. A run that changes nothing",
        "Each organization holds N providers (seeded in the emulator's store) and the configuration wants"
            + " exactly those, so the run changes nothing. Emulator and plugin at their defaults (300"
            + " requests per 60 s per token, in a fixed or a sliding window; client pacing 300 in any 60 s,"
            + " concurrency 4). One warm-up run, then "
            + REPETITIONS
            + " measured runs, each with a new client and token as each build has."
            + " *Minimum possible*: the token, `tokens/me` and one listing page per 100 providers"
            + " (`ceil(N/100)`, at least 1). *Goal time*: from creating the client to closing it (token,"
            + " identity and scope check, listing, plan); the configuration is built in memory, untimed."
            + " *First to last request*: from the token request to the last listing page, as the client"
            + " sends them. Figures: median (min–max).",
        table,
        (disagree
                ? ""
                : "Every run sent exactly what the journal, the client's stats and the request clock"
                    + " all count.\n\n")
            + String.join("\n", notes));
    return figures;
  }

  private static String targetNote(RateWindowKind window, RunFigures runs, Samples firstToLast) {
    boolean met =
        runs.requests.max() == minimumRequests(TARGET_PROVIDERS)
            && firstToLast.max() <= TARGET_FIRST_TO_LAST_MILLIS;
    return String.format(
        Locale.ROOT,
        "- Target, %d providers, %s window: %d requests within %.0f ms of the first — %s (%.0f"
            + " requests, the last %.1f ms after the first at worst).",
        TARGET_PROVIDERS,
        window,
        minimumRequests(TARGET_PROVIDERS),
        TARGET_FIRST_TO_LAST_MILLIS,
        met ? "met" : "NOT met",
        runs.requests.max(),
        firstToLast.max());
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
