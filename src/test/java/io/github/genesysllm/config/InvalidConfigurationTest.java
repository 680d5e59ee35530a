package io.github.genesysllm.config;

import static io.github.genesysllm.config.Fixture.model;
import static io.github.genesysllm.config.Fixture.pom;
import static io.github.genesysllm.config.Fixture.pomProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One invalid configuration per row, from the build file or a YAML or JSON file: each must fail
 * with its own problem (its kind of fix, naming the field or value) at its own place (a line of the
 * file, a provider of the build file, a setting), and show no API key.
 */
class InvalidConfigurationTest {

  @TempDir Path dir;

  /** Writes the file a case reads, if any, and gives its path. */
  @FunctionalInterface
  interface FileMaker {
    Path make(Path dir) throws IOException;
  }

  /**
   * A problem a case must report: where, which kind of fix, and a fragment of what it says that
   * names the field or value the user must see (null when the place says it all).
   */
  record Expected(Place where, ConfigHint hint, String names) {
    boolean matches(Problem problem) {
      return where.equals(problem.where())
          && hint == problem.hint()
          && (names == null || problem.what().contains(names));
    }
  }

  record Case(List<ProviderConfig> pom, FileMaker file, List<Expected> expected) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithItsOwnProblemAtItsOwnPlace(Case c) throws IOException {
    Path file = c.file() == null ? null : c.file().make(dir);

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Fixture.loader().load(c.pom(), file));

