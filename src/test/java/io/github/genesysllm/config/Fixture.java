package io.github.genesysllm.config;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The environment, properties and server credentials the loader tests run against: never the real
 * ones.
 */
final class Fixture {

  /** Every secret value the fixture holds: none may appear in any message. */
  static final List<String> SECRETS =
      List.of("sk-model-key-0001", "sk-server-key-0002", "sk-literal-key-0003", "x".repeat(4097));

  static final Map<String, String> ENV =
      Map.of(
          "MODEL_KEY", "sk-model-key-0001",
          "EMPTY_KEY", "",
          "LONG_KEY", "x".repeat(4097),
          "API_PATH", "v2",
          "STREAMING", "true");

  static final Properties PROPERTIES = new Properties();

  static {
    PROPERTIES.setProperty("model.host", "models.example.internal");
    PROPERTIES.setProperty("timeout.ms", "45000");
  }

  /** Servers: "model-key" holds a key, "no-password" none, "broken" cannot be decrypted. */
  static final ServerSecrets SERVERS =
      id -> {
        switch (id) {
          case "model-key":
            return Optional.of(new ServerCredentials(null, Secret.of("sk-server-key-0002")));
          case "no-password":
            return Optional.of(new ServerCredentials("someone", null));
          case "broken":
            throw new ConfigurationException(
                Problem.at(
                    new Place.ServerEntry("broken"),
                    "its password cannot be decrypted (BadPaddingException).",
                    Fix.of(ConfigHint.DECRYPT_SERVER_PASSWORD, "Check the master password")));
          default:
            return Optional.empty();
        }
      };

  private Fixture() {}

  static ConfigurationLoader loader() {
    return new ConfigurationLoader(new HashMap<>(ENV)::get, PROPERTIES, SERVERS);
  }

  /** A POM provider that passes every rule; tests change one thing. */
  static ProviderConfig pomProvider(String name) {
    ProviderConfig provider = new ProviderConfig();
    provider.setName(name);
    provider.setBaseUrl("https://inference.example.internal/api/v1");
    provider.setApiKeyEnv("MODEL_KEY");
    provider.setModels(new ArrayList<>(List.of(model("model-a"))));
    return provider;
  }

  static ModelConfig model(String id) {
    ModelConfig model = new ModelConfig();
    model.setId(id);
    model.setName("Model " + id);
    model.setMaxTokens(8192);
    return model;
  }

  static List<ProviderConfig> pom(ProviderConfig... providers) {
    return Arrays.asList(providers);
  }
}
