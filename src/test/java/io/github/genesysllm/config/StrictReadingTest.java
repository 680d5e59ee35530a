package io.github.genesysllm.config;

import static io.github.genesysllm.config.Fixture.pom;
import static io.github.genesysllm.config.Fixture.pomProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values are read as written or refused, never silently reinterpreted: booleans are exactly true or
 * false wherever they come from (build file, configuration file, placeholder), YAML numbers are
 * plain decimal, YAML tags are refused. Each refusal is at the file's line (or the build file's
 * provider) and names the field, once.
 */
class StrictReadingTest {

  @TempDir Path dir;

  private static final String PROVIDER =
      """
      providers:
        - name: Gateway
          baseUrl: https://inference.example.internal/api/v1
          apiKeyEnv: MODEL_KEY
      """;

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("providers.yaml"), text);
  }

  private List<Problem> problems(Path file) {
    return assertThrows(ConfigurationException.class, () -> Fixture.loader().load(null, file))
        .problems();
  }

  private static final Place YAML_LINE_5 = new Place.InFile("providers.yaml", 5);

  /** {@code problem} is at {@code where}, of the kind {@code hint}, and names {@code names}. */
  private static void assertProblem(Problem problem, Place where, ConfigHint hint, String names) {
    assertEquals(where, problem.where(), problem.toString());
    assertEquals(hint, problem.hint(), problem.toString());
    assertTrue(problem.what().contains(names), problem.toString());
  }

  // ---- booleans

  @ParameterizedTest
  @ValueSource(strings = {"true", "false", "TRUE", "False", " true ", "tRuE"})
  void aBooleanIsTrueOrFalseInAnyCaseAndTrimmed(String text) {
    assertEquals(
        Optional.of(text.strip().equalsIgnoreCase("true")),
        StrictBoolean.of(text),
        "'" + text + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "1", "0", "on", "off", "Y", "N", "t", "", " ", "truee"})
  void anythingElseIsNoBoolean(String text) {
    assertEquals(Optional.empty(), StrictBoolean.of(text));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StrictBoolean.parse(text));
    assertEquals("must be true or false, got '" + text + "'", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "On", "NO", "off"})
  void aYamlBooleanOtherThanTrueOrFalseIsRefusedOnce(String written) throws Exception {
    Path file =
        yaml(
            PROVIDER
                + "    models: [{id: m, name: M, maxTokens: 1, supportsStreaming: "
                + written
                + "}]\n");

    List<Problem> problems = problems(file);

    assertEquals(1, problems.size(), problems.toString());
    assertProblem(
        problems.get(0),
        YAML_LINE_5,
        ConfigHint.WRITE_PLAIN_VALUES,
        "field 'models[0].supportsStreaming': is written '" + written + "'");
  }

  @Test
  void aYamlBooleanOfAnyCaseIsRead() throws Exception {
    Path file =
        yaml(PROVIDER + "    models: [{id: m, name: M, maxTokens: 1, supportsStreaming: TRUE}]\n");
    assertTrue(
        Fixture.loader().load(null, file).get(0).settings().models().get(0).supportsStreaming());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "on", "Y"})
  void aPomBooleanOtherThanTrueOrFalseIsRefused(String written) {
    ProviderConfig provider = pomProvider("Gateway");
    provider.getModels().get(0).setSupportsStreaming(written);

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> Fixture.loader().load(pom(provider), null));

    assertEquals(1, e.problems().size(), e.getMessage());
    assertProblem(
        e.problems().get(0),
        new Place.InlineProvider(1),
        ConfigHint.FOLLOW_FIELD_RULE,
        "field 'models[0].supportsStreaming': must be true or false, got '" + written + "'");
  }

  @Test
  void aPlaceholderThatResolvesToNoBooleanIsRefused() throws Exception {
    Path file =
        yaml(
            PROVIDER
                + "    models: [{id: m, name: M, maxTokens: 1, supportsStreaming: '${streaming}'}]\n");
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("streaming", "yes");
    ConfigurationLoader loader =
        new ConfigurationLoader(Fixture.ENV::get, properties, Fixture.SERVERS);

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> loader.load(null, file));

    assertProblem(
        e.problems().get(0),
        YAML_LINE_5,
        ConfigHint.FOLLOW_FIELD_RULE,
        "field 'models[0].supportsStreaming': must be true or false");
  }

  // ---- numbers

  @ParameterizedTest(name = "timeout: {0}")
  @CsvSource({"030000, 12288", "0x7530, 30000", "30_000, 30000", "+30000, 30000", "-0_1, -1"})
  void aYamlNumberNotInPlainDecimalIsRefusedWithWhatYamlWouldMakeOfIt(
      String written, String yamlReads) throws Exception {
    Path file =
        yaml(
            PROVIDER
                + "    timeout: "
                + written
                + "\n    models: [{id: m, name: M, maxTokens: 1}]\n");

    List<Problem> problems = problems(file);

    assertEquals(1, problems.size(), problems.toString());
    assertProblem(
        problems.get(0),
        YAML_LINE_5,
        ConfigHint.WRITE_PLAIN_VALUES,
        "field 'timeout': is written '" + written + "', which YAML reads as " + yamlReads);
  }

  @ParameterizedTest(name = "maxTokens: {0}")
  @ValueSource(strings = {".5e3", "0b101", "010"})
  void everyYamlNumberFieldIsReadStrictly(String written) throws Exception {
    Path file = yaml(PROVIDER + "    models: [{id: m, name: M, maxTokens: " + written + "}]\n");

    List<Problem> problems = problems(file);

    assertEquals(1, problems.size(), problems.toString());
    assertProblem(
        problems.get(0),
        YAML_LINE_5,
        ConfigHint.WRITE_PLAIN_VALUES,
        "field 'models[0].maxTokens': is written '" + written + "'");
  }

  @Test
  void aPlaceholderThatResolvesToALeadingZeroIsNoInteger() throws Exception {
    Path file =
        yaml(
            PROVIDER
                + "    timeout: '${leading.zero}'\n    models: [{id: m, name: M, maxTokens: 1}]\n");
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("leading.zero", "030000");

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new ConfigurationLoader(Fixture.ENV::get, properties, Fixture.SERVERS)
                    .load(null, file));

    assertProblem(
        e.problems().get(0),
        YAML_LINE_5,
        ConfigHint.FOLLOW_FIELD_RULE,
        "field 'timeout': must be an integer");
  }

  // ---- tags

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apiKeyEnv: !env MODEL_KEY|4|apiKeyEnv|!env",
        "apiVersion: !!str v1|5|apiVersion|!!str",
        "timeout: !!int 30000|5|timeout|!!int",
      })
  void everyYamlTagIsRefused(String line, int lineNumber, String field, String tag)
      throws Exception {
    String text =
        "providers:\n  - name: Gateway\n    baseUrl: https://inference.example.internal/api/v1\n"
            + (field.equals("apiKeyEnv") ? "" : "    apiKeyEnv: MODEL_KEY\n")
            + "    "
            + line
            + "\n    models: [{id: m, name: M, maxTokens: 1}]\n";

    List<Problem> problems = problems(yaml(text));

    assertEquals(1, problems.size(), problems.toString());
    assertProblem(
        problems.get(0),
        new Place.InFile("providers.yaml", lineNumber),
        ConfigHint.WRITE_PLAIN_VALUES,
        "provider 'Gateway' field '" + field + "': carries the YAML tag '" + tag + "'");
  }

  @Test
  void aTagOnAListOrAMappingIsRefusedToo() throws Exception {
    Path file =
        yaml(PROVIDER + "    models: !!seq\n      - !model {id: m, name: M, maxTokens: 1}\n");

    List<Problem> problems = problems(file);

    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.hint() == ConfigHint.WRITE_PLAIN_VALUES
                        && p.what().contains("field 'models': carries the YAML tag '!!seq'")),
        problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.hint() == ConfigHint.WRITE_PLAIN_VALUES
                        && p.what().contains("field 'models[0]': carries the YAML tag '!model'")),
        problems.toString());
  }
}
