package io.github.genesysllm.config;

import static io.github.genesysllm.config.Fixture.model;
import static io.github.genesysllm.config.Fixture.pom;
import static io.github.genesysllm.config.Fixture.pomProvider;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * One invalid configuration per row, from the POM or a YAML or JSON file: each must fail, with its
 * own message at its own place ({@code providers.yaml:5}), and show no API key.
 */
class InvalidConfigurationTest {

  @TempDir Path dir;

  /** Writes the file a case reads, if any, and gives its path. */
  @FunctionalInterface
  interface FileMaker {
    Path make(Path dir) throws IOException;
  }

  record Case(List<ProviderConfig> pom, FileMaker file, List<String> expected) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithItsOwnMessage(Case c) throws IOException {
    Path file = c.file() == null ? null : c.file().make(dir);

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Fixture.loader().load(c.pom(), file));

    String message = e.getMessage();
    for (String fragment : c.expected()) {
      assertTrue(message.contains(fragment), "expected <" + fragment + "> in:\n" + message);
    }
    for (String secret : Fixture.SECRETS) {
      assertFalse(message.contains(secret), "a secret shows in:\n" + message);
    }
    assertTrue(e.problems().stream().allMatch(message::contains), message);
    assertTrue(
        message.startsWith(
            e.problems().size()
                + (e.problems().size() == 1 ? " problem" : " problems")
                + " in the provider configuration; nothing was sent to Genesys Cloud:"),
        message);
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    // ---- the POM: every rule of the contract
    pomCase(
        cases,
        "POM: name missing",
        p -> p.setName(null),
        "the POM (provider #1) provider #1 field 'name': is required");
    pomCase(
        cases,
        "POM: name blank",
        p -> p.setName("   "),
        "provider #1 field 'name': must be 1 to 200 characters and not blank");
    pomCase(
        cases,
        "POM: name with leading space",
        p -> p.setName(" Gateway"),
        "field 'name': must not start or end with white space");
    pomCase(
        cases,
        "POM: name too long",
        p -> p.setName("n".repeat(201)),
        "field 'name': must be 1 to 200 characters and not blank, got 201 characters");
    pomCase(
        cases,
        "POM: providerType not CUSTOM",
        p -> p.setProviderType("OPENAI"),
        "the POM (provider #1) provider 'Gateway' field 'providerType': must be CUSTOM (the only value"
            + " accepted), got 'OPENAI'");
    pomCase(
        cases,
        "POM: baseUrl missing",
        p -> p.setBaseUrl(null),
        "provider 'Gateway' field 'baseUrl': is required");
    pomCase(
        cases,
        "POM: baseUrl http",
        p -> p.setBaseUrl("http://inference.example.internal/v1"),
        "field 'baseUrl': must be an absolute https URL, got 'http://inference.example.internal/v1'");
    pomCase(
        cases,
        "POM: baseUrl relative",
        p -> p.setBaseUrl("/api/v1"),
        "field 'baseUrl': must be an absolute https URL");
    pomCase(
        cases,
        "POM: baseUrl trailing slash",
        p -> p.setBaseUrl("https://inference.example.internal/v1/"),
        "field 'baseUrl': must not end with '/'");
    pomCase(
        cases,
        "POM: baseUrl with query",
        p -> p.setBaseUrl("https://inference.example.internal/v1?x=1"),
        "field 'baseUrl': must not have a query");
    pomCase(
        cases,
        "POM: baseUrl with fragment",
        p -> p.setBaseUrl("https://inference.example.internal/v1#top"),
        "field 'baseUrl': must not have a fragment");
    pomCase(
        cases,
        "POM: baseUrl with user info",
        p -> p.setBaseUrl("https://user:pw@inference.example.internal"),
        "field 'baseUrl': must not contain user info");
    pomCase(
        cases,
        "POM: baseUrl too long",
        p -> p.setBaseUrl("https://example.internal/" + "a".repeat(2030)),
        "field 'baseUrl': must be at most 2048 characters");
    pomCase(
        cases,
        "POM: apiVersion with a space",
        p -> p.setApiVersion("v 1"),
        "field 'apiVersion': must be 1 to 32 characters of A-Z a-z 0-9 . _ -, got 'v 1'");
    pomCase(
        cases,
        "POM: apiVersion too long",
        p -> p.setApiVersion("v".repeat(33)),
        "field 'apiVersion': must be 1 to 32");
    pomCase(
        cases,
        "POM: timeout too small",
        p -> p.setTimeout(999),
        "field 'timeout': must be an integer number of milliseconds from 1000 to 300000, got 999");
    pomCase(
        cases,
        "POM: timeout too large",
        p -> p.setTimeout(300_001),
        "field 'timeout': must be an integer number"
            + " of milliseconds from 1000 to 300000, got 300001");
    pomCase(
        cases,
        "POM: models missing",
        p -> p.setModels(null),
        "field 'models': is required: 1 to 50 models");
    pomCase(
        cases,
        "POM: no models",
        p -> p.setModels(new ArrayList<>()),
        "field 'models': must be a list of 1 to 50 models, got 0 models");
    pomCase(
        cases,
        "POM: 51 models",
        p -> p.setModels(fiftyOneModels()),
        "field 'models': must be a list of 1 to 50 models, got 51 models");
    pomCase(
        cases,
        "POM: model id with a space",
        p -> p.getModels().get(0).setId("model a"),
        "field 'models[0].id': must be 1 to 128 characters of A-Z a-z 0-9 . _ : / -, got 'model a'");
    pomCase(
        cases,
        "POM: model id twice",
        p -> p.getModels().add(model("model-a")),
        "field 'models[1].id': must be unique among the provider's models, got 'model-a' a second time");
    pomCase(
        cases,
        "POM: model name missing",
        p -> p.getModels().get(0).setName(null),
        "field 'models[0].name': is required");
    pomCase(
        cases,
        "POM: maxTokens zero",
        p -> p.getModels().get(0).setMaxTokens(0),
        "field 'models[0].maxTokens': must be an integer from 1 to 2000000, got 0");
    pomCase(
        cases,
        "POM: maxTokens missing",
        p -> p.getModels().get(0).setMaxTokens(null),
        "field 'models[0].maxTokens': is required");
    // ---- the POM: API keys
    pomCase(
        cases,
        "POM: no key source",
        p -> p.setApiKeyEnv(null),
        "the POM (provider #1) provider 'Gateway': no API key source: set apiKeyEnv (an environment variable)"
            + " or apiKeyServerId (a settings.xml server)");
    pomCase(
        cases,
        "POM: two key sources",
        p -> p.setApiKeyServerId("model-key"),
        "provider 'Gateway': several API key sources (apiKeyEnv, apiKeyServerId): keep exactly one");
    pomCase(
        cases,
        "POM: env variable not set",
        p -> p.setApiKeyEnv("NOT_SET"),
        "the POM (provider #1) provider 'Gateway' field 'apiKeyEnv': environment variable NOT_SET is not set:"
            + " set it to the provider's API key");
    pomCase(
        cases,
        "POM: env variable empty",
        p -> p.setApiKeyEnv("EMPTY_KEY"),
        "field 'apiKeyEnv': environment variable EMPTY_KEY is empty");
    pomCase(
        cases,
        "POM: key in env variable too long",
        p -> p.setApiKeyEnv("LONG_KEY"),
        "field 'apiKeyEnv': the API key in environment variable LONG_KEY must be a string of 1 to 4096 characters");
    pomCase(
        cases,
        "POM: settings server missing",
        p -> {
          p.setApiKeyEnv(null);
          p.setApiKeyServerId("nowhere");
        },
        "field 'apiKeyServerId': settings.xml has no server 'nowhere': add <server><id>nowhere</id>");
    pomCase(
        cases,
        "POM: settings server without password",
        p -> {
          p.setApiKeyEnv(null);
          p.setApiKeyServerId("no-password");
        },
        "field 'apiKeyServerId': settings.xml server 'no-password' has no password");
    pomCase(
        cases,
        "POM: settings server not decryptable",
        p -> {
          p.setApiKeyEnv(null);
          p.setApiKeyServerId("broken");
        },
        "provider 'Gateway' field 'apiKeyServerId': settings.xml server 'broken': its password cannot be decrypted");
    // ---- the POM: across providers
    cases.add(
        row(
            "POM: two names equal but for case",
            pom(pomProvider("Gateway"), pomProvider("GATEWAY")),
            null,
            "the POM (provider #2) provider 'GATEWAY' field 'name': is already used by the POM (provider #1"
                + " 'Gateway') (names are compared ignoring case and Unicode compatibility forms"));
    cases.add(
        row(
            "POM: two names that are one case pair for the name rule only",
            pom(pomProvider("Straße Gateway"), pomProvider("STRASSE GATEWAY")),
            null,
            "provider 'STRASSE GATEWAY' field 'name': is already used by the POM (provider #1"
                + " 'Straße Gateway')"));
    cases.add(
        row("nothing configured", List.of(), null, "no providers are configured: add <providers>"));
    // ---- the POM: placeholders Maven left unresolved
    pomCase(
        cases,
        "POM: name with an unresolved placeholder",
        p -> p.setName("${gateway.name}"),
        "the POM (provider #1) provider '${gateway.name}' field 'name': holds ${gateway.name}, which"
            + " Maven could not resolve: define the property 'gateway.name'");
    pomCase(
        cases,
        "POM: model name with an unresolved placeholder",
        p -> p.getModels().get(0).setName("Model ${model.version}"),
        "provider 'Gateway' field 'models[0].name': holds ${model.version}, which Maven could not"
            + " resolve");
    pomCase(
        cases,
        "POM: baseUrl with an unresolved placeholder",
        p -> p.setBaseUrl("https://${model.host}/v1"),
        "provider 'Gateway' field 'baseUrl': holds ${model.host}, which Maven could not resolve");