    for (Expected expected : c.expected()) {
      assertTrue(
          e.problems().stream().anyMatch(expected::matches),
          "expected " + expected + " among:\n" + e.getMessage());
    }
    String message = e.getMessage();
    for (String secret : Fixture.SECRETS) {
      assertFalse(message.contains(secret), "a secret shows in:\n" + message);
    }
    assertEquals(
        e.problems().size()
            + (e.problems().size() == 1 ? " problem" : " problems")
            + " in the provider configuration; nothing was sent to Genesys Cloud:",
        e.header());
  }

  private static final Place POM_1 = new Place.InlineProvider(1);

  private static Place yamlLine(int line) {
    return new Place.InFile("providers.yaml", line);
  }

  private static Place jsonLine(int line) {
    return new Place.InFile("providers.json", line);
  }

  private static Expected at(Place where, ConfigHint hint, String names) {
    return new Expected(where, hint, names);
  }

  private static final Place CONFIG_FILE = new Place.OfSetting(Setting.CONFIG_FILE);
  private static final ConfigHint RULE = ConfigHint.FOLLOW_FIELD_RULE;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    // ---- the POM: every rule of the contract
    pomCase(
        cases,
        "POM: name missing",
        p -> p.setName(null),
        at(POM_1, RULE, "provider #1 field 'name'"));
    pomCase(
        cases,
        "POM: name blank",
        p -> p.setName("   "),
        at(POM_1, RULE, "provider #1 field 'name'"));
    pomCase(
        cases,
        "POM: name with leading space",
        p -> p.setName(" Gateway"),
        at(POM_1, RULE, "field 'name'"));
    pomCase(
        cases,
        "POM: name too long",
        p -> p.setName("n".repeat(201)),
        at(POM_1, RULE, "field 'name'"));
    pomCase(
        cases,
        "POM: providerType not CUSTOM",
        p -> p.setProviderType("OPENAI"),
        at(POM_1, RULE, "provider 'Gateway' field 'providerType'"));
    pomCase(
        cases, "POM: baseUrl missing", p -> p.setBaseUrl(null), at(POM_1, RULE, "field 'baseUrl'"));
    pomCase(
        cases,
        "POM: baseUrl http",
        p -> p.setBaseUrl("http://inference.example.internal/v1"),
        at(POM_1, RULE, "field 'baseUrl'"));
    pomCase(
        cases,
        "POM: baseUrl relative",
        p -> p.setBaseUrl("/api/v1"),
        at(POM_1, RULE, "field 'baseUrl'"));
    pomCase(
        cases,
        "POM: baseUrl trailing slash",
        p -> p.setBaseUrl("https://inference.example.internal/v1/"),
        at(POM_1, RULE, "field 'baseUrl'"));
    pomCase(
        cases,
        "POM: baseUrl with query",
        p -> p.setBaseUrl("https://inference.example.internal/v1?x=1"),
        at(POM_1, RULE, "field 'baseUrl'"));
    pomCase(
        cases,
        "POM: baseUrl with fragment",
        p -> p.setBaseUrl("https://inference.example.internal/v1#top"),
        at(POM_1, RULE, "field 'baseUrl'"));
    pomCase(
        cases,
        "POM: baseUrl with user info",
        p -> p.setBaseUrl("https://user:pw@inference.example.internal"),
        at(POM_1, RULE, "field 'baseUrl'"));
    pomCase(
        cases,
        "POM: baseUrl too long",
        p -> p.setBaseUrl("https://example.internal/" + "a".repeat(2030)),
        at(POM_1, RULE, "field 'baseUrl'"));
    pomCase(
        cases,
        "POM: apiVersion with a space",
        p -> p.setApiVersion("v 1"),
        at(POM_1, RULE, "field 'apiVersion'"));
    pomCase(
        cases,
        "POM: apiVersion too long",
        p -> p.setApiVersion("v".repeat(33)),
        at(POM_1, RULE, "field 'apiVersion'"));
    pomCase(
        cases,
        "POM: timeout too small",
        p -> p.setTimeout(999),
        at(POM_1, RULE, "field 'timeout'"));
    pomCase(
        cases,
        "POM: timeout too large",
        p -> p.setTimeout(300_001),
        at(POM_1, RULE, "field 'timeout'"));
    pomCase(
        cases, "POM: models missing", p -> p.setModels(null), at(POM_1, RULE, "field 'models'"));
    pomCase(
        cases,
        "POM: no models",
        p -> p.setModels(new ArrayList<>()),
        at(POM_1, RULE, "field 'models'"));
    pomCase(
        cases,
        "POM: 51 models",
        p -> p.setModels(fiftyOneModels()),
        at(POM_1, RULE, "field 'models'"));
    pomCase(
        cases,
        "POM: model id with a space",
        p -> p.getModels().get(0).setId("model a"),
        at(POM_1, RULE, "field 'models[0].id'"));
    pomCase(
        cases,
        "POM: model id twice",
        p -> p.getModels().add(model("model-a")),
        at(POM_1, RULE, "field 'models[1].id'"));
    pomCase(
        cases,
        "POM: model name missing",
        p -> p.getModels().get(0).setName(null),
        at(POM_1, RULE, "field 'models[0].name'"));
    pomCase(
        cases,
        "POM: maxTokens zero",
        p -> p.getModels().get(0).setMaxTokens(0),
        at(POM_1, RULE, "field 'models[0].maxTokens'"));
    pomCase(
        cases,
        "POM: maxTokens missing",
        p -> p.getModels().get(0).setMaxTokens(null),
        at(POM_1, RULE, "field 'models[0].maxTokens'"));
    // ---- the POM: API keys
    pomCase(
        cases,
        "POM: no key source",
        p -> p.setApiKeyEnv(null),
        at(POM_1, ConfigHint.GIVE_KEY_SOURCE, "provider 'Gateway'"));
    pomCase(
        cases,
        "POM: two key sources",
        p -> p.setApiKeyServerId("model-key"),
        at(POM_1, ConfigHint.KEEP_ONE_KEY_SOURCE, "(apiKeyEnv, apiKeyServerId)"));
    pomCase(
        cases,
        "POM: env variable not set",
        p -> p.setApiKeyEnv("NOT_SET"),
        at(
            POM_1,
            ConfigHint.SET_ENVIRONMENT_VARIABLE,
            "field 'apiKeyEnv': environment variable NOT_SET"));
    pomCase(
        cases,
        "POM: env variable empty",
        p -> p.setApiKeyEnv("EMPTY_KEY"),
        at(POM_1, ConfigHint.SET_ENVIRONMENT_VARIABLE, "EMPTY_KEY is empty"));
    pomCase(
        cases,
        "POM: key in env variable too long",
        p -> p.setApiKeyEnv("LONG_KEY"),
        at(POM_1, RULE, "field 'apiKeyEnv': the API key in environment variable LONG_KEY"));
    pomCase(
        cases,
        "POM: settings server missing",
        p -> {
          p.setApiKeyEnv(null);
          p.setApiKeyServerId("nowhere");
        },
        at(POM_1, ConfigHint.ADD_KEY_SERVER, "field 'apiKeyServerId'"));
    pomCase(
        cases,
        "POM: settings server without password",
        p -> {
          p.setApiKeyEnv(null);
          p.setApiKeyServerId("no-password");
        },
        at(POM_1, ConfigHint.COMPLETE_SERVER, "'no-password'"));
    pomCase(
        cases,
        "POM: settings server not decryptable",
        p -> {
          p.setApiKeyEnv(null);
          p.setApiKeyServerId("broken");
        },
        at(POM_1, ConfigHint.DECRYPT_SERVER_PASSWORD, "server 'broken'"));
    // ---- the POM: across providers
    cases.add(
        row(
            "POM: two names equal but for case",
            pom(pomProvider("Gateway"), pomProvider("GATEWAY")),
            null,
            at(
                new Place.InlineProvider(2),
                ConfigHint.RENAME_DUPLICATE_PROVIDER,
                "provider 'GATEWAY' field 'name'")));
    cases.add(
        row(
            "POM: two names that are one case pair for the name rule only",
            pom(pomProvider("Straße Gateway"), pomProvider("STRASSE GATEWAY")),
            null,
            at(
                new Place.InlineProvider(2),
                ConfigHint.RENAME_DUPLICATE_PROVIDER,
                "provider 'STRASSE GATEWAY'")));
    cases.add(
        row(
            "nothing configured",
            List.of(),
            null,
            at(Place.NOWHERE, ConfigHint.CONFIGURE_PROVIDERS, null)));
    // ---- the POM: placeholders Maven left unresolved
    pomCase(
        cases,
        "POM: name with an unresolved placeholder",
        p -> p.setName("${gateway.name}"),
        at(POM_1, ConfigHint.DEFINE_PROPERTY, "field 'name': holds ${gateway.name}"));
    pomCase(
        cases,
        "POM: model name with an unresolved placeholder",
        p -> p.getModels().get(0).setName("Model ${model.version}"),
        at(POM_1, ConfigHint.DEFINE_PROPERTY, "field 'models[0].name': holds ${model.version}"));
    pomCase(
        cases,
        "POM: baseUrl with an unresolved placeholder",
        p -> p.setBaseUrl("https://${model.host}/v1"),
        at(POM_1, ConfigHint.DEFINE_PROPERTY, "field 'baseUrl': holds ${model.host}"));

    // ---- the file: structure
    yaml(cases, "YAML: empty file", "", at(yamlLine(0), ConfigHint.GIVE_PROVIDERS_LIST, "empty"));
    yaml(
        cases,
        "YAML: only comments",
        "# nothing here yet\n",
        at(yamlLine(0), ConfigHint.GIVE_PROVIDERS_LIST, "empty"));
    cases.add(
        row(
            "JSON: empty file",
            List.of(),
            file("providers.json", "  \n"),
            at(jsonLine(0), ConfigHint.GIVE_PROVIDERS_LIST, "empty")));
    yaml(
        cases,
        "YAML: a list at the top",
        "- name: Gateway\n",
        at(yamlLine(1), ConfigHint.GIVE_PROVIDERS_LIST, "got a list"));
    yaml(
        cases,
        "YAML: unknown top-level field",
        """
                provider:
                  - name: Gateway
                """,
        at(yamlLine(1), ConfigHint.REMOVE_UNKNOWN_FIELD, "'provider' (did you mean 'providers'?)"),
        at(yamlLine(1), ConfigHint.GIVE_PROVIDERS_LIST, "no 'providers' list"));
    yaml(
        cases,
        "YAML: extra top-level field",
        """
                providers: []
                defaults:
                  timeout: 1000
                """,
        at(yamlLine(2), ConfigHint.REMOVE_UNKNOWN_FIELD, "'defaults'"));
    yaml(
        cases,
        "YAML: providers not a list",
        "providers:\n  name: Gateway\n",
        at(yamlLine(1), ConfigHint.GIVE_PROVIDERS_LIST, "got an object"));
    yaml(
        cases,
        "YAML: a provider that is not an object",
        "providers:\n  - Gateway\n",
        at(yamlLine(2), ConfigHint.GIVE_PROVIDERS_LIST, "provider #1"));
    yaml(
        cases,
        "YAML: two documents",
        "providers: []\n---\nproviders: []\n",
        at(yamlLine(3), ConfigHint.WRITE_PLAIN_VALUES, "more than one document"));
    yaml(
        cases,
        "YAML: alias",
        """
                providers:
                  - name: &n Gateway
                    baseUrl: *n
                """,
        at(yamlLine(3), ConfigHint.WRITE_PLAIN_VALUES, "'*n'"));
    yaml(
        cases,
        "YAML: invalid",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://x.example: oops
                """,
        at(yamlLine(3), ConfigHint.FIX_SYNTAX, "not valid YAML"));
    yaml(
        cases,
        "YAML: tab indentation",
        "providers:\n\t- name: Gateway\n",
        at(yamlLine(2), ConfigHint.FIX_SYNTAX, "(column 1)"));
    cases.add(
        row(
            "JSON: invalid",
            List.of(),
            file(
                "providers.json",
                """
                {
                  "providers": [
                    {"name": "Gateway",}
                  ]
                }
                """),
            at(jsonLine(3), ConfigHint.FIX_SYNTAX, "not valid JSON (column 24)")));
    cases.add(
        row(
            "JSON: unquoted key does not show",
            List.of(),
            file(
                "providers.json",
                """
                {"providers": [
                  {"name": "Gateway", "apiKey": sk-literal-key-0003}
                ]}
                """),
            at(jsonLine(2), ConfigHint.FIX_SYNTAX, "not valid JSON")));
    yaml(
        cases,
        "YAML: broken line holding a key does not show it",
        """
                providers:
                  - name: Gateway
                    apiKey: sk-literal-key-0003: oops
                """,
        at(yamlLine(3), ConfigHint.FIX_SYNTAX, "not valid YAML"));
    cases.add(
        row(
            "file: not UTF-8",
            List.of(),
            d ->
                Files.write(
                    d.resolve("providers.yaml"),
                    new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28}),
            at(yamlLine(0), ConfigHint.SAVE_AS_UTF8, null)));
    cases.add(
        row(
            "file: larger than 5 MiB",
            List.of(),
            d ->
                Files.write(
                    d.resolve("providers.yaml"),
                    ("# " + "x".repeat(1022) + "\n")
                        .repeat(5 * 1024 + 1)
                        .getBytes(StandardCharsets.UTF_8)),
            at(CONFIG_FILE, ConfigHint.POINT_AT_A_FILE, "5 MiB")));
    cases.add(
        row(
            "file: more than 10000 providers",
            List.of(),
            file("providers.yaml", "providers:\n" + "  - {}\n".repeat(10_001)),
            at(yamlLine(10002), ConfigHint.GIVE_PROVIDERS_LIST, "more than 10000 entries")));
    cases.add(
        row(
            "file: missing",
            List.of(),
            d -> d.resolve("missing.yaml"),
            at(CONFIG_FILE, ConfigHint.CHECK_THE_PATH, "missing.yaml' does not exist")));
    cases.add(
        row(
            "file: a directory",
            List.of(),
            d -> Files.createDirectory(d.resolve("conf.yaml")),
            at(CONFIG_FILE, ConfigHint.POINT_AT_A_FILE, "conf.yaml' is a directory")));
    cases.add(
        row(
            "file: bad extension",
            List.of(),
            file("providers.txt", "providers: []\n"),
            at(CONFIG_FILE, ConfigHint.NAME_FILE_BY_FORMAT, "providers.txt'")));
    // ---- the file: fields
    yaml(
        cases,
        "YAML: unknown provider field, suggested",
        provider("    timout: 1000\n"),
        at(
            yamlLine(5),
            ConfigHint.REMOVE_UNKNOWN_FIELD,
            "field 'timout': unknown field (did you mean 'timeout'?)"));
    yaml(
        cases,
        "YAML: unknown provider field in snake case",
        provider("    base_url: https://x.example\n"),
        at(yamlLine(5), ConfigHint.REMOVE_UNKNOWN_FIELD, "(did you mean 'baseUrl'?)"));
    yaml(
        cases,
        "YAML: unknown provider field, nothing close",
        provider("    region: eu\n"),
        at(yamlLine(5), ConfigHint.REMOVE_UNKNOWN_FIELD, "field 'region'"));
    yaml(
        cases,
        "YAML: unknown model field, suggested",
        provider("        supportStreaming: true\n"),
        at(
            yamlLine(7),
            ConfigHint.REMOVE_UNKNOWN_FIELD,
            "field 'models[0].supportStreaming': unknown field (did you mean 'supportsStreaming'?)"));
    yaml(
        cases,
        "YAML: timeout not a number",
        provider("    timeout: abc\n"),
        at(yamlLine(5), RULE, "field 'timeout'"));
    yaml(
        cases,
        "YAML: timeout quoted",
        provider("    timeout: \"30000\"\n"),
        at(yamlLine(5), RULE, "got '30000'"));
    yaml(
        cases,
        "YAML: timeout fractional",
        provider("    timeout: 1500.5\n"),
        at(yamlLine(5), RULE, "got 1500.5"));
    yaml(
        cases,
        "YAML: supportsStreaming not a boolean",
        provider("        supportsStreaming: maybe\n"),
        at(yamlLine(7), RULE, "field 'models[0].supportsStreaming'"));
    yaml(
        cases,
        "YAML: maxTokens too big",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKeyEnv: MODEL_KEY
                    models:
                      - id: model-a
                        name: Model A
                        maxTokens: 2000001
                """,
        at(yamlLine(8), RULE, "field 'models[0].maxTokens'"));
    yaml(
        cases,
        "YAML: name is a list",
        """
                providers:
                  - name: [Gateway]
                    baseUrl: https://inference.example.internal/api/v1
                    apiKeyEnv: MODEL_KEY
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """,
        at(yamlLine(2), RULE, "provider #1 field 'name'"));
    yaml(
        cases,
        "YAML: models is a string",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKeyEnv: MODEL_KEY
                    models: model-a
                """,
        at(yamlLine(5), RULE, "field 'models'"));
    yaml(
        cases,
        "YAML: model ids twice",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKeyEnv: MODEL_KEY
                    models:
                      - {id: model-a, name: Model A, maxTokens: 8192}
                      - {id: model-a, name: Model A again, maxTokens: 8192}
                """,
        at(yamlLine(7), RULE, "field 'models[1].id'"));
    yaml(
        cases,
        "YAML: a key written twice",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKeyEnv: MODEL_KEY
                    baseUrl: https://other.example.internal/api/v1
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """,
        at(
            yamlLine(3),
            ConfigHint.REMOVE_DUPLICATE_KEY,
            "field 'baseUrl': appears twice (lines 3 and 5)"));
    yaml(
        cases,
        "YAML: two names equal but for case",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKeyEnv: MODEL_KEY
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                  - name: gateway
                    baseUrl: https://inference.example.internal/api/v2
                    apiKeyEnv: MODEL_KEY
                    models: [{id: model-b, name: Model B, maxTokens: 8192}]
                """,
        at(yamlLine(6), ConfigHint.RENAME_DUPLICATE_PROVIDER, "provider 'gateway' field 'name'"));
    cases.add(
        row(
            "POM and file: the same name",
            pom(pomProvider("Gateway")),
            file("providers.yaml", provider("")),
            at(
                yamlLine(2),
                ConfigHint.CONFIGURE_PROVIDER_ONCE,
                "provider 'Gateway' field 'name'")));
    // ---- the file: keys and placeholders
    yaml(
        cases,
        "YAML: no key source",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """,
        at(yamlLine(2), ConfigHint.GIVE_KEY_SOURCE, "provider 'Gateway'"));
    yaml(
        cases,
        "YAML: two key sources",
        provider("    apiKey: sk-literal-key-0003\n"),
        at(yamlLine(2), ConfigHint.KEEP_ONE_KEY_SOURCE, "(apiKey, apiKeyEnv)"));
    yaml(
        cases,
        "YAML: empty apiKey",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKey: ""
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """,
        at(yamlLine(4), RULE, "field 'apiKey'"));
    yaml(
        cases,
        "YAML: apiKey from an env variable not set",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKey: ${env.NO_SUCH_KEY}
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """,
        at(yamlLine(4), ConfigHint.SET_ENVIRONMENT_VARIABLE, "'${env.NO_SUCH_KEY}'"));
    yaml(
        cases,
        "YAML: placeholder of a property not set",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://${no.such.host}/api/v1
                    apiKeyEnv: MODEL_KEY
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """,
        at(yamlLine(3), ConfigHint.DEFINE_PROPERTY, "'${no.such.host}'"));
    yaml(
        cases,
        "YAML: placeholder not closed",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://${model.host/api/v1
                    apiKeyEnv: MODEL_KEY
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """,
        at(yamlLine(3), ConfigHint.FIX_PLACEHOLDER, "field 'baseUrl'"));
    yaml(
        cases,
        "YAML: a key put in another field is masked",
        """
                providers:
                  - name: Gateway
                    baseUrl: ${env.MODEL_KEY}
                    apiKeyEnv: MODEL_KEY
                    models: [{id: model-a, name: Model A, maxTokens: 8192}]
                """,
        at(yamlLine(3), RULE, "field 'baseUrl': must be an absolute https URL, got '****'"));
    yaml(
        cases,
        "YAML: apiKeyEnv names an unset variable",
        provider("").replace("MODEL_KEY", "UNSET_KEY"),
        at(yamlLine(4), ConfigHint.SET_ENVIRONMENT_VARIABLE, "UNSET_KEY"));
    yaml(
        cases,
        "YAML: apiKeyServerId names no server",
        provider("").replace("apiKeyEnv: MODEL_KEY", "apiKeyServerId: nowhere"),
        at(yamlLine(4), ConfigHint.ADD_KEY_SERVER, "field 'apiKeyServerId'"));
    cases.add(
        row(
            "JSON: unknown field and a string number",
            List.of(),
            file(
                "providers.json",
                """
                {
                  "providers": [
                    {
                      "name": "Gateway",
                      "baseUrl": "https://inference.example.internal/api/v1",
                      "apikey": "sk-literal-key-0003",
                      "models": [{"id": "model-a", "name": "Model A", "maxTokens": "8192"}]
                    }
                  ]
                }
                """),
            at(jsonLine(6), ConfigHint.REMOVE_UNKNOWN_FIELD, "(did you mean 'apiKey'?)"),
            at(jsonLine(7), RULE, "field 'models[0].maxTokens'"),
            at(jsonLine(3), ConfigHint.GIVE_KEY_SOURCE, "provider 'Gateway'")));
    return cases.stream();
  }

  /**
   * A valid YAML provider at line 2; {@code extra} goes at line 5, before its models, or, when
   * indented as a model's field, at line 7 in its model.
   */
  private static String provider(String extra) {
    return """
                providers:
                  - name: Gateway
                    baseUrl: https://inference.example.internal/api/v1
                    apiKeyEnv: MODEL_KEY
                """
        + (extra.startsWith("        ")
            ? """
                    models:
                      - id: model-a
                """
                + extra
                + """
                        name: Model A
                        maxTokens: 8192
                """
            : extra
                + """
                    models:
                      - id: model-a
                        name: Model A
                        maxTokens: 8192
                """);
  }

  private static void pomCase(
      List<Arguments> cases, String name, Consumer<ProviderConfig> change, Expected... expected) {
    ProviderConfig provider = pomProvider("Gateway");
    change.accept(provider);
    cases.add(row(name, pom(provider), null, expected));
  }

  private static void yaml(
      List<Arguments> cases, String name, String content, Expected... expected) {
    cases.add(row(name, List.of(), file("providers.yaml", content), expected));
  }

  private static Arguments row(
      String name, List<ProviderConfig> pom, FileMaker file, Expected... expected) {
    return Arguments.of(Named.of(name, new Case(pom, file, List.of(expected))));
  }

  private static FileMaker file(String name, String content) {
    return d -> Files.writeString(d.resolve(name), content);
  }

  private static List<ModelConfig> fiftyOneModels() {
    List<ModelConfig> models = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      models.add(model("model-" + i));
    }
    return models;
  }
}
