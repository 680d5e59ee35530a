package io.github.genesysllm.config;

import static io.github.genesysllm.config.Fixture.model;
import static io.github.genesysllm.config.Fixture.pom;
import static io.github.genesysllm.config.Fixture.pomProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.testing.Fifo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid configurations, and how problems are gathered and shown. */
class ConfigurationLoaderTest {

  private static final String GATEWAY_YAML =
      """
            providers:
              - name: Gateway
                baseUrl: https://inference.example.internal/api/v1
                apiKeyServerId: model-key
                apiVersion: v2
                timeout: 60000
                models:
                  - id: model-a
                    name: Model A
                    maxTokens: 8192
                    supportsStreaming: true
                  - id: org/model-b:latest
                    name: Model B
                    maxTokens: 2000000
            """;

  @TempDir Path dir;

  private static Place yamlLine(int line) {
    return new Place.InFile("providers.yaml", line);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void aPomProviderGetsTheDefaultsAndItsKeyFromTheEnvironment() throws Exception {
    List<DesiredProvider> providers = Fixture.loader().load(pom(pomProvider("Gateway")), null);

    assertEquals(1, providers.size());
    DesiredProvider provider = providers.get(0);
    assertEquals(
        new ProviderSettings(
            "Gateway",
            "CUSTOM",
            "https://inference.example.internal/api/v1",
            "v1",
            30_000,
            List.of(new ModelSettings("model-a", "Model model-a", 8192, false))),
        provider.settings());
    assertEquals("sk-model-key-0001", provider.apiKey().reveal());
    assertEquals(new Place.InlineProvider(1), provider.origin());
  }

  @Test
  void aPomProviderKeepsWhatItSets() throws Exception {
    ProviderConfig config = pomProvider("Gateway");
    config.setProviderType("CUSTOM");
    config.setApiVersion("2024-06.beta");
    config.setTimeout(1000);
    config.getModels().get(0).setSupportsStreaming(" TRUE ");

    ProviderSettings settings = Fixture.loader().load(pom(config), null).get(0).settings();

    assertEquals("2024-06.beta", settings.apiVersion());
    assertEquals(1000, settings.timeout());
    assertTrue(settings.models().get(0).supportsStreaming());
  }

  @ParameterizedTest
  @ValueSource(strings = {"providers.yaml", "providers.yml", "PROVIDERS.YAML"})
  void aYamlFileIsRead(String name) throws Exception {
    List<DesiredProvider> providers = Fixture.loader().load(null, write(name, GATEWAY_YAML));

    assertEquals(1, providers.size());
    DesiredProvider provider = providers.get(0);
    assertEquals(
        new ProviderSettings(
            "Gateway",
            "CUSTOM",
            "https://inference.example.internal/api/v1",
            "v2",
            60_000,
            List.of(
                new ModelSettings("model-a", "Model A", 8192, true),
                new ModelSettings("org/model-b:latest", "Model B", 2_000_000, false))),
        provider.settings());
    assertEquals("sk-server-key-0002", provider.apiKey().reveal());
    assertEquals(new Place.InFile(name, 2), provider.origin());
  }

  @Test
  void aJsonFileIsRead() throws Exception {
    Path file =
        write(
            "providers.json",
            """
                {
                  "providers": [
                    {
                      "name": "Gateway",
                      "providerType": "CUSTOM",
                      "baseUrl": "https://inference.example.internal/api/v1",
                      "apiKey": "sk-literal-key-0003",
                      "models": [{"id": "model-a", "name": "Model A", "maxTokens": 8192}]
                    }
                  ]
                }
                """);

    DesiredProvider provider = Fixture.loader().load(List.of(), file).get(0);

    assertEquals("Gateway", provider.name());
    assertEquals("v1", provider.settings().apiVersion());
    assertEquals(30_000, provider.settings().timeout());
    assertEquals("sk-literal-key-0003", provider.apiKey().reveal());
    assertEquals(new Place.InFile("providers.json", 3), provider.origin());
  }

  @Test
  void thePomsProvidersComeFirstThenTheFilesInTheirOrder() throws Exception {
    Path file =
        write(
            "providers.yaml",
            """
                providers:
                  - name: Third
                    baseUrl: https://three.example.internal
                    apiKey: ${env.MODEL_KEY}
                    models: [{id: m, name: M, maxTokens: 1}]
                  - name: Fourth
                    baseUrl: https://four.example.internal
                    apiKeyEnv: MODEL_KEY
                    models: [{id: m, name: M, maxTokens: 1}]
                """);
    ProviderConfig second = pomProvider("Second");
    second.setApiKeyEnv(null);
    second.setApiKeyServerId("model-key");

    List<DesiredProvider> providers =
        Fixture.loader().load(pom(pomProvider("First"), second), file);

    assertEquals(
        List.of("First", "Second", "Third", "Fourth"),
        providers.stream().map(DesiredProvider::name).toList());
    assertEquals(
        List.of(
            new Place.InlineProvider(1),
            new Place.InlineProvider(2),
            new Place.InFile("providers.yaml", 2),
            new Place.InFile("providers.yaml", 6)),
        providers.stream().map(DesiredProvider::origin).toList());
    assertEquals(
        List.of(
            "sk-model-key-0001", "sk-server-key-0002", "sk-model-key-0001", "sk-model-key-0001"),
        providers.stream().map(p -> p.apiKey().reveal()).toList());
  }

  @Test
  void placeholdersComeFromTheEnvironmentAndTheProperties() throws Exception {
    Path file =
        write(
            "providers.yaml",
            """
                providers:
                  - name: Gateway on ${model.host}
                    baseUrl: https://${model.host}/api/${env.API_PATH}
                    apiKey: ${env.MODEL_KEY}
                    timeout: ${timeout.ms}
                    models:
                      - id: model-a
                        name: Costs $5, written $${literal}
                        maxTokens: 8192
                        supportsStreaming: ${env.STREAMING}
                """);

    DesiredProvider provider = Fixture.loader().load(null, file).get(0);

    assertEquals("Gateway on models.example.internal", provider.name());
    assertEquals("https://models.example.internal/api/v2", provider.settings().baseUrl());
    assertEquals(45_000, provider.settings().timeout());
    assertEquals(
        new ModelSettings("model-a", "Costs $5, written ${literal}", 8192, true),
        provider.settings().models().get(0));
    assertEquals("sk-model-key-0001", provider.apiKey().reveal());
  }

  @Test
  void anEmptyProvidersListBesideThePomIsFine() throws Exception {
    List<DesiredProvider> providers =
        Fixture.loader()
            .load(pom(pomProvider("Gateway")), write("providers.yaml", "providers: []\n"));

    assertEquals(List.of("Gateway"), providers.stream().map(DesiredProvider::name).toList());
  }

  @Test
  void everyProblemOfEveryProviderIsReportedAtOnce() throws IOException {
    Path file =
        write(
            "providers.yaml",
            """
                providers:
                  - name: Gateway
                    baseUrl: http://inference.example.internal
                    apiKeyEnv: NOT_SET
                    timeout: abc
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """);

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Fixture.loader().load(null, file));

    assertEquals(
        List.of(yamlLine(4), yamlLine(3), yamlLine(5)),
        e.problems().stream().map(Problem::where).toList(),
        e.getMessage());
    assertEquals(
        List.of(
            ConfigHint.SET_ENVIRONMENT_VARIABLE,
            ConfigHint.FOLLOW_FIELD_RULE,
            ConfigHint.FOLLOW_FIELD_RULE),
        e.problems().stream().map(Problem::hint).toList());
    assertEquals(
        "3 problems in the provider configuration; nothing was sent to Genesys Cloud:", e.header());
    assertEquals(4, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void problemsOfThePomAndTheFileComeTogetherAndNothingIsReturned() throws IOException {
    ProviderConfig broken = pomProvider("Broken");
    broken.setTimeout(5);
    Path file = write("providers.yaml", GATEWAY_YAML.replace("timeout: 60000", "timout: 60000"));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> Fixture.loader().load(pom(pomProvider("Fine"), broken), file));

    assertEquals(
        List.of(new Place.InlineProvider(2), yamlLine(6)),
        e.problems().stream().map(Problem::where).toList());
    assertEquals(
        List.of(ConfigHint.FOLLOW_FIELD_RULE, ConfigHint.REMOVE_UNKNOWN_FIELD),
        e.problems().stream().map(Problem::hint).toList());
    assertEquals(
        List.of(
            "configured provider #2: provider 'Broken' field 'timeout': must be an integer number"
                + " of milliseconds from 1000 to 300000, got 5",
            "providers.yaml:6: provider 'Gateway' field 'timout': unknown field (did you mean"
                + " 'timeout'?); a provider has name, providerType, baseUrl, apiKey, apiKeyEnv,"
                + " apiKeyServerId, apiVersion, timeout, models"),
        e.getMessage().lines().skip(1).map(line -> line.substring("  - ".length())).toList(),
        "the plugin's own words, as a message shows them");
  }

  @Test
  void noApiKeyValueAppearsEvenWhenTheKeyBreaksARule() throws IOException {
    String longKey = "sk-" + "k".repeat(4200);
    Path file =
        write(
            "providers.yaml",
            """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKey: %s
                    apiVersion: %s
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """
                .formatted(longKey, longKey));

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Fixture.loader().load(null, file));

    assertEquals(
        List.of(yamlLine(4), yamlLine(5)), e.problems().stream().map(Problem::where).toList());
    assertFalse(e.getMessage().contains("kkkkkkkk"), e.getMessage());
  }

