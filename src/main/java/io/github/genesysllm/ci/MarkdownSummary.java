package io.github.genesysllm.ci;

import java.util.List;

/**
 * A goal's run as GitHub-flavoured Markdown for the job summary: a heading, a table of the
 * providers with their outcome, and the totals. Every value is escaped, so a name or a server's
 * message can neither break the table nor render as markup, HTML or a mention.
 */
final class MarkdownSummary {

  /** More rows than this are counted, not listed: the report has them all. */
  static final int MAX_ROWS = 200;

  private static final String SPECIAL = "\\`*_[]<>|~&$@";

  private MarkdownSummary() {}

  static String of(GoalReport report) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(escape(report.heading())).append("\n\n");
    if (report.subtitle() != null) {
      md.append(escape(report.subtitle())).append("\n\n");
    }
    if (!report.rows().isEmpty()) {
      md.append("| Provider | ").append(escape(report.outcomeColumn())).append(" | Details |\n");
      md.append("| --- | --- | --- |\n");
      List<GoalReport.Row> shown =
          report.rows().subList(0, Math.min(MAX_ROWS, report.rows().size()));
      for (GoalReport.Row row : shown) {
        md.append("| ")
            .append(escape(row.provider()))
            .append(" | ")
            .append(row.severity() == GoalReport.Severity.NONE ? "" : "**")
            .append(escape(row.outcome()))
            .append(row.severity() == GoalReport.Severity.NONE ? "" : "**")
            .append(" | ")
            .append(escape(row.detail()))
            .append(" |\n");
      }
      if (report.rows().size() > MAX_ROWS) {
        md.append("\n")
            .append(report.rows().size() - MAX_ROWS)
            .append(" more providers: see the goal's JSON report.\n");
      }
      md.append("\n");
    }
    md.append("**Totals:** ").append(escape(report.totals())).append("\n\n");
    return md.toString();
  }

  /** The message's first line, then each problem as an item (unless the message is the problem). */
  static String ofProblems(String heading, String message, List<String> problems) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(escape(heading)).append("\n\n");
    md.append(escape(message.lines().findFirst().orElse(""))).append("\n\n");
    if (problems.size() > 1 || !message.equals(problems.get(0))) {
      for (String problem : problems.subList(0, Math.min(MAX_ROWS, problems.size()))) {
        md.append("- ").append(escape(problem)).append("\n");
      }
      if (problems.size() > MAX_ROWS) {
        md.append("- ... and ").append(problems.size() - MAX_ROWS).append(" more\n");
      }
      md.append("\n");
    }
    return md.toString();
  }

  /** One line of text, its Markdown and HTML characters escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.replaceAll("\\R", " ").toCharArray()) {
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
