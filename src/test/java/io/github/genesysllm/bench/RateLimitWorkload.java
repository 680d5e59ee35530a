package io.github.genesysllm.bench;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.client.LearnedRateLimit;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.emulator.RateWindowKind;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Workload 2: creating providers under the platform's rate limit, at its real scale (300 requests
 * in any 60 s per token), against a fixed and a sliding window: a few creates, which should not
 * wait at all; more than the limit, which should take the least time the limit allows and draw no
 * 429 of the client's own; and a server whose limit is half the configured one, which the client
 * learns from its first 429.
 */
final class RateLimitWorkload {

  static final int FEW = 10;
  static final int PROVIDERS = 330;
  static final int LIMIT = 300;
  static final int WINDOW_SECONDS = 60;
  static final int HALF_LIMIT = LIMIT / 2;

  private static final int FEW_REPETITIONS = 5;
  private static final int BULK_REPETITIONS = 2;
  private static final int HALF_REPETITIONS = 1;
  private static final double TARGET_FEW_MILLIS = 500;
  private static final double TARGET_OVER_BOUND = 0.10;
  private static final double TARGET_429_SHARE = 1.0;
  private static final double TARGET_HALF_429_SHARE = 2.0;

  /** Measures; answers the sliding window's bulk figures, for workload 5 to compare with. */
  RunFigures run(Report report) throws Exception {
    Report.progress("workload 2: warm-up (20 providers)");
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      RegisterRun.run(
          emulator,
          ClientOptions.defaults(),
          ReconcileOptions.defaults(),
          BenchProviders.desired(20));
    }
    few(report);
    RunFigures sliding = bulk(report);
    half(report);
    return sliding;
  }

  // ---- a few creates ----

  private void few(Report report) throws Exception {
    MarkdownTable table =
        new MarkdownTable(
            "rate window",
            "runs",
            "requests (journal)",
            "answered 429",
            "first to last request, ms",
            "goal time, ms",
            "target met");
    RequestClock clock = new RequestClock();
    clock.install();
    try {
      for (RateWindowKind window : RateWindowKind.values()) {
        Report.progress(
            "workload 2: " + FEW + " creates, " + window + " window, " + FEW_REPETITIONS + " runs");
        RunFigures runs = new RunFigures();
        Samples firstToLast = new Samples();
        Samples millis = new Samples();
        for (int i = 0; i < FEW_REPETITIONS; i++) {
          try (Emulator emulator = Emulator.start(settings(window, LIMIT))) {
            clock.reset();
            Measured run = measure(emulator, ClientOptions.defaults(), FEW);
            runs.add(run.sent, run.outcome.seconds(), run.converged);
            firstToLast.add(clock.firstToLastMillis());
            millis.add(run.outcome.millis());
          }
        }
        boolean met =
            firstToLast.max() <= TARGET_FEW_MILLIS
                && runs.rateLimited.max() == 0
                && runs.converged();
        table.row(
            window,
            FEW_REPETITIONS,
            runs.requests.format("%.0f"),
            runs.rateLimited.format("%.0f"),
            firstToLast.format("%.1f"),
            millis.format("%.1f"),
            met ? "yes" : "**no**");
      }
    } finally {
      clock.uninstall();
    }
    report.section(
        "2. Creating providers under the rate limit",
        "The platform's limit at its real scale: 300 requests in 60 s per token, refused requests"
            + " counted too, in a fixed window (opening with the token's first request) or a sliding"
            + " one (any 60 s). The client at its defaults: pacing to 300 requests in any 60 s,"
            + " concurrency 4, retry budget 120 s. Every run on a fresh emulator (an empty"
            + " organization); one warm-up run (20 providers) before them all.\n\n"
            + "### 2a. "
            + FEW
            + " creates\n\n"
            + "Far below the limit, nothing should wait. *First to last request*: from the token request"
            + " to the last POST, as the client sends them. *Target*: the last request within "
            + f("%.0f", TARGET_FEW_MILLIS)
            + " ms of the first, in every run, and no 429. Figures: median (min–max).",
        table,
        "");
  }

  // ---- more than the limit ----

  private RunFigures bulk(Report report) throws Exception {
    MarkdownTable table = bulkTable("target met");
    RunFigures sliding = null;
    int met = 0;
    int total = 0;
    for (RateWindowKind window : RateWindowKind.values()) {
      RunFigures runs = new RunFigures();
      Samples bounds = new Samples();
      for (int i = 1; i <= BULK_REPETITIONS; i++) {
        Report.progress(
            "workload 2: "
                + PROVIDERS
                + " creates, "
                + window
                + " window, repetition "
                + i
                + "/"
                + BULK_REPETITIONS
                + " (about a minute)");
        try (Emulator emulator = Emulator.start(settings(window, LIMIT))) {
          Measured run = measure(emulator, ClientOptions.defaults(), PROVIDERS);
          runs.add(run.sent, run.outcome.seconds(), run.converged);
          double bound = boundSeconds(run.sent.counted(), LIMIT);
          bounds.add(bound);
          double over = run.outcome.seconds() / bound - 1;
          double share = share(run.sent);
          boolean ok = over <= TARGET_OVER_BOUND && share <= TARGET_429_SHARE && run.converged;
          met += ok ? 1 : 0;
          total++;
          bulkRow(table, window, String.valueOf(i), run, bound, ok ? "yes" : "**no**");
        }
      }
      double medianOver = runs.seconds.median() / bounds.median() - 1;
      double medianShare = runs.rateLimitedShare().median();
      table.row(
          "**median**",
          window,
          f("%.2f", runs.seconds.median()),
          f("%.1f", bounds.median()),
          f("%+.1f %%", 100 * medianOver),
          f("%.0f", runs.requests.median()),
          f("%.0f", runs.rateLimited.median()),
          f("%.1f %%", medianShare),
          "",
          "",
          medianOver <= TARGET_OVER_BOUND && medianShare <= TARGET_429_SHARE && runs.converged()
              ? "**yes**"
              : "**no**");
      if (window == RateWindowKind.SLIDING) {
        sliding = runs;
      }
    }
    report.add(
        "\n### 2b. "
            + PROVIDERS
            + " creates at the default limit\n\n"
            + "More requests than one window holds: the token, `tokens/me`, one listing page and "
            + PROVIDERS
            + " POSTs, of which n = "
            + (PROVIDERS + 2)
            + " count against the token's limit (the token request is limited per OAuth client, apart),"
            + " more if some are refused. *Lower bound*: no client can send n counted requests in less"
            + " than floor((n − 1) / 300) · 60 s = **"
            + f("%.0f", boundSeconds(PROVIDERS + 2, LIMIT))
            + " s**; the wall time, from creating the client to closing it, is set against it. *Target*:"
            + " within "
            + f("%.0f", 100 * TARGET_OVER_BOUND)
            + " % of the bound, at most "
            + f("%.0f", TARGET_429_SHARE)
            + " % of the requests answered 429 (reported, not asserted). "
            + BULK_REPETITIONS
            + " repetitions per window (a minute each).\n\n"
            + table.render()
            + "\nTarget met in "
            + met
            + " of "
            + total
            + " repetitions.\n\nReading: the pacer sends the first 300 counted requests as fast as the"
            + " server answers them; each later one waits until the request 300 places before it has"
            + " been answered 60 s ago (a request counts from its sending until 60 s after its answer),"
            + " so the run should take the bound plus about the time the first "
            + ((PROVIDERS + 2 - 1) % LIMIT + 1)
            + " requests took, with no 429.\n");
    return sliding;
  }

  // ---- a server at half the configured limit ----

  private void half(Report report) throws Exception {
    MarkdownTable table = bulkTable("learned limit (logged)", "target met");
    for (RateWindowKind window : RateWindowKind.values()) {
      for (int i = 1; i <= HALF_REPETITIONS; i++) {
        Report.progress(
            "workload 2: "
                + PROVIDERS
                + " creates against "
                + HALF_LIMIT
                + " per "
                + WINDOW_SECONDS
                + " s, "
                + window
                + " window (about two minutes)");
        try (Emulator emulator = Emulator.start(settings(window, HALF_LIMIT))) {
          Measured run = measure(emulator, ClientOptions.defaults(), PROVIDERS);
          List<LearnedRateLimit> learned = run.outcome.stats().learnedLimits();
          boolean logged =
              learned.size() == 1
                  && learned.get(0).stated().requests() == HALF_LIMIT
                  && run.outcome.warnings().contains(learned.get(0).describe());
          double bound = boundSeconds(run.sent.counted(), HALF_LIMIT);
          boolean ok = run.converged && share(run.sent) <= TARGET_HALF_429_SHARE && logged;
          bulkRow(
              table,
              window,
              String.valueOf(i),
              run,
              bound,
              learned.stream().map(l -> l.stated().toString()).collect(Collectors.joining(", "))
                  + (logged ? " (yes)" : " (**no**)"),
              ok ? "yes" : "**no**");
        }
      }
    }
    report.add(
        "\n### 2c. "
            + PROVIDERS
            + " creates against a server at half the configured limit\n\n"
            + "The emulator admits "
            + HALF_LIMIT
            + " requests per "
            + WINDOW_SECONDS
            + " s; the client is configured for 300 (its default). Its first 429 states the limit"
            + " (`Rate limit exceeded the maximum ["
            + HALF_LIMIT
            + "] requests within ["
            + WINDOW_SECONDS
            + "] seconds`). *Bound*: as in 2b, at the server's limit of "
            + HALF_LIMIT
            + ", over the counted requests, refused ones included. *Target*: the run converges, at most "
            + f("%.0f", TARGET_HALF_429_SHARE)
            + " % of the requests answered 429, and the learned limit is logged once (the warning the"
            + " build log gets, beside the client's structured record of it). "
            + HALF_REPETITIONS
            + " run per window (two minutes each).\n\n"
            + table.render()
            + "\nReading: the requests already sent when the first 429 comes back are refused too (at"
            + " most one per worker, 4); every worker then pauses for `Retry-After`, and the pacer keeps"
            + " to the stated limit from then on, so no later request is refused.\n");
  }

  // ---- shared ----

  private record Measured(RegisterRun.Outcome outcome, JournalSlice sent, boolean converged) {}

  private static Measured measure(Emulator emulator, ClientOptions options, int providers)
      throws Exception {
    int mark = JournalSlice.mark(emulator);
    RegisterRun.Outcome outcome =
        RegisterRun.run(
            emulator, options, ReconcileOptions.defaults(), BenchProviders.desired(providers));
    JournalSlice sent = JournalSlice.since(emulator, mark);
    boolean converged =
        outcome.result().count(Action.CREATED) == providers
            && BenchProviders.storeHoldsExactly(emulator.store(), providers);
    return new Measured(outcome, sent, converged);
  }

  private static MarkdownTable bulkTable(String... last) {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "repetition",
                "rate window",
                "wall time, s",
                "lower bound, s",
                "over the bound",
                "requests (journal)",
                "answered 429",
                "429 share",
                "429s at request #",
                "providers created"));
    headers.addAll(List.of(last));
    return new MarkdownTable(headers.toArray(String[]::new));
  }

  private static void bulkRow(
      MarkdownTable table,
      RateWindowKind window,
      String repetition,
      Measured run,
      double bound,
      String... last) {
    List<Object> cells =
        new ArrayList<>(
            List.of(
                repetition,
                window,
                f("%.2f", run.outcome.seconds()),
                f("%.1f", bound),
                f("%+.1f %%", 100 * (run.outcome.seconds() / bound - 1)),
                run.sent.requests(),
                run.sent.answered(429),
                f("%.1f %%", share(run.sent)),
                positions(run.sent),
                run.outcome.result().count(Action.CREATED)
                    + (run.converged ? "" : " (NOT CONVERGED)")));
    cells.addAll(List.of(last));
    table.row(cells.toArray());
  }

  static EmulatorSettings settings(RateWindowKind window, int limit) {
    return EmulatorSettings.builder()
        .rateLimit(limit)
        .rateWindowSeconds(WINDOW_SECONDS)
        .rateWindow(window)
        .build();
  }

  /** floor((n − 1) / C) · W: the least time n counted requests take at C per W. */
  static double boundSeconds(int counted, int limit) {
    return (double) ((counted - 1) / limit) * WINDOW_SECONDS;
  }

  private static double share(JournalSlice sent) {
    return 100.0 * sent.answered(429) / sent.requests();
  }

  /** {@code 52–55}, or {@code —} when none. */
  private static String positions(JournalSlice sent) {
    List<Integer> positions = sent.positionsOf(429);
    if (positions.isEmpty()) {
      return "—";
    }
    int first = positions.get(0);
    int last = positions.get(positions.size() - 1);
    boolean consecutive = last - first + 1 == positions.size();
    return consecutive
        ? (first == last ? String.valueOf(first) : first + "–" + last)
        : positions.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String f(String pattern, Object value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