  @Test
  void aKeyIsMaskedWhereverItShowsWholeOrCutShort() {
    KeyRedaction redaction = new KeyRedaction(List.of("fake-abcdefghijklmnopqrstu", "abc"));

    assertEquals("got '****...' (cut)", redaction.masked("got 'fake-abcdefghijklmno...' (cut)"));
    assertEquals(
        "got 'https://x.example/****/v1'",
        redaction.masked("got 'https://x.example/fake-abcdefghijklmnopqrstu/v1'"));
    assertEquals("no key here, abc too short", redaction.masked("no key here, abc too short"));
    Problem problem =
        Problem.at(
            yamlLine(3),
            "got 'fake-abcdefghijklmnopq'",
            Fix.of(
                ConfigHint.FOLLOW_FIELD_RULE,
                "not 'fake-abcdefghijklmnopq' but ",
                Setting.CONFIG_FILE));
    assertEquals(
        List.of(
            Problem.at(
                yamlLine(3),
                "got '****'",
                Fix.of(ConfigHint.FOLLOW_FIELD_RULE, "not '****' but ", Setting.CONFIG_FILE))),
        redaction.apply(List.of(problem)));
  }

  @Test
  void aServerThatIsNotThereIsAFixNamingIt() {
    ProviderConfig provider = pomProvider("Gateway");
    provider.setApiKeyEnv(null);
    provider.setApiKeyServerId("nowhere");

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> Fixture.loader().load(pom(provider), null));