    // ---- the file: structure
    yaml(cases, "YAML: empty file", "", "providers.yaml: the file is empty");
    yaml(cases, "YAML: only comments", "# nothing here yet\n", "providers.yaml: the file is empty");
    cases.add(
        row(
            "JSON: empty file",
            List.of(),
            file("providers.json", "  \n"),
            "providers.json: the file is empty"));
    yaml(
        cases,
        "YAML: a list at the top",
        "- name: Gateway\n",
        "providers.yaml:1: the file must hold an object with a 'providers' list, got a list");
    yaml(
        cases,
        "YAML: unknown top-level field",
        """
                provider:
                  - name: Gateway
                """,
        "providers.yaml:1: unknown top-level field 'provider' (did you mean 'providers'?)",
        "providers.yaml:1: the file has no 'providers' list");
    yaml(
        cases,
        "YAML: extra top-level field",
        """
                providers: []
                defaults:
                  timeout: 1000
                """,
        "providers.yaml:2: unknown top-level field 'defaults'; the file holds only a 'providers' list");
    yaml(
        cases,
        "YAML: providers not a list",
        "providers:\n  name: Gateway\n",
        "providers.yaml:1: 'providers' must be a list of providers, got an object");
    yaml(
        cases,
        "YAML: a provider that is not an object",
        "providers:\n  - Gateway\n",
        "providers.yaml:2 provider #1: must be an object");
    yaml(
        cases,
        "YAML: two documents",
        "providers: []\n---\nproviders: []\n",
        "providers.yaml:3: the file holds more than one document");
    yaml(
        cases,
        "YAML: alias",
        """
                providers:
                  - name: &n Gateway
                    baseUrl: *n
                """,
        "providers.yaml:3: the file uses the YAML alias '*n', which is not supported");
    yaml(
        cases,
        "YAML: invalid",
        """
                providers:
                  - name: Gateway
                    baseUrl: https://x.example: oops
                """,
        "providers.yaml:3:",
        ": not valid YAML: mapping values are not allowed here");
    yaml(
        cases,
        "YAML: tab indentation",
        "providers:\n\t- name: Gateway\n",
        "providers.yaml:2:1: not valid YAML");
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
            "providers.json:3:24: not valid JSON: Unexpected character ('}'"));
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
            "providers.json:2:",
            "not valid JSON: Unrecognized token"));
    yaml(
        cases,
        "YAML: broken line holding a key does not show it",
        """
                providers:
                  - name: Gateway
                    apiKey: sk-literal-key-0003: oops
                """,
        "providers.yaml:3:",
        "not valid YAML");
    cases.add(
        row(
            "file: not UTF-8",
            List.of(),
            d ->
                Files.write(
                    d.resolve("providers.yaml"),
                    new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28}),
            "providers.yaml: the file is not UTF-8 text"));
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
            "is larger than 5 MiB"));
    cases.add(
        row(
            "file: more than 10000 providers",
            List.of(),
            file("providers.yaml", "providers:\n" + "  - {}\n".repeat(10_001)),
            "providers.yaml:10002: the file has a list of more than 10000 entries"));
    cases.add(
        row(
            "file: missing",
            List.of(),
            d -> d.resolve("missing.yaml"),
            "configFile (-Dgenesys.configFile) '",
            "missing.yaml' does not exist"));
    cases.add(
        row(
            "file: a directory",
            List.of(),
            d -> Files.createDirectory(d.resolve("conf.yaml")),
            "configFile (-Dgenesys.configFile) '",
            "conf.yaml' is a directory"));
    cases.add(
        row(
            "file: bad extension",
            List.of(),
            file("providers.txt", "providers: []\n"),
            "providers.txt' has an extension that is not accepted: name it .yaml or .yml (YAML) or .json (JSON)"));
    // ---- the file: fields
    yaml(
        cases,
        "YAML: unknown provider field, suggested",
        provider("    timout: 1000\n"),
        "providers.yaml:5 provider 'Gateway' field 'timout': unknown field (did you mean 'timeout'?)");
    yaml(
        cases,
        "YAML: unknown provider field in snake case",
        provider("    base_url: https://x.example\n"),
        "providers.yaml:5 provider 'Gateway' field 'base_url': unknown field (did you mean 'baseUrl'?)");
    yaml(
        cases,
        "YAML: unknown provider field, nothing close",
        provider("    region: eu\n"),
        "providers.yaml:5 provider 'Gateway' field 'region': unknown field; a provider has name, providerType");
    yaml(
        cases,
        "YAML: unknown model field, suggested",
        provider("        supportStreaming: true\n"),
        "providers.yaml:7 provider 'Gateway' field 'models[0].supportStreaming': unknown field (did you mean"
            + " 'supportsStreaming'?); a model has id, name, maxTokens, supportsStreaming");
    yaml(
        cases,
        "YAML: timeout not a number",
        provider("    timeout: abc\n"),
        "providers.yaml:5 provider 'Gateway' field 'timeout': must be an integer number of milliseconds from"
            + " 1000 to 300000, got 'abc'");
    yaml(
        cases,
        "YAML: timeout quoted",
        provider("    timeout: \"30000\"\n"),
        "providers.yaml:5 provider 'Gateway' field 'timeout': must be an integer",
        "got '30000'");
    yaml(
        cases,
        "YAML: timeout fractional",
        provider("    timeout: 1500.5\n"),
        "field 'timeout': must be an integer number of milliseconds from 1000 to 300000, got 1500.5");
    yaml(
        cases,
        "YAML: supportsStreaming not a boolean",
        provider("        supportsStreaming: maybe\n"),
        "providers.yaml:7 provider 'Gateway' field 'models[0].supportsStreaming': must be true or false, got 'maybe'");
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
        "providers.yaml:8 provider 'Gateway' field 'models[0].maxTokens': must be an integer from 1 to"
            + " 2000000, got 2000001");
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
        "providers.yaml:2 provider #1 field 'name': must be a string, got [\"Gateway\"] (array)");
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
        "providers.yaml:5 provider 'Gateway' field 'models': must be a list of 1 to 50 models, got 'model-a'");
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
        "providers.yaml:7 provider 'Gateway' field 'models[1].id': must be unique among the provider's models");
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
        "providers.yaml:3 provider 'Gateway' field 'baseUrl': appears twice (lines 3 and 5); remove one");
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
        "providers.yaml:6 provider 'gateway' field 'name': is already used by the provider at"
            + " providers.yaml:2 ('Gateway')");
    cases.add(
        row(
            "POM and file: the same name",
            pom(pomProvider("Gateway")),
            file("providers.yaml", provider("")),
            "providers.yaml:2 provider 'Gateway' field 'name': is also configured in the POM (provider #1 'Gateway');"
                + " configure each provider in one place only: remove it from the POM or from providers.yaml"));
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
        "providers.yaml:2 provider 'Gateway': no API key source: set apiKeyEnv (an environment variable),"
            + " apiKeyServerId (a settings.xml server) or apiKey");
    yaml(
        cases,
        "YAML: two key sources",
        provider("    apiKey: sk-literal-key-0003\n"),
        "providers.yaml:2 provider 'Gateway': several API key sources (apiKey, apiKeyEnv): keep exactly one");
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
        "providers.yaml:4 provider 'Gateway' field 'apiKey': must be a string of 1 to 4096 characters");
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
        "providers.yaml:4 provider 'Gateway' field 'apiKey': placeholder '${env.NO_SUCH_KEY}' cannot be"
            + " resolved: environment variable NO_SUCH_KEY is not set");
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
        "providers.yaml:3 provider 'Gateway' field 'baseUrl': placeholder '${no.such.host}' cannot be"
            + " resolved: no property 'no.such.host'; define it in the POM's <properties> or pass -Dno.such.host=...");
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
        "providers.yaml:3 provider 'Gateway' field 'baseUrl': has a '${' without a closing '}'; write '$${'"
            + " for a literal '${'");
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
        "providers.yaml:3 provider 'Gateway' field 'baseUrl': must be an absolute https URL, got '****'");
    yaml(
        cases,
        "YAML: apiKeyEnv names an unset variable",
        provider("").replace("MODEL_KEY", "UNSET_KEY"),
        "providers.yaml:4 provider 'Gateway' field 'apiKeyEnv': environment variable UNSET_KEY is not set");
    yaml(
        cases,
        "YAML: apiKeyServerId names no server",
        provider("").replace("apiKeyEnv: MODEL_KEY", "apiKeyServerId: nowhere"),
        "providers.yaml:4 provider 'Gateway' field 'apiKeyServerId': settings.xml"
            + " has no server 'nowhere'");
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
            "providers.json:6 provider 'Gateway' field 'apikey': unknown field (did you mean 'apiKey'?)",
            "providers.json:7 provider 'Gateway' field 'models[0].maxTokens': must be an integer from 1 to 2000000,"
                + " got '8192'",
            "providers.json:3 provider 'Gateway': no API key source"));
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
      List<Arguments> cases, String name, Consumer<ProviderConfig> change, String... expected) {
    ProviderConfig provider = pomProvider("Gateway");
    change.accept(provider);
    cases.add(row(name, pom(provider), null, expected));
  }

  private static void yaml(List<Arguments> cases, String name, String content, String... expected) {
    cases.add(row(name, List.of(), file("providers.yaml", content), expected));
  }

  private static Arguments row(
      String name, List<ProviderConfig> pom, FileMaker file, String... expected) {
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
