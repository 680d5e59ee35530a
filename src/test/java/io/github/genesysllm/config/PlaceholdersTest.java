package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersTest {

  private static final Placeholders PLACEHOLDERS;

  static {
    Properties properties = new Properties();
    properties.setProperty("host", "models.example.internal");
    properties.setProperty("empty", "");
    PLACEHOLDERS = new Placeholders(Map.of("KEY", "sk-1", "EMPTY", "")::get, properties);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain text                    | plain text",
        "${env.KEY}                    | sk-1",
        "https://${host}/v1            | https://models.example.internal/v1",
        "${host}${env.KEY}             | models.example.internalsk-1",
        "a$${host}b                    | a${host}b",
        "costs $5 and $$ and $         | costs $5 and $$ and $",
        "$${env.KEY} is ${env.KEY}     | ${env.KEY} is sk-1",
        "x${empty}y                    | xy",
      })
  void resolves(String text, String expected) {
    Placeholders.Resolution resolution = PLACEHOLDERS.resolve(text);

    assertEquals(List.of(), resolution.problems());
    assertEquals(expected, resolution.value());
  }

  @Test
  void tellsWhetherThereWasAPlaceholder() {
    assertTrue(PLACEHOLDERS.resolve("${host}").hadPlaceholders());
    assertFalse(PLACEHOLDERS.resolve("$${host}").hadPlaceholders());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "${env.NOPE}            | SET_ENVIRONMENT_VARIABLE | '${env.NOPE}'",
        "${env.EMPTY}           | SET_ENVIRONMENT_VARIABLE | EMPTY is empty",
        "${env.}                | FIX_PLACEHOLDER          | '${env.}'",
        "${nope}                | DEFINE_PROPERTY          | '${nope}'",
        "${}                    | FIX_PLACEHOLDER          | '${}'",
        "${a${b}}               | FIX_PLACEHOLDER          | '${a${b}'",
        "sk-secret-${host       | FIX_PLACEHOLDER          | without a closing '}'",
      })
  void reportsWhatCannotBeResolved(String text, ConfigHint hint, String names) {
    List<Problem> problems = PLACEHOLDERS.resolve(text).problems();

    assertEquals(1, problems.size(), problems.toString());
    Problem problem = problems.get(0);
    assertEquals(hint, problem.hint());
    assertEquals(Place.NOWHERE, problem.where(), "the caller knows the place");
    assertTrue(problem.what().contains(names), problem.what());
    assertFalse(problem.render(Wording.PLAIN).contains("sk-secret"), problem.toString());
  }

  @Test
  void aMissingPropertyIsAFixNamingTheProperty() {
    Problem problem = PLACEHOLDERS.resolve("${no.such.host}").problems().get(0);

    assertTrue(
        problem.fix().parts().contains(new Place.Property("no.such.host")), problem.toString());
  }

  @Test
  void reportsEveryPlaceholderThatFails() {
    assertEquals(2, PLACEHOLDERS.resolve("${env.A}/${b}").problems().size());
  }
}
