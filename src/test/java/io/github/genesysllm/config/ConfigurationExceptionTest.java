package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationExceptionTest {

  private static final Problem FIRST =
      Problem.at(
          new Place.InlineProvider(2),
          "provider 'A' field 'timeout': must be 1000 to 300000",
          Fix.of(ConfigHint.FOLLOW_FIELD_RULE));
  private static final Problem SECOND =
      Problem.at(
          new Place.OfSetting(Setting.CONFIG_FILE),
          "'x.txt' has an extension that is not accepted:",
          Fix.of(ConfigHint.NAME_FILE_BY_FORMAT, "name it .yaml"));

  @Test
  void carriesItsProblemsAndListsThemInThePluginsOwnWords() {
    ConfigurationException e = new ConfigurationException("Header:", List.of(FIRST, SECOND));

    assertEquals(List.of(FIRST, SECOND), e.problems());
    assertEquals("Header:", e.header());
    assertEquals(
        List.of(
            "Header:",
            "  - configured provider #2: provider 'A' field 'timeout': must be 1000 to 300000",
            "  - configFile: 'x.txt' has an extension that is not accepted: name it .yaml"),
        e.getMessage().lines().toList());
  }

  @Test
  void aSingleProblemIsTheWholeMessageWithoutHeader() {
    ConfigurationException e = new ConfigurationException(SECOND);

    assertNull(e.header());
    assertEquals(
        "configFile: 'x.txt' has an extension that is not accepted: name it .yaml", e.getMessage());
  }

  @Test
  void theProviderConfigurationsHeaderCountsTheProblemsAndTheMessageListsEveryOne() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      problems.add(Problem.at(new Place.InFile("p.yaml", i + 1), "problem " + i, null));
    }

    ConfigurationException e = new ConfigurationException(problems);

    assertEquals(
        "250 problems in the provider configuration; nothing was sent to Genesys Cloud:",
        e.header());
    assertEquals(251, e.getMessage().lines().count(), "the edge cuts a flood short, not this");
    assertEquals(
        "1 problem in the provider configuration; nothing was sent to Genesys Cloud:",
        new ConfigurationException(List.of(FIRST)).header());
  }

  @Test
  void aLineCannotBeBrokenByAConfiguredName() {
    ConfigurationException e =
        new ConfigurationException(
            List.of(Problem.at(Place.NOWHERE, "name 'a\n[INFO] BUILD SUCCESS'", null)));

    assertEquals(2, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void needsAProblem() {
    assertThrows(IllegalArgumentException.class, () -> new ConfigurationException(List.of()));
  }
}
