package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        "${env.NOPE}            | placeholder '${env.NOPE}' cannot be resolved: environment variable NOPE is not set",
        "${env.EMPTY}           | placeholder '${env.EMPTY}' cannot be resolved: environment variable EMPTY is empty",
        "${env.}                | placeholder '${env.}' names no environment variable",
        "${nope}                | placeholder '${nope}' cannot be resolved: no property 'nope'",
        "${}                    | has a malformed placeholder '${}'",
        "${a${b}}               | has a malformed placeholder '${a${b}'",
        "sk-secret-${host       | has a '${' without a closing '}'; write '$${' for a literal '${'",
      })
  void reportsWhatCannotBeResolved(String text, String expected) {
    List<String> problems = PLACEHOLDERS.resolve(text).problems();

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(expected), problems.get(0));
    assertFalse(problems.get(0).contains("sk-secret"), problems.get(0));
  }

  @Test
  void reportsEveryPlaceholderThatFails() {
    assertEquals(2, PLACEHOLDERS.resolve("${env.A}/${b}").problems().size());
  }
}
