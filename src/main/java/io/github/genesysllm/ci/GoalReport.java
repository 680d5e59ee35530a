package io.github.genesysllm.ci;

import io.github.genesysllm.problem.Place;
import java.util.List;
import java.util.Objects;

/**
 * What a CI system shows of one goal's run, whatever the goal: a heading ({@code
 * genesys-llm:register (execution) @ project}), a line about what it acted on, one row per provider
 * with its outcome, and the totals. {@link ResultReports} makes one from a goal's result; nothing
 * else in this package knows the results. Holds no secret, as the results it is made of.
 *
 * @param outcomeColumn the name of the outcome column: {@code Action} or {@code Status}
 */
public record GoalReport(
    String heading, String subtitle, String outcomeColumn, List<Row> rows, String totals) {

  public GoalReport {
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(outcomeColumn, "outcomeColumn");
    rows = List.copyOf(rows);
    Objects.requireNonNull(totals, "totals");
  }

  /** How a row weighs: nothing to flag, a warning, or something that fails the build. */
  public enum Severity {
    NONE,
    WARNING,
    ERROR
  }

  /**
   * One provider: its {@code outcome} ({@code CREATED}, {@code DRIFTED} ...), a {@code detail}
   * (what changed or differs, or why it failed; may be empty), its {@code severity}, and where it
   * is configured ({@code origin}: a line of the configuration file, a provider of the build file;
   * null when unknown).
   */
  public record Row(
      String provider, String outcome, String detail, Severity severity, Place origin) {

    public Row {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(outcome, "outcome");
      detail = detail == null ? "" : detail;
      Objects.requireNonNull(severity, "severity");
    }
  }
}
