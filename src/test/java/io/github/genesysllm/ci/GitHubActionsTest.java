package io.github.genesysllm.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.ci.GoalReport.Row;
import io.github.genesysllm.ci.GoalReport.Severity;
import io.github.genesysllm.log.RecordingLog;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.HintKey;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubActionsTest {

  private enum Hint implements HintKey {
    FIX
  }

  @TempDir Path workspace;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
  private final RecordingLog log = new RecordingLog();

  private List<String> commands() {
    return stdout.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private SourceFiles sources() {
    return new SourceFiles(
        workspace.resolve("app/pom.xml"), workspace.resolve("app/providers.yaml"));
  }

  @Test
  void onlyGitHubActionsExactlyTrueIsGitHubActions() {
    Map<String, String> env = new HashMap<>();
    for (String value : new String[] {null, "", "TRUE", "1", "yes", "false"}) {
      env.put("GITHUB_ACTIONS", value);
      assertSame(CiReporter.NONE, CiReporter.detect(env::get, out, log), value);
    }
    env.put("GITHUB_ACTIONS", "true");
    assertInstanceOf(GitHubActions.class, CiReporter.detect(env::get, out, log));
  }

  @Test
  void aGoalAppendsItsSectionAndAnnotatesOnlyWhatWarnsOrFails() throws IOException {
    Path summary = workspace.resolve("summary.md");
    Files.writeString(summary, "earlier step\n");
    GitHubActions github = new GitHubActions(summary, workspace, out, log);
    GoalReport report =
        new GoalReport(
            "genesys-llm:verify (verify) @ app",
            "Organization 'Acme'",
            "Status",
            List.of(
                new Row(
                    "Alpha", "MATCHES", "", Severity.NONE, new Place.InFile("providers.yaml", 2)),
                new Row(
                    "Beta",
                    "DRIFTED",
                    "timeout: expected 30000, actual 60000",
                    Severity.WARNING,
                    new Place.InFile("providers.yaml", 9)),
                new Row(
                    "Gamma",
                    "MISSING",
                    "no provider of that name",
                    Severity.ERROR,
                    new Place.InlineProvider(1))),
            "1 matching, 1 drifted, 1 missing");

    github.goalFinished(report, sources());

    String written = Files.readString(summary);
    assertTrue(written.startsWith("earlier step\n### genesys-llm:verify"), written);
    assertTrue(written.contains("| Beta | **DRIFTED** | timeout: expected 30000, actual 60000 |"));
    assertEquals(
        List.of(
            "::warning file=app/providers.yaml,line=9,title=genesys-llm%3Averify (verify) @ app::"
                + "Provider 'Beta' DRIFTED: timeout: expected 30000, actual 60000",
            "::error file=app/pom.xml,title=genesys-llm%3Averify (verify) @ app::"
                + "Provider 'Gamma' MISSING: no provider of that name"),
        commands());
  }

  @Test
  void configurationProblemsAreAnnotatedWhereTheyAre() throws IOException {
    Path summary = workspace.resolve("summary.md");
    GitHubActions github = new GitHubActions(summary, workspace, out, log);

    github.configurationFailed(
        "genesys-llm:register",
        "2 problems in the provider configuration; nothing was sent to Genesys Cloud:\n  - ...",
        List.of(
            Problem.at(
                new Place.InFile("providers.yaml", 5),
                "provider 'A' field 'basUrl': unknown field (did you mean 'baseUrl'?)",
                null),
            Problem.at(
                new Place.InlineProvider(1),
                "field 'timeout': must be 1000 to 300000",
                Fix.of(Hint.FIX, "see ", Setting.CONFIG_FILE)),
            Problem.at(Place.NOWHERE, "not in a file", null)),
        Wording.PLAIN,
        sources());

    assertEquals(
        List.of(
            "::error file=app/providers.yaml,line=5,title=genesys-llm%3Aregister::providers.yaml:5:"
                + " provider 'A' field 'basUrl': unknown field (did you mean 'baseUrl'?)",
            "::error file=app/pom.xml,title=genesys-llm%3Aregister::configured provider #1: field"
                + " 'timeout': must be 1000 to 300000; see configFile"),
        commands(),
        "each problem in a file is annotated there, in the wording given");
    String written = Files.readString(summary);
    assertTrue(written.contains("- providers.yaml:5: provider 'A' field"), written);
    assertTrue(written.contains("- not in a file"), written);
  }

  @Test
  void problemsWithoutAPlaceMakeOneAnnotationOfTheWholeMessage() {
    GitHubActions github = new GitHubActions(null, workspace, out, log);

    github.configurationFailed(
        "genesys-llm:register",
        "No Genesys Cloud credentials were found:\n  - a\n  - b",
        List.of(
            Problem.at(Place.NOWHERE, "a", null),
            Problem.at(new Place.ServerEntry("genesys-cloud"), "b", null)),
        Wording.PLAIN,
        sources());

    assertEquals(
        List.of(
            "::error title=genesys-llm%3Aregister::No Genesys Cloud credentials were found:%0A  -"
                + " a%0A  - b"),
        commands());
    assertTrue(
        log.lines().contains("DEBUG GITHUB_STEP_SUMMARY is not set: no job summary written"));
  }

  @Test
  void aSummaryThatCannotBeWrittenOnlyWarns() {
    Path notAFile = workspace; // a directory
    GitHubActions github = new GitHubActions(notAFile, workspace, out, log);

    github.goalFinished(
        new GoalReport("h", null, "Action", List.of(), "0 created"), new SourceFiles(null, null));

    assertEquals(1, log.lines("WARN").size(), log.lines().toString());
    assertTrue(log.lines("WARN").get(0).startsWith("Could not append to the job summary"));
    assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("::"));
  }

  @Test
  void aFileOutsideTheWorkspaceKeepsItsAbsolutePath(@TempDir Path elsewhere) {
    GitHubActions github = new GitHubActions(null, workspace, out, log);
    Path pom = elsewhere.resolve("pom.xml");

    github.goalFinished(
        new GoalReport(
            "h",
            null,
            "Action",
            List.of(new Row("A", "FAILED", "why", Severity.ERROR, new Place.InlineProvider(1))),
            "t"),
        new SourceFiles(pom, null));

    assertTrue(
        commands()
            .get(0)
            .startsWith("::error file=" + pom.toAbsolutePath().toString().replace(":", "%3A")),
        commands().toString());
  }
}
