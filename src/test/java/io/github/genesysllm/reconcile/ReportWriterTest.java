package io.github.genesysllm.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir Path dir;

  private static RegisterResult result() {
    return new RegisterResult(
        false,
        List.of(
            new ProviderOutcome(
                "New",
                Action.CREATED,
                "id-1",
                "/api/v2/ai/llm/providers/id-1",
                1L,
                List.of(),
                null),
            new ProviderOutcome(
                "Changed",
                Action.UPDATED,
                "id-2",
                "/api/v2/ai/llm/providers/id-2",
                4L,
                List.of(new Difference("timeout", "60000", "30000"), Difference.apiKeyRotated()),
                null),
            new ProviderOutcome(
                "Broken",
                Action.FAILED,
                null,
                null,
                null,
                List.of(),
                new Problem(
                    new Place.Request("POST", "/api/v2/ai/llm/providers"),
                    "while creating it: HTTP 400",
                    Fix.of(ReconcileHint.OPTION_IN_RANGE, "set ", Setting.TIMEOUT_SECONDS),
                    "corr-1"))),
        3);
  }

  @Test
  void writesTheRegisterReportPrettyPrintedCreatingItsDirectories() throws IOException {
    Path target = dir.resolve("target/genesys-llm/register-report.json");

    ReportWriter.write(
        target, result().toReport("Acme Production", "https://api.mypurecloud.com", Wording.PLAIN));

    String text = Files.readString(target);
    assertTrue(text.contains("\n  \"organization\""), text);
    JsonNode report = ProviderJson.MAPPER.readTree(text);
    assertEquals("Acme Production", report.get("organization").asText());
    assertEquals("https://api.mypurecloud.com", report.get("apiUrl").asText());
    assertFalse(report.get("dryRun").asBoolean());
    JsonNode providers = report.get("providers");
    assertEquals(3, providers.size());
    assertEquals(
        "{\"name\":\"New\",\"action\":\"CREATED\",\"id\":\"id-1\",\"selfUri\":\"/api/v2/ai/llm/providers/id-1\","
            + "\"version\":1,\"changes\":[]}",
        providers.get(0).toString());
    assertEquals(
        "[{\"field\":\"timeout\",\"from\":\"30000\",\"to\":\"60000\"},{\"field\":\"apiKey\",\"to\":\"(rotated)\"}]",
        providers.get(1).get("changes").toString());
    assertFalse(providers.get(2).has("id"));
    assertEquals(
        "POST /api/v2/ai/llm/providers: while creating it: HTTP 400; set timeoutSeconds"
            + " (ININ-Correlation-Id corr-1)",
        providers.get(2).get("error").asText());
    assertEquals(
        "{\"hint\":\"OPTION_IN_RANGE\",\"request\":\"POST /api/v2/ai/llm/providers\","
            + "\"settings\":[\"timeoutSeconds\"],\"correlationId\":\"corr-1\"}",
        providers.get(2).get("problem").toString());
    JsonNode summary = report.get("summary");
    assertEquals(1, summary.get("created").asInt());
    assertEquals(1, summary.get("updated").asInt());
    assertEquals(0, summary.get("wouldCreate").asInt());
    assertEquals(1, summary.get("failed").asInt());
    assertEquals(3, summary.get("otherProviders").asInt());
    assertEquals(
        "1 created, 1 updated, 0 unchanged, 1 failed; 3 other providers left alone",
        summary.get("text").asText());
  }

  @Test
  void aWouldCreateEntryHasNoId() {
    RegisterResult dryRun =
        new RegisterResult(
            true,
            List.of(
                new ProviderOutcome("New", Action.WOULD_CREATE, null, null, null, List.of(), null)),
            0);

    JsonNode entry =
        dryRun.toReport("Acme", "https://api.example", Wording.PLAIN).get("providers").get(0);

    assertEquals("{\"name\":\"New\",\"action\":\"WOULD_CREATE\",\"changes\":[]}", entry.toString());
    assertTrue(
        dryRun.toReport("Acme", "https://api.example", Wording.PLAIN).get("dryRun").asBoolean());
    assertEquals("dry run: 1 would be created, 0 would be updated, 0 unchanged", dryRun.summary());
  }

  @Test
  void replacesAPreviousReportWholeAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("report.json");
    Files.writeString(target, "{\"old\": true, \"padding\": \"" + "x".repeat(10_000) + "\"}");
    ObjectNode report = ProviderJson.MAPPER.createObjectNode().put("new", true);

    ReportWriter.write(target, report);

    assertEquals(report, ProviderJson.MAPPER.readTree(target.toFile()));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void aReportThatCannotBeWrittenIsAnErrorNamingTheFile() throws IOException {
    Path blocker = dir.resolve("not-a-directory");
    Files.writeString(blocker, "a file where a directory should be");
    Path target = blocker.resolve("register-report.json");

    IOException e =
        assertThrows(
            IOException.class,
            () -> ReportWriter.write(target, ProviderJson.MAPPER.createObjectNode()));

    assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    assertEquals("a file where a directory should be", Files.readString(blocker));
  }
}
