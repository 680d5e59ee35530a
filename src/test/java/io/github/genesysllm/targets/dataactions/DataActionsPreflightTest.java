package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.targets.dataactions.Samples.BASE_URL;
import static io.github.genesysllm.targets.dataactions.Samples.model;
import static io.github.genesysllm.targets.dataactions.Samples.provider;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.genesysllm.provider.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataActionsPreflightTest {

  private static List<String> fields(List<FieldViolation> violations) {
    return violations.stream().map(FieldViolation::field).toList();
  }

  @Test
  void aProviderWithinTheLimitsPasses() {
    assertEquals(List.of(), DataActionsPreflight.check(Samples.acme()));
    assertEquals(
        List.of(), DataActionsPreflight.check(provider("P", BASE_URL, 60_000, model("m", 1))));
  }

  @ParameterizedTest
  @ValueSource(ints = {61_000, 300_000, 1_500, 59_999})
  void aTimeoutAboveSixtySecondsOrNotInWholeSecondsCannotBeHonoured(int timeout) {
    assertEquals(
        List.of("timeout"),
        fields(DataActionsPreflight.check(provider("P", BASE_URL, timeout, model("m", 1)))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://llm.example.com/$v1", "https://llm.example.com/#set"})
  void aBaseUrlWithVelocityCharactersIsRefused(String baseUrl) {
    assertEquals(
        List.of("baseUrl"),
        fields(DataActionsPreflight.check(provider("P", baseUrl, 30_000, model("m", 1)))));
  }

  @Test
  void namesOverTheApisLimitAreRefusedWhereTheyComeFrom() {
    String name200 = "n".repeat(200);
    // 200 + " - " + 54 = 257 characters: one too many for an action's name
    List<FieldViolation> violations =
        DataActionsPreflight.check(provider(name200, model("ok", 1), model("m".repeat(54), 1)));
    assertEquals(List.of("models[1].id"), fields(violations));
    assertEquals(
        List.of(),
        DataActionsPreflight.check(provider(name200, model("m".repeat(53), 1))),
        "256 characters are allowed");
  }

  @Test
  void twoModelIdsNamingTheSameActionAreRefused() {
    List<FieldViolation> violations =
        DataActionsPreflight.check(provider("P", model("GPT-4", 1), model("gpt-4", 1)));
    assertEquals(List.of("models[1].id"), fields(violations));
  }
}
