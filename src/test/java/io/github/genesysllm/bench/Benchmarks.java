package io.github.genesysllm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The benchmark harness: runs the selected workloads (1 to 6, all by default) against in-process
 * emulators on loopback, prints a Markdown report on stdout as it goes and writes it whole to
 * {@code bench/RESULTS.md} (the system property {@code bench.results} names another file).
 * Arguments: workload numbers, separated by spaces or commas. See bench/README.md.
 */
public final class Benchmarks {

  private static final String RESULTS = "bench/RESULTS.md";

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    SortedSet<Integer> selected;
    try {
      selected = workloads(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: bench/run [workload ...]   workloads 1 to 6, all by default; see bench/README.md");
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    Path scratch = Files.createTempDirectory("genesys-llm-bench");
    try (OverheadWorkload overhead = new OverheadWorkload(scratch)) {
      if (selected.contains(4)) {
        // before any other workload loads the plugin's classes
        overhead.coldSample();
      }
      Report report = new Report();
      report.add(header(selected));
      Map<Integer, RunFigures> noChange =
          selected.contains(1) ? new NoChangeWorkload().run(report) : Map.of();
      RunFigures create = selected.contains(2) ? new RateLimitWorkload().run(report) : null;
      if (selected.contains(3)) {
        new LatencyWorkload().run(report);
      }
      if (selected.contains(4)) {
        overhead.run(report);
      }
      if (selected.contains(5)) {
        new NaiveComparison().run(report, noChange.get(100), create);
      }
      if (selected.contains(6)) {
        new DataActionsWorkload().run(report);
      }
      report.add(
          String.format(
              Locale.ROOT, "%nThe benchmark took %.0f s.%n", (System.nanoTime() - started) / 1e9));
      Path results = Path.of(System.getProperty("bench.results", RESULTS));
      report.writeTo(results);
      Report.progress("written to " + results.toAbsolutePath());
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * The workload numbers among {@code args} (spaces or commas between them); all six when there are
   * none.
   */
  static SortedSet<Integer> workloads(String[] args) {
    SortedSet<Integer> selected = new TreeSet<>();
    for (String arg : args) {
      for (String token : arg.trim().split("[\\s,]+")) {
        if (token.isEmpty()) {
          continue;
        }
        if (!token.matches("[1-6]")) {
          throw new IllegalArgumentException(
              "Unknown workload '" + token + "': give numbers from 1 to 6.");
        }
        selected.add(Integer.parseInt(token));
      }
    }
    if (selected.isEmpty()) {
      selected.addAll(List.of(1, 2, 3, 4, 5, 6));
    }
    return selected;
  }

  private static String header(SortedSet<Integer> selected) {
    String command = System.getenv("BENCH_COMMAND");
    List<String> numbers = new ArrayList<>();
    selected.forEach(n -> numbers.add(String.valueOf(n)));
    return "# Benchmark results\n\n"
        + "- Date: "
        + ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .replaceFirst("\\.\\d+", "")
        + "\n"
        + "- Command: `"
        + (command == null || command.isBlank()
            ? "Benchmarks " + String.join(" ", numbers)
            : command)
        + "` (workloads "
        + String.join(", ", numbers)
        + ")\n"
        + Machine.describe()
        + "\nHow to read these figures: bench/README.md. Times are taken inside the JVM (`System.nanoTime()`),"
        + " so Maven's start-up is not in them; requests are counted by the emulator's journal.\n";
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
