package io.github.genesysllm.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private enum Key implements HintKey {
    RAISE_BUDGET
  }

  @Test
  void plainWordingNamesSettingsByParameterAndPlacesByTheirData() {
    Problem problem =
        new Problem(
            new Place.InFile("providers.yaml", 12),
            "maxTokens must be 1 or more",
            Fix.of(
                Key.RAISE_BUDGET,
                "raise ",
                Setting.MAX_RETRY_TIME_SECONDS,
                " or set ",
                Setting.TARGET.is("dataActions")),
            "corr-1");

    assertEquals(
        "providers.yaml:12: maxTokens must be 1 or more; raise maxRetryTimeSeconds or set"
            + " target=dataActions (ININ-Correlation-Id corr-1)",
        problem.render(Wording.PLAIN));
    assertEquals(Key.RAISE_BUDGET, problem.hint());
    assertEquals(List.of(Setting.MAX_RETRY_TIME_SECONDS, Setting.TARGET), problem.fix().settings());
  }

  @Test
  void aProblemOfNowhereStartsWithWhatIsWrongAndOneWithoutFixHasNoHint() {
    Problem problem = Problem.at(Place.NOWHERE, "no providers configured", null);

    assertEquals("no providers configured", problem.render(Wording.PLAIN));
    assertNull(problem.hint());
  }

  @Test
  void plainWordingOfEachPlace() {
    assertEquals("providers.yaml", Wording.PLAIN.place(new Place.InFile("providers.yaml", 0)));
    assertEquals("configured provider #2", Wording.PLAIN.place(new Place.InlineProvider(2)));
    assertEquals(
        "provider 'a', field models[0].id",
        Wording.PLAIN.place(new Place.OfProvider("a", "models[0].id")));
    assertEquals("server credentials 'x'", Wording.PLAIN.place(new Place.ServerEntry("x")));
    assertEquals("GET /api/v2/x", Wording.PLAIN.place(new Place.Request("GET", "/api/v2/x")));
    assertEquals("region", Wording.PLAIN.place(new Place.OfSetting(Setting.REGION)));
  }

  @Test
  void aFixRefusesPartsTheWordingCannotSpell() {
    assertThrows(IllegalArgumentException.class, () -> Fix.of(Key.RAISE_BUDGET, 42));
  }
}
