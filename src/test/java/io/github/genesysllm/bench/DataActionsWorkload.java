package io.github.genesysllm.bench;

import io.github.genesysllm.client.ClientOptions;
import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.RateWindowKind;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ReconcileOptions;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.dataactions.DataActionsTargetType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Workload 6: the {@code dataActions} target over P providers of M models, against the platform's
 * rate limit at its real scale (300 requests in any 60 s): a first run that creates everything, set
 * against the least time the limit allows, then a run that changes nothing, set against the
 * requests the contract makes necessary.
 */
final class DataActionsWorkload {

  static final int PROVIDERS = 20;
  static final int MODELS = 3;
  private static final int LIMIT = RateLimitWorkload.LIMIT;

  void run(Report report) throws Exception {
    List<DesiredProvider> desired = desired();
    MarkdownTable table =
        new MarkdownTable(
            "run",
            "result",
            "requests (journal)",
            "minimum",
            "beyond the minimum",
            "answered 429",
            "wall time, s",
            "lower bound, s",
            "requests by kind");
    try (Emulator emulator =
        Emulator.start(RateLimitWorkload.settings(RateWindowKind.SLIDING, LIMIT))) {
      Report.progress(
          "workload 6: dataActions, first run of "
              + PROVIDERS
              + " x "
              + MODELS
              + " (over a minute)");
      int mark = JournalSlice.mark(emulator);
      RegisterRun.Outcome first = run(emulator, desired);
      JournalSlice created = JournalSlice.since(emulator, mark);
      row(
          table,
          "first",
          first,
          created,
          "—",
          RateLimitWorkload.boundSeconds(created.counted(), LIMIT));

      Report.progress("workload 6: dataActions, a run that changes nothing");
      mark = JournalSlice.mark(emulator);
      RegisterRun.Outcome noChange = run(emulator, desired);
      JournalSlice read = JournalSlice.since(emulator, mark);
      int minimum = 2 + 3 + PROVIDERS + 3 * PROVIDERS * MODELS;
      row(table, "no change", noChange, read, String.valueOf(minimum), Double.NaN);
    }
    report.section(
        "6. The dataActions target: " + PROVIDERS + " providers of " + MODELS + " models",
        "The platform's limit at its real scale (300 requests in any 60 s, sliding window), the"
            + " client at its defaults. A first run creates a credential, an integration and "
            + MODELS
            + " data actions per provider; a second run changes nothing. *Minimum* for the run that"
            + " changes nothing, derived from the contract: the token, `tokens/me`, one page of each"
            + " listing (integrations, credentials, actions: up to 100, 200 and 100 entries), each"
            + " integration's configuration (the credential mapping is in no listing), and per action"
            + " its GET with the contract (not in the listing) and its two template files (the"
            + " platform returns templates as URIs): 2 + 3 + P + 3·P·M. *Lower bound* of the first"
            + " run: floor((n − 1) / 300) · 60 s for its n counted requests (as in workload 2).",
        table,
        "");
  }

  private static RegisterRun.Outcome run(Emulator emulator, List<DesiredProvider> desired)
      throws Exception {
    return RegisterRun.run(
        emulator,
        ClientOptions.defaults(),
        ReconcileOptions.defaults(),
        desired,
        new DataActionsTargetType());
  }

  private static void row(
      MarkdownTable table,
      String name,
      RegisterRun.Outcome outcome,
      JournalSlice sent,
      String minimum,
      double bound) {
    Map<Action, Integer> counts = outcome.result().counts();
    String result =
        counts.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "));
    table.row(
        name,
        result,
        sent.requests(),
        minimum,
        minimum.equals("—") ? "—" : beyond(sent.requests() - Integer.parseInt(minimum)),
        sent.answered(429),
        String.format(Locale.ROOT, "%.2f", outcome.seconds()),
        Double.isNaN(bound) ? "—" : String.format(Locale.ROOT, "%.0f", bound),
        sent.describeByMethod());
  }

  private static String beyond(int extra) {
    return extra == 0 ? "none" : String.valueOf(extra);
  }

  private static List<DesiredProvider> desired() {
    List<ModelSettings> models =
        IntStream.rangeClosed(1, MODELS)
            .mapToObj(m -> new ModelSettings("chat-" + m, "Chat " + m, 4096, false))
            .toList();
    return IntStream.rangeClosed(1, PROVIDERS)
        .mapToObj(
            p ->
                new DesiredProvider(
                    new ProviderSettings(
                        BenchProviders.name(p),
                        "CUSTOM",
                        "https://inference.private-cloud.internal/api/v1",
                        "v1",
                        30_000,
                        models),
                    Secret.of("bench-api-key-" + p),
                    new Place.InlineProvider(p)))
        .toList();
  }
}
