package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigExporterTest {

  private static final ConfigExporter EXPORTER =
      new ConfigExporter(
          Clock.fixed(Instant.parse("2026-11-27T01:02:03.456Z"), ZoneOffset.UTC), Wording.PLAIN);

  private static final Place EXPORT_FILE = new Place.OfSetting(Setting.EXPORT_FILE);

  @TempDir Path dir;

  static ExportedProvider provider(
      String name, String baseUrl, String apiVersion, int timeout, ModelSettings... models) {
    return new ExportedProvider(
        java.util
            .UUID
            .nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString(),
        new ProviderSettings(name, "CUSTOM", baseUrl, apiVersion, timeout, List.of(models)));
  }

  static ExportedProvider gateway() {
    return provider(
        "Private Foundation Model Gateway",
        "https://inference.private-cloud.internal/api/v1",
        "v1",
        30000,
        new ModelSettings("private-model-v1", "Private Model v1", 8192, true));
  }

  /** Names and values that YAML, JSON or the placeholders could misread, and models in no order. */
  static List<ExportedProvider> oddProviders() {
    List<ExportedProvider> providers = new ArrayList<>();
    providers.add(gateway());
    providers.add(
        provider(
            "Cost ${env.MODEL_KEY} and $${literal} and ${unclosed and $",
            "https://h.example.com:8443/a$b/modèle",
            "2024-06.beta",
            1000,
            new ModelSettings("z-last", "Zed ${x}", 2_000_000, false),
            new ModelSettings("org/model-b:latest", "  padded, with # and : colon ", 1, true),
            new ModelSettings("a", "yes", 5, true)));
    providers.add(
        provider(
            "Modèle français 日本語 😀",
            "https://[fe80::1]/v1",
            "v1",
            300000,
            new ModelSettings("m", "ÉLAN – “quoted” 😀", 77, false)));
    String[] names = {
      "true",
      "No",
      "null",
      "~",
      "123",
      "1e3",
      "0x10",
      "!!!",
      "<<",
      "@at",
      "`tick",
      "{brace}",
      "[bracket]",
      "&anchor",
      "*alias",
      "!tag",
      "%percent",
      "|pipe",
      ">gt",
      "?q",
      "'single'",
      "\"double\"",
      "back\\slash",
      "- dash",
      "a: b",
      "a #b",
      "trailing:",
      "key: value # comment",
      "line1\nline2\ttab\rcr",
      "a\u2028b\u2029c\u0085d\uFEFFe\u0000f\u007Fg",
      "lone \uD800 surrogate",
      "Gateway A",
      "gateway-a",
      "Gateway A 2",
      "--- document",
      "...",
      "#hash"
    };
    for (String name : names) {
      providers.add(
          provider(
              name,
              "https://models.example.com/" + providers.size(),
              "v" + providers.size(),
              30000 + providers.size(),
              new ModelSettings(
                  "m-" + providers.size(), name, providers.size(), providers.size() % 2 == 0)));
    }
    return providers;
  }

  private static List<DesiredProvider> load(Path file, ExportResult result)
      throws ConfigurationException {
    Map<String, String> env = new HashMap<>();
    for (ExportResult.ApiKeyVariable variable : result.apiKeyVariables()) {
      env.put(variable.variable(), "key-of-" + variable.variable());
    }
    env.put("MODEL_KEY", "must-not-be-substituted");
    return new ConfigurationLoader(env::get, new Properties(), id -> Optional.empty())
        .load(null, file);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "providers.yaml",
        "providers.yml",
        "PROVIDERS.YAML",
        "providers.json",
        "Providers.JSON"
      })
  void theLoaderReadsBackExactlyWhatWasExported(String fileName) throws Exception {
    List<ExportedProvider> providers = oddProviders();
    Path file = dir.resolve(fileName);

    ExportResult result = EXPORTER.export(providers, file, false, "Acme Production");
    List<DesiredProvider> loaded = load(file, result);

    assertEquals(
        providers.stream().map(ExportedProvider::settings).toList(),
        loaded.stream().map(DesiredProvider::settings).toList());
    for (int i = 0; i < loaded.size(); i++) {
      assertEquals(
          "key-of-" + result.apiKeyVariables().get(i).variable(), loaded.get(i).apiKey().reveal());
    }
  }

  @Test
  void aYamlFileHasAHeaderAndTheContractsFieldsInOrder() throws Exception {
    Path file = dir.resolve("providers.yaml");

    EXPORTER.export(List.of(gateway()), file, false, "Acme Production");

    assertEquals(
        """
                # Genesys Cloud LLM providers of organization "Acme Production", exported 2026-11-27T01:02:03Z
                # by genesys-llm-maven-plugin. Use it as configFile.
                #
                # Genesys Cloud never returns API keys: before using this file, set each provider's
                # key in the environment variable that its apiKey names:
                #   PRIVATE_FOUNDATION_MODEL_GATEWAY_API_KEY  for "Private Foundation Model Gateway"

                providers:
                  - name: Private Foundation Model Gateway
                    providerType: CUSTOM
                    baseUrl: https://inference.private-cloud.internal/api/v1
                    apiKey: ${env.PRIVATE_FOUNDATION_MODEL_GATEWAY_API_KEY}
                    apiVersion: v1
                    timeout: 30000
                    models:
                      - id: private-model-v1
                        name: Private Model v1
                        maxTokens: 8192
                        supportsStreaming: true
                """,
        Files.readString(file));
  }

  @Test
  void aJsonFileHoldsTheSameFields() throws Exception {
    Path file = dir.resolve("providers.json");

    EXPORTER.export(List.of(gateway()), file, false, "Acme Production");

    assertEquals(
        """
                {
                  "providers": [
                    {
                      "name": "Private Foundation Model Gateway",
                      "providerType": "CUSTOM",
                      "baseUrl": "https://inference.private-cloud.internal/api/v1",
                      "apiKey": "${env.PRIVATE_FOUNDATION_MODEL_GATEWAY_API_KEY}",
                      "apiVersion": "v1",
                      "timeout": 30000,
                      "models": [
                        {
                          "id": "private-model-v1",
                          "name": "Private Model v1",
                          "maxTokens": 8192,
                          "supportsStreaming": true
                        }
                      ]
                    }
                  ]
                }
                """,
        Files.readString(file));
  }

  @Test
  void theHeaderListsEveryVariableAndNoNameBreaksOutOfTheComment() throws Exception {
    Path file = dir.resolve("providers.yaml");
    List<ExportedProvider> providers =
        List.of(
            gateway(),
            provider(
                "evil\nproviders: []\n#",
                "https://h.example.com",
                "v1",
                30000,
                new ModelSettings("m", "M", 1, false)));

    ExportResult result =
        EXPORTER.export(providers, file, false, "Acme\nproviders:\n  - name: injected");

    String text = Files.readString(file);
    String header = text.substring(0, text.indexOf("\nproviders:\n"));
    assertTrue(header.lines().allMatch(line -> line.isEmpty() || line.startsWith("#")), header);
    assertTrue(header.contains("\"Acme\\nproviders:\\n  - name: injected\""), header);
    for (ExportResult.ApiKeyVariable variable : result.apiKeyVariables()) {
      assertTrue(header.contains("#   " + variable.variable()), header);
    }
    assertEquals(2, load(file, result).size());
  }

  @Test
  void theResultNamesEachProvidersVariable() throws Exception {
    ExportResult result =
        EXPORTER.export(
            List.of(
                gateway(),
                provider(
                    "Backup",
                    "https://b.example.com",
                    "v1",
                    30000,
                    new ModelSettings("m", "M", 1, false))),
            dir.resolve("p.json"),
            false,
            "Acme");

    assertEquals(
        List.of(
            new ExportResult.ApiKeyVariable(
                "Private Foundation Model Gateway", "PRIVATE_FOUNDATION_MODEL_GATEWAY_API_KEY"),
            new ExportResult.ApiKeyVariable("Backup", "BACKUP_API_KEY")),
        result.apiKeyVariables());
    assertEquals(dir.resolve("p.json"), result.file());
  }

  @Test
  void variablesComeFromTheSlugAndCollisionsGetTheNextFreeNumber() {
    assertEquals(
        List.of(
            "PRIVATE_FOUNDATION_MODEL_GATEWAY_API_KEY",
            "GATEWAY_A_API_KEY",
            "GATEWAY_A_3_API_KEY", // _2 is the own name of "Gateway A 2"
            "GATEWAY_A_2_API_KEY",
            "GATEWAY_A_4_API_KEY",
            "MOD_LE_FRAN_AIS_API_KEY",
            "PROVIDER_API_KEY",
            "PROVIDER_2_API_KEY",
            "PROVIDER_42_GATEWAY_API_KEY"),
        ApiKeyVariables.of(
            List.of(
                "Private Foundation Model Gateway",
                "Gateway A",
                "gateway-a",
                "Gateway A 2",
                "GATEWAY_A",
                "Modèle français",
                "日本語",
                "!!!",
                "42 Gateway")));
  }

  @Test
  void anExistingFileIsKeptUnlessOverwriteIsSet() throws Exception {
    Path file = Files.writeString(dir.resolve("providers.yaml"), "keep me\n");

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> EXPORTER.export(List.of(gateway()), file, false, "Acme"));

    Problem problem = only(e);
    assertEquals(EXPORT_FILE, problem.where());
    assertEquals(ConfigHint.ALLOW_OVERWRITE, problem.hint());
    assertEquals(List.of(Setting.OVERWRITE), problem.fix().settings());
    assertTrue(problem.fix().parts().contains(Setting.OVERWRITE.is("true")), problem.toString());
    assertEquals("keep me\n", Files.readString(file));

    EXPORTER.export(List.of(gateway()), file, true, "Acme");

    assertTrue(Files.readString(file).contains("name: Private Foundation Model Gateway"));
    assertEquals(List.of(file), listed(dir), "no temporary file is left behind");
  }

  @Test
  void missingDirectoriesAreCreated() throws Exception {
    Path file = dir.resolve("a/b/c/providers.yml");

    EXPORTER.export(List.of(gateway()), file, false, "Acme");

    assertTrue(Files.isRegularFile(file));
    assertEquals(List.of(file), listed(file.getParent()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"providers.txt", "providers", "providers.yaml.bak", "providers.jsonc"})
  void anotherExtensionIsRefusedWithTheParameterName(String name) {
    Path file = dir.resolve(name);

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> EXPORTER.export(List.of(gateway()), file, true, "Acme"));

    assertEquals(EXPORT_FILE, only(e).where());
    assertEquals(ConfigHint.NAME_FILE_BY_FORMAT, only(e).hint());
    assertTrue(only(e).what().contains(file.toString()), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void aDirectoryIsNotReplaced() throws Exception {
    Path target = Files.createDirectory(dir.resolve("providers.yaml"));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> EXPORTER.export(List.of(gateway()), target, true, "Acme"));

    assertEquals(EXPORT_FILE, only(e).where());
    assertEquals(ConfigHint.POINT_AT_A_FILE, only(e).hint());
    assertTrue(Files.isDirectory(target));
  }

  @Test
  void aParentThatIsAFileIsNamed() throws Exception {
    Path parent = Files.writeString(dir.resolve("not-a-dir"), "x");

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                EXPORTER.export(
                    List.of(gateway()), parent.resolve("providers.yaml"), false, "Acme"));

    assertEquals(EXPORT_FILE, only(e).where());
    assertEquals(ConfigHint.CHOOSE_ANOTHER_PATH, only(e).hint());
    assertTrue(only(e).what().contains(parent + " is not a directory"), e.getMessage());
  }

  @Test
  void anOrganizationWithoutProvidersWritesNothing() {
    Path file = dir.resolve("providers.yaml");

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> EXPORTER.export(List.of(), file, false, "Empty Org"));

    assertEquals(ConfigHint.EXPORT_ANOTHER_ORGANIZATION, only(e).hint());
    assertTrue(only(e).what().contains("'Empty Org'"), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void aPasswordInAServersBaseUrlIsNotWritten() throws Exception {
    Path file = dir.resolve("providers.yaml");
    ExportedProvider withPassword =
        provider(
            "Gateway",
            "https://svc:hunter2@h.example.com/v1",
            "v1",
            30000,
            new ModelSettings("m", "M", 1, false));

    EXPORTER.export(List.of(withPassword), file, false, "Acme");

    String text = Files.readString(file);
    assertFalse(text.contains("hunter2"), text);
    assertTrue(text.contains("https://****@h.example.com/v1"), text);
  }

  @Test
  void providersWithTheSameNameByTheNameRuleWriteNothing() {
    Path file = dir.resolve("providers.yaml");
    ModelSettings model = new ModelSettings("m", "M", 1, false);
    ExportedProvider upper = provider("STRASSE", "https://a.example.com", "v1", 30000, model);
    ExportedProvider sharp = provider("Straße", "https://b.example.com", "v1", 30000, model);

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> EXPORTER.export(List.of(gateway(), upper, sharp), file, false, "Acme"));

    assertEquals(ConfigHint.RENAME_IN_ORGANIZATION, only(e).hint());
    assertTrue(
        only(e).what().contains("'STRASSE' (id " + upper.id() + ") and 'Straße' (id " + sharp.id()),
        e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void quotedYamlStringsEscapeWhatIsNotPrintable() {
    assertEquals(
        "\"a\\\"b\\\\c\\nd\\te\\u2028f\\u0085g\\ud800h😀\"",
        YamlText.quoted("a\"b\\c\nd\te\u2028f\u0085g\uD800h😀"));
  }

  @Test
  void aJsonFileIsValidUtf8WithOneValueALine() throws Exception {
    Path file = dir.resolve("providers.json");

    EXPORTER.export(oddProviders(), file, false, "Acme");

    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
            .toString();
    for (char unprintable : new char[] {'\u2028', '\u2029', '\u0085', '\u007F', '\uFEFF', '\r'}) {
      assertEquals(-1, text.indexOf(unprintable), "U+" + Integer.toHexString(unprintable));
    }
    assertTrue(text.contains("a\\u2028b\\u2029c\\u0085d\\ufeffe\\u0000f\\u007fg"), text);
  }

  private static Problem only(ConfigurationException e) {
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  private static List<Path> listed(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  @Test
  void theVariableListIsAlignedOnTheLongestVariable() {
    ExportResult result =
        new ExportResult(
            Path.of("providers.yaml"),
            List.of(
                new ExportResult.ApiKeyVariable("Alpha", "ALPHA_API_KEY"),
                new ExportResult.ApiKeyVariable("Beta (EU) Gateway", "BETA_EU_GATEWAY_API_KEY")));

    assertEquals(
        List.of("ALPHA_API_KEY            (Alpha)", "BETA_EU_GATEWAY_API_KEY  (Beta (EU) Gateway)"),
        result.variableLines());
  }
}
