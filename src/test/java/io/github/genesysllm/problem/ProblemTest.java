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
  void aFixWithoutWordsLeavesWhatIsWrongToSayTheRule() {
    Problem problem =
        Problem.at(
            new Place.InFile("p.yaml", 3),
            "timeout must be 1000 or more",
            Fix.of(Key.RAISE_BUDGET));

    assertEquals("p.yaml:3: timeout must be 1000 or more", problem.render(Wording.PLAIN));
    assertEquals(Key.RAISE_BUDGET, problem.hint());
  }

  @Test
  void aPropertyIsNamedPlainly() {
    assertEquals("property 'model.host'", Wording.PLAIN.place(new Place.Property("model.host")));
  }

  @Test
  void problemsAreLaidOutAloneOrUnderTheirHeaderUpToTheCap() {
    Problem a = Problem.at(Place.NOWHERE, "a", null);
    Problem b = Problem.at(Place.NOWHERE, "b", null);
    String n = System.lineSeparator();

    assertEquals("a", Reported.text(null, List.of(a), p -> p.what(), 10));
    assertEquals("H:" + n + "  - a", Reported.text("H:", List.of(a), p -> p.what(), 10));
    assertEquals(
        "H:" + n + "  - a" + n + "  ... and 1 more; fix these first",
        Reported.text("H:", List.of(a, b), p -> p.what(), 1));
    assertThrows(
        IllegalArgumentException.class, () -> Reported.text("H:", List.of(), p -> p.what(), 1));
  }

  @Test
  void aCopyChangesItsWordsOrItsPlaceAndKeepsTheRest() {
    Fix fix = Fix.of(Key.RAISE_BUDGET, "raise ", Setting.MAX_RETRY_TIME_SECONDS);
    Problem problem = new Problem(new Place.Request("GET", "/x"), "refused", fix, "c-1");

    Problem reworded = problem.withWhat("while reading: refused");
    Problem moved = problem.withWhere(new Place.OfProvider("a", "name"));

    assertEquals(
        new Problem(new Place.Request("GET", "/x"), "while reading: refused", fix, "c-1"),
        reworded);
    assertEquals(new Problem(new Place.OfProvider("a", "name"), "refused", fix, "c-1"), moved);
  }

  @Test
  void aFixRefusesPartsTheWordingCannotSpell() {
    assertThrows(IllegalArgumentException.class, () -> Fix.of(Key.RAISE_BUDGET, 42));
  }
}
