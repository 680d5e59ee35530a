package io.github.genesysllm.bench;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.EmulatorSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Workload 2: creating 200 providers under the platform's rate limit, scaled down in time (300 per
 * 60 s becomes 50 per 5 s), with the client's pacing set to the same rate (600 a minute). How close
 * does the run come to the least time the limit allows, and how many requests does it get refused?
 */
final class RateLimitWorkload {

  static final int PROVIDERS = 200;
  static final int LIMIT = 50;
  static final int WINDOW_SECONDS = 5;
  static final int REQUESTS_PER_MINUTE = LIMIT * 60 / WINDOW_SECONDS;
  private static final int REPETITIONS = 3;
  private static final double TARGET_OVER_BOUND = 0.10;
  private static final double TARGET_429_SHARE = 1.0;

  /** Measures; answers the figures for workload 5 to compare with. */
  RunFigures run(Report report) throws Exception {
    Report.progress("workload 2: warm-up (20 providers, no tight limit)");
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      RegisterRun.run(
          emulator, clientOptions(), ReconcileOptions.defaults(), BenchProviders.desired(20));
    }
    // token, tokens/me, one listing page (the organization is empty), one POST per provider
    int needed = 3 + PROVIDERS;
    // the limiter counts requests per token; the token request itself is counted per OAuth client
    int limited = needed - 1;
    double bound = lowerBoundSeconds(limited);
    RunFigures runs = new RunFigures();
    MarkdownTable table =
        new MarkdownTable(
            "repetition",
            "wall time, s",
            "over the bound",
            "requests (journal)",
            "answered 429",
            "429 share",
            "429s at request #",
            "providers created",
            "target met");
    int met = 0;
    for (int i = 1; i <= REPETITIONS; i++) {
      Report.progress(
          "workload 2: repetition "
              + i
              + "/"
              + REPETITIONS
              + " (at least "
              + Math.round(bound)
              + " s)");
      try (Emulator emulator =
          Emulator.start(
              EmulatorSettings.builder()
                  .rateLimit(LIMIT)
                  .rateWindowSeconds(WINDOW_SECONDS)
                  .build())) {
        int mark = JournalSlice.mark(emulator);
        RegisterRun.Outcome outcome =
            RegisterRun.run(
                emulator,
                clientOptions(),
                ReconcileOptions.defaults(),
                BenchProviders.desired(PROVIDERS));
        JournalSlice sent = JournalSlice.since(emulator, mark);
        boolean converged =
            outcome.result().count(Action.CREATED) == PROVIDERS
                && BenchProviders.storeHoldsExactly(emulator.store(), PROVIDERS);
        runs.add(sent, outcome.seconds(), converged);
        double over = outcome.seconds() / bound - 1;
        double share = 100.0 * sent.answered(429) / sent.requests();
        boolean ok = meetsTarget(over, share);
        met += ok ? 1 : 0;
        table.row(
            i,
            f("%.2f", outcome.seconds()),
            f("%+.1f %%", 100 * over),
            sent.requests(),
            sent.answered(429),
            f("%.1f %%", share),
            positions(sent),
            outcome.result().count(Action.CREATED) + (converged ? "" : " (NOT CONVERGED)"),
            ok ? "yes" : "no");
      }
    }
    double medianOver = runs.seconds.median() / bound - 1;
    double medianShare = runs.rateLimitedShare().median();
    table.row(
        "**median**",
        f("%.2f", runs.seconds.median()),
        f("%+.1f %%", 100 * medianOver),
        f("%.0f", runs.requests.median()),
        f("%.0f", runs.rateLimited.median()),
        f("%.1f %%", medianShare),
        "",
        "",
        meetsTarget(medianOver, medianShare) ? "**yes**" : "**no**");
    report.section(
        "2. Creating " + PROVIDERS + " providers under the rate limit",
        "The emulator admits "
            + LIMIT
            + " requests per "
            + WINDOW_SECONDS
            + " s per token (the platform's 300"
            + " per 60 s, scaled down in time), in a fixed window that opens with the token's first"
            + " request; requests it refuses count too. The client paces itself at the same rate,"
            + " maxRequestsPerMinute "
            + REQUESTS_PER_MINUTE
            + ": a token bucket of 1 (no burst) refilled at "
            + (REQUESTS_PER_MINUTE - 1)
            + " a minute. Concurrency 4 (the goal's default), retry budget 120 s. The organization is"
            + " empty. One warm-up run (20 providers, no tight limit), then "
            + REPETITIONS
            + " repetitions (each at least "
            + Math.round(bound)
            + " s, so only "
            + REPETITIONS
            + "), each on a fresh emulator.\n\n"
            + "*Lower bound*: the run needs "
            + needed
            + " requests (token, `tokens/me`, one listing page, "
            + PROVIDERS
            + " POSTs), of which "
            + limited
            + " count against the token's limit (the token"
            + " request is limited per OAuth client, apart). "
            + LIMIT
            + " per window means "
            + windows(limited)
            + " windows, the last opening "
            + f("%.0f", bound)
            + " s after the first"
            + " request: no client can finish sooner than **"
            + f("%.1f", bound)
            + " s**. (Requests"
            + " divided by the rate, "
            + needed
            + " / "
            + f("%.0f", LIMIT / (double) WINDOW_SECONDS)
            + " per s, gives "
            + f("%.1f", needed / (LIMIT / (double) WINDOW_SECONDS))
            + " s; the first"
            + " window's burst of "
            + LIMIT
            + " is what lets the fixed window do slightly better.)"
            + " *Target*: within "
            + f("%.0f", 100 * TARGET_OVER_BOUND)
            + " % of the bound and at most "
            + f("%.0f", TARGET_429_SHARE)
            + " % of requests answered 429 (reported, not asserted).",
        table,
        "Target met in "
            + met
            + " of "
            + REPETITIONS
            + " repetitions; on the medians: "
            + f("%.2f", runs.seconds.median())
            + " s is "
            + f("%+.1f", 100 * medianOver)
            + " % against the "
            + f("%.1f", bound)
            + " s bound (target +"
            + f("%.0f", 100 * TARGET_OVER_BOUND)
            + " %: "
            + (medianOver <= TARGET_OVER_BOUND ? "met" : "NOT met")
            + "), "
            + f("%.1f", medianShare)
            + " % answered 429 (target "
            + f("%.0f", TARGET_429_SHARE)
            + " %: "
            + (medianShare <= TARGET_429_SHARE ? "met" : "NOT met")
            + ").\n\n"
            + pacerPrediction(limited));
    return runs;
  }

  /**
   * What the pacer's design (RequestPacer: a bucket of 1, refilled at R - 1 a minute) predicts
   * against this window, to read the figures by.
   */
  private static String pacerPrediction(int limited) {
    double refillPerSecond = (REQUESTS_PER_MINUTE - 1) / 60.0;
    double predicted = (limited - 1) / refillPerSecond;
    double perWindow = 1 + refillPerSecond * WINDOW_SECONDS;
    return "Reading: the pacer hands out one token at once, then one every "
        + f("%.3f", 1 / refillPerSecond)
        + " s, so a "
        + WINDOW_SECONDS
        + "-s window sees at most "
        + f("%.1f", perWindow)
        + " requests, i.e. "
        + (int) perWindow
        + " (the limit is "
        + LIMIT
        + "): it should draw no 429 of its own, and the "
        + limited
        + " requests that count take about "
        + f("%.1f", predicted)
        + " s ("
        + f("%+.1f", 100 * (predicted / lowerBoundSeconds(limited) - 1))
        + " % against the bound).";
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

  static ClientOptions clientOptions() {
    return ClientOptions.builder().maxRequestsPerMinute(REQUESTS_PER_MINUTE).build();
  }

  /**
   * The least time {@code requests} take under a fixed window: the opening of the window the last
   * one needs.
   */
  static double lowerBoundSeconds(int requests) {
    return (windows(requests) - 1) * (double) WINDOW_SECONDS;
  }

  private static int windows(int requests) {
    return (requests + LIMIT - 1) / LIMIT;
  }

  private static boolean meetsTarget(double overBound, double sharePercent) {
    return overBound <= TARGET_OVER_BOUND && sharePercent <= TARGET_429_SHARE;
  }

  private static String f(String pattern, Object value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
