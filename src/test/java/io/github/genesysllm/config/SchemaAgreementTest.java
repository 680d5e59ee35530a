package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema of the configuration file and {@link ConfigurationLoader} give the same verdict
 * on every sample of {@code schema-samples/valid} and {@code schema-samples/invalid}. The samples
 * of {@code schema-samples/looser} are where the schema is knowingly looser than the loader (its
 * {@code $comment} lists why): the schema accepts them and the loader refuses them.
 */
class SchemaAgreementTest {

  private static final String SCHEMA_RESOURCE = "/genesys-llm-providers.schema.json";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * What the samples' placeholders and key sources find; properties and servers are the loader
   * tests'.
   */
  private static final Map<String, String> ENV =
      Map.of(
          "MODEL_KEY", "sk-model-key-0001",
          "API_PATH", "v2",
          "STREAMING", "true",
          "PROVIDER_TYPE", "CUSTOM");

  private static Schema schema;

  @TempDir Path dir;

  @BeforeAll
  static void readSchema() throws IOException {
    try (InputStream in = SchemaAgreementTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
              .getSchema(ProviderJson.MAPPER.readTree(in));
    }
  }

  private static List<Error> schemaErrors(Path file) throws IOException {
    boolean yaml = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    JsonNode tree = (yaml ? YAML : ProviderJson.MAPPER).readTree(file.toFile());
    return schema.validate(tree);
  }

  private static ConfigurationLoader loader() {
    return new ConfigurationLoader(ENV::get, Fixture.PROPERTIES, Fixture.SERVERS);
  }

  static Stream<Path> samples(String kind) throws IOException, URISyntaxException {
    URL folder = SchemaAgreementTest.class.getResource("/schema-samples/" + kind);
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files.sorted().toList().stream();
    }
  }

  static Stream<Path> valid() throws IOException, URISyntaxException {
    return samples("valid");
  }

  static Stream<Path> invalid() throws IOException, URISyntaxException {
    return samples("invalid");
  }

  static Stream<Path> looser() throws IOException, URISyntaxException {
    return samples("looser");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void aValidSamplePassesBoth(Path sample) throws Exception {
    assertEquals(List.of(), schemaErrors(sample), "the schema refuses it");
    assertFalse(loader().load(null, sample).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void anInvalidSampleFailsBoth(Path sample) throws Exception {
    assertFalse(schemaErrors(sample).isEmpty(), "the schema accepts it");
    assertThrows(
        ConfigurationException.class, () -> loader().load(null, sample), "the loader accepts it");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("looser")
  void whereTheSchemaIsLooserOnlyTheLoaderRefuses(Path sample) throws Exception {
    assertEquals(List.of(), schemaErrors(sample), "the schema refuses it: move it to invalid/");
    assertThrows(
        ConfigurationException.class, () -> loader().load(null, sample), "the loader accepts it");
  }

  @Test
  void theSamplesCoverBothFormatsAndVerdicts() throws Exception {
    for (String kind : List.of("valid", "invalid")) {
      List<String> names = samples(kind).map(path -> path.getFileName().toString()).toList();
      assertTrue(names.size() >= 10, kind + " has " + names.size() + " samples");
      assertTrue(
          names.stream().anyMatch(name -> name.endsWith(".yaml")), kind + " has no YAML sample");
      assertTrue(
          names.stream().anyMatch(name -> name.endsWith(".json")), kind + " has no JSON sample");
    }
  }

  @Test
  void theSchemaIsADraft07Schema() throws Exception {
    Schema metaSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_7.getDialectId()));
    try (InputStream in = SchemaAgreementTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      JsonNode tree = ProviderJson.MAPPER.readTree(in);
      assertEquals(SpecificationVersion.DRAFT_7.getDialectId(), tree.path("$schema").asText());
      assertEquals(List.of(), metaSchema.validate(tree));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"exported.yaml", "exported.json"})
  void anExportedFilePassesTheSchema(String name) throws Exception {
    Path file = dir.resolve(name);
    new ConfigExporter(Clock.systemUTC(), Wording.PLAIN)
        .export(ConfigExporterTest.oddProviders(), file, false, "Acme");

    assertEquals(List.of(), schemaErrors(file));
  }
}
