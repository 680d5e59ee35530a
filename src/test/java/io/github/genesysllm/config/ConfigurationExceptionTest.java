package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationExceptionTest {

  @Test
  void listsOneProblemPerLineUnderItsHeader() {
    ConfigurationException e = new ConfigurationException("Header:", List.of("first", "second"));

    assertEquals(List.of("Header:", "  - first", "  - second"), e.getMessage().lines().toList());
    assertEquals(List.of("first", "second"), e.problems());
  }

  @Test
  void aSingleProblemIsTheWholeMessage() {
    ConfigurationException e = new ConfigurationException("only this");

    assertEquals("only this", e.getMessage());
    assertEquals(List.of("only this"), e.problems());
  }

  @Test
  void aFloodOfProblemsIsCutShortInTheMessageButKeptWhole() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      problems.add("problem " + i);
    }

    ConfigurationException e = new ConfigurationException(problems);

    List<String> lines = e.getMessage().lines().toList();
    assertEquals(
        "250 problems in the provider configuration; nothing was sent to Genesys Cloud:",
        lines.get(0));
    assertEquals(ConfigurationException.MAX_LISTED + 2, lines.size());
    assertEquals("  ... and 150 more; fix these first", lines.get(lines.size() - 1));
    assertEquals(250, e.problems().size());
  }

  @Test
  void needsAProblem() {
    assertThrows(IllegalArgumentException.class, () -> new ConfigurationException(List.of()));
  }
}