    Problem problem = e.problems().get(0);
    assertEquals(ConfigHint.ADD_KEY_SERVER, problem.hint());
    assertTrue(
        problem.fix().parts().contains(new Place.ServerEntry("nowhere")), problem.toString());
  }

  @Test
  void aNameUsedTwiceNamesWhereTheFirstIs() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> Fixture.loader().load(pom(pomProvider("Gateway"), pomProvider("GATEWAY")), null));

    Problem problem = e.problems().get(0);
    assertEquals(new Place.InlineProvider(2), problem.where());
    assertEquals(ConfigHint.RENAME_DUPLICATE_PROVIDER, problem.hint());
    assertTrue(problem.fix().parts().contains(new Place.InlineProvider(1)), problem.toString());
  }

  @Test
  void aSingleProblemIsCountedInTheSingular() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Fixture.loader().load(List.of(), null));

    assertEquals(
        "1 problem in the provider configuration; nothing was sent to Genesys Cloud:", e.header());
  }

  @Test
  void theBeansShowNoSecretsBecauseTheyHoldNone() {
    ProviderConfig config = pomProvider("Gateway");
    config.getModels().add(model("model-b"));

    String text = config.toString();

    assertTrue(text.contains("apiKeyEnv=MODEL_KEY"), text);
    assertTrue(text.contains("ModelConfig[id=model-b"), text);
    assertFalse(text.contains("sk-model-key-0001"), text);
  }

  @Test
  @Timeout(30) // reading the pipe would wait for ever
  void aConfigFileThatIsAPipeIsRefusedBeforeItIsOpened() throws Exception {
    Path pipe = Fifo.at(dir.resolve("providers.yaml"));

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Fixture.loader().load(null, pipe));

    assertEquals(1, e.problems().size(), e.getMessage());
    Problem problem = e.problems().get(0);
    assertEquals(new Place.OfSetting(Setting.CONFIG_FILE), problem.where());
    assertEquals(ConfigHint.POINT_AT_A_FILE, problem.hint());
    assertTrue(problem.what().contains("'" + pipe + "' is not a regular file"), problem.what());
  }

  @Test
  void aConfigFileThatIsADirectoryIsRefusedNamingIt() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("providers.yaml"));

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Fixture.loader().load(null, folder));

    Problem problem = e.problems().get(0);
    assertEquals(new Place.OfSetting(Setting.CONFIG_FILE), problem.where());
    assertEquals(ConfigHint.POINT_AT_A_FILE, problem.hint());
    assertTrue(problem.what().contains("'" + folder + "' is a directory"), problem.what());
  }
}
