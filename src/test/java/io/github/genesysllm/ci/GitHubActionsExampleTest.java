package io.github.genesysllm.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The example workflow users copy stays in step with what the project's CI builds: its rehearsal
 * job runs the goals the examples execution runs (examples/github-actions/invoker.properties)
 * against the emulator, and its plan only reads.
 */
class GitHubActionsExampleTest {

  private static final Path EXAMPLE = Path.of("examples", "github-actions");

  @Test
  void theRehearsalJobRunsWhatCiBuildsAndThePlanIsADryRun() throws IOException {
    JsonNode workflow =
        new ObjectMapper(new YAMLFactory())
            .readTree(EXAMPLE.resolve(".github/workflows/genesys-llm.yml").toFile());
    Properties invoker = new Properties();
    try (Reader in =
        Files.newBufferedReader(EXAMPLE.resolve("invoker.properties"), StandardCharsets.UTF_8)) {
      invoker.load(in);
    }

    assertEquals(
        List.of("./mvnw " + invoker.getProperty("invoker.goals")),
        runs(workflow.path("jobs").path("rehearsal")));
    assertEquals(
        List.of("./mvnw genesys-llm:register -Dgenesys.dryRun=true"),
        runs(workflow.path("jobs").path("plan")));
    assertEquals(List.of("./mvnw deploy"), runs(workflow.path("jobs").path("deploy")));
    assertTrue(
        workflow.path("jobs").path("deploy").path("if").asText().contains("refs/heads/main"));
  }

  private static List<String> runs(JsonNode job) {
    List<String> runs = new ArrayList<>();
    job.path("steps")
        .forEach(
            step -> {
              if (step.has("run")) {
                runs.add(step.get("run").asText().strip());
              }
            });
    return runs;
  }
}
