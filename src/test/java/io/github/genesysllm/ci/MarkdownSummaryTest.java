package io.github.genesysllm.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.ci.GoalReport.Row;
import io.github.genesysllm.ci.GoalReport.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

  @Test
  void aTableOfTheProvidersAndTheTotals() {
    GoalReport report =
        new GoalReport(
            "genesys-llm:register (deploy) @ app",
            "Organization 'Acme'",
            "Action",
            List.of(
                new Row("Alpha", "CREATED", "id p-1", Severity.NONE, null),
                new Row("Beta", "FAILED", "HTTP 400", Severity.ERROR, null)),
            "1 created, 0 updated, 0 unchanged, 1 failed");

    assertEquals(
        "### genesys-llm:register (deploy) \\@ app\n\n"
            + "Organization 'Acme'\n\n"
            + "| Provider | Action | Details |\n"
            + "| --- | --- | --- |\n"
            + "| Alpha | CREATED | id p-1 |\n"
            + "| Beta | **FAILED** | HTTP 400 |\n\n"
            + "**Totals:** 1 created, 0 updated, 0 unchanged, 1 failed\n\n",
        MarkdownSummary.of(report));
  }

  @Test
  void valuesCannotBreakTheTableNorRenderAsMarkupHtmlOrMentions() {
    String escaped = MarkdownSummary.escape("a|b\n<script>x</script> *bold* @octocat [l](u) $x$");

    assertEquals(
        "a\\|b \\<script\\>x\\</script\\> \\*bold\\* \\@octocat \\[l\\](u) \\$x\\$", escaped);
    assertFalse(escaped.contains("\n"));
  }

  @Test
  void longTablesAreCut() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < MarkdownSummary.MAX_ROWS + 5; i++) {
      rows.add(new Row("P" + i, "UNCHANGED", "", Severity.NONE, null));
    }

    String md = MarkdownSummary.of(new GoalReport("h", null, "Action", rows, "t"));

    assertEquals(MarkdownSummary.MAX_ROWS + 2, md.lines().filter(l -> l.startsWith("|")).count());
    assertTrue(md.contains("5 more providers: see the goal's JSON report."), md);
  }

  @Test
  void configurationProblemsAreListedUnderTheMessagesFirstLine() {
    String md =
        MarkdownSummary.ofProblems(
            "genesys-llm:register",
            "2 problems in the provider configuration; nothing was sent to Genesys Cloud:\n"
                + "  - providers.yaml:5 a\n  - the POM (provider #1) b",
            List.of("providers.yaml:5 a", "the POM (provider #1) b"));

    assertEquals(
        "### genesys-llm:register\n\n"
            + "2 problems in the provider configuration; nothing was sent to Genesys Cloud:\n\n"
            + "- providers.yaml:5 a\n"
            + "- the POM (provider #1) b\n\n",
        md);
  }
}
