package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The outcome of a verification: one {@link ProviderVerification} per configured provider, in
 * configuration order, and the number of the organization's other providers, which were not looked
 * at.
 */
public record VerifyResult(List<ProviderVerification> providers, int otherProviders) {

  /**
   * The widest a provider name or value gets in the table; longer ones are shortened in the middle.
   */
  static final int MAX_CELL = 60;

  private static final String GAP = "  ";
  private static final String ELLIPSIS = "...";

  public VerifyResult {
    providers = List.copyOf(providers);
  }

  public int count(VerifyStatus status) {
    return (int) providers.stream().filter(p -> p.status() == status).count();
  }

  /** The problems of the failed probes that tell them as data, in configuration order. */
  public List<Problem> probeProblems() {
    return providers.stream()
        .filter(ProviderVerification::probeFailed)
        .map(p -> p.probe().problem())
        .filter(Objects::nonNull)
        .toList();
  }

  /** How many providers were probed. */
  public int probed() {
    return (int) providers.stream().filter(p -> p.probe() != null).count();
  }

  public int probeFailures() {
    return (int) providers.stream().filter(ProviderVerification::probeFailed).count();
  }

  /** Whether a configured provider is missing or differs from its configuration. */
  public boolean hasDrift() {
    return providers.stream().anyMatch(p -> p.status() != VerifyStatus.MATCHES);
  }

  /** Whether verification failed: drift, a missing provider or a failed probe. */
  public boolean hasFailures() {
    return hasDrift() || probeFailures() > 0;
  }

  /**
   * One line: {@code 1 matching, 1 drifted, 1 missing} (and {@code , 1 ambiguous} when any), then
   * {@code ; models probed: 1 OK, 1 failed} when probed, then {@code ; 3 other providers not
   * checked} when there are any.
   */
  public String summary() {
    String line =
        count(VerifyStatus.MATCHES)
            + " matching, "
            + count(VerifyStatus.DRIFTED)
            + " drifted, "
            + count(VerifyStatus.MISSING)
            + " missing";
    if (count(VerifyStatus.AMBIGUOUS) > 0) {
      line += ", " + count(VerifyStatus.AMBIGUOUS) + " ambiguous";
    }
    if (probed() > 0) {
      line +=
          "; models probed: "
              + (probed() - probeFailures())
              + " OK, "
              + probeFailures()
              + " failed";
    }
    if (otherProviders > 0) {
      line +=
          "; "
              + otherProviders
              + (otherProviders == 1 ? " other provider" : " other providers")
              + " not checked";
    }
    return line;
  }

  /**
   * The table for the build log, one string per line: a header, then per provider its name and
   * status, one line per difference (field, expected, actual) and one for its probe. Columns are as
   * wide as their values; a provider name or value longer than {@value #MAX_CELL} characters is
   * shortened in the middle (a last line says so; the report has them whole). Fields (they say what
   * differs) and a probe's message (it says how to fix the endpoint) are given whole.
   */
  public List<String> table() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("Provider", "Status", "Field", "Expected", "Actual", null));
    for (ProviderVerification provider : providers) {
      String name = provider.name();
      String status = provider.status().name();
      for (Difference difference : provider.differences()) {
        rows.add(
            new Row(
                name,
                status,
                difference.field(),
                difference.expected(),
                Objects.toString(difference.actual(), ""),
                null));
        name = "";
        status = "";
      }
      if (provider.probe() != null) {
        rows.add(new Row(name, status, "probe", "", "", provider.probe().describe()));
      } else if (provider.differences().isEmpty()) {
        rows.add(new Row(name, status, "", "", "", null));
      }
    }
    int[] widths = new int[4];
    for (Row row : rows) {
      List<String> cells = row.shown();
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], cells.get(c).length());
      }
    }
    List<String> lines = new ArrayList<>(rows.size() + 1);
    for (Row row : rows) {
      List<String> cells = row.shown();
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < 3; c++) {
        line.append(pad(cells.get(c), widths[c])).append(GAP);
      }
      line.append(
          row.note() != null ? row.note() : pad(cells.get(3), widths[3]) + GAP + cells.get(4));
      lines.add(line.toString().stripTrailing());
    }
    if (rows.stream().anyMatch(Row::isShortened)) {
      lines.add(
          "(names and values longer than "
              + MAX_CELL
              + " characters are shortened here; the verify report"
              + " has them whole)");
    }
    return lines;
  }

  /**
   * A line of the table; {@code note}, when given, is free text in place of the two value columns.
   */
  private record Row(
      String provider, String status, String field, String expected, String actual, String note) {

    /** The cells as printed: provider and values shortened, status and field whole. */
    List<String> shown() {
      return List.of(shorten(provider), status, field, shorten(expected), shorten(actual));
    }

    boolean isShortened() {
      return Stream.of(provider, expected, actual).anyMatch(cell -> cell.length() > MAX_CELL);
    }
  }

  /**
   * The verify report: {@code providers} (see {@link ProviderVerification#toJson()}) and {@code
   * summary} (a count per status, {@code probed}, {@code probeFailures}, {@code otherProviders} and
   * the summary line).
   */
  public ObjectNode toReport() {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    ArrayNode entries = report.putArray("providers");
    providers.forEach(p -> entries.add(p.toJson()));
    ObjectNode summary = report.putObject("summary");
    summary.put("matches", count(VerifyStatus.MATCHES));
    summary.put("drifted", count(VerifyStatus.DRIFTED));
    summary.put("missing", count(VerifyStatus.MISSING));
    summary.put("ambiguous", count(VerifyStatus.AMBIGUOUS));
    summary.put("probed", probed());
    summary.put("probeFailures", probeFailures());
    summary.put("otherProviders", otherProviders);
    summary.put("text", summary());
    return report;
  }

  /**
   * The value, or its start and end around {@code ...} when longer than {@link #MAX_CELL} (the end
   * of a URL or id tells most).
   */
  static String shorten(String value) {
    if (value.length() <= MAX_CELL) {
      return value;
    }
    int keep = MAX_CELL - ELLIPSIS.length();
    int head = keep / 2;
    return value.substring(0, head) + ELLIPSIS + value.substring(value.length() - (keep - head));
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(width - value.length());
  }
}
