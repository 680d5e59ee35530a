package io.github.genesysllm.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.provider.ProviderRules;
import io.github.genesysllm.provider.WhiteSpace;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.suggest.NameSuggestion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the providers the build wants, from the POM's {@code <providers>} and from the {@code
 * configFile}, checks them against the contract ({@link ProviderRules}) and against each other, and
 * resolves their API keys. It reports every problem of every provider at once, and returns nothing
 * unless all is well.
 *
 * <p>The file is YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}): an object whose only
 * field is {@code providers}, a list of providers with the POM's fields plus {@code apiKey}. Its
 * string values may hold placeholders (see {@link Placeholders} and {@link ConfiguredValues}). POM
 * values are not resolved again, as Maven did: a placeholder it left is refused.
 */
public final class ConfigurationLoader {

  static final String API_KEY = "apiKey";
  static final String API_KEY_ENV = "apiKeyEnv";
  static final String API_KEY_SERVER_ID = "apiKeyServerId";
  static final List<String> PROVIDER_FIELDS =
      List.of(
          "name",
          "providerType",
          "baseUrl",
          API_KEY,
          API_KEY_ENV,
          API_KEY_SERVER_ID,
          "apiVersion",
          "timeout",
          "models");
  static final List<String> MODEL_FIELDS = List.of("id", "name", "maxTokens", "supportsStreaming");
  private static final String PROVIDERS = "providers";

  /**
   * Shorter values are not redacted from messages: that would garble them, and no real key is that
   * short.
   */
  private static final int MIN_REDACTED = 4;

  /**
   * How much of a key's start must show for the text to be masked: messages cut values at 76
   * characters.
   */
  private static final int REDACTION_HEAD = 12;

  private final Function<String, String> env;
  private final ConfiguredValues values;
  private final ServerSecrets servers;

  /**
   * @param env the environment ({@code System::getenv} in a build)
   * @param properties the project's and the system's properties, for {@code ${name}} placeholders
   * @param servers the {@code settings.xml} servers, for {@code apiKeyServerId}
   */
  public ConfigurationLoader(
      Function<String, String> env, Properties properties, ServerSecrets servers) {
    this.env = env;
    this.values = new ConfiguredValues(new Placeholders(env, properties));
    this.servers = servers;
  }

  /**
   * The providers the build wants, the POM's first and then the file's, each in the order
   * configured.
   *
   * @param pomProviders the POM's {@code <providers>}; null or empty when it has none
   * @param configFile the YAML or JSON file, or null when there is none
   * @throws ConfigurationException listing every problem found, when there is any
   */
  public List<DesiredProvider> load(List<ProviderConfig> pomProviders, Path configFile)
      throws ConfigurationException {
    List<String> problems = new ArrayList<>();
    List<ProviderEntry> entries = new ArrayList<>();
    List<ProviderConfig> pom = pomProviders == null ? List.of() : pomProviders;
    for (int i = 0; i < pom.size(); i++) {
      entries.add(ProviderEntry.fromPom(i + 1, pom.get(i)));
    }
    if (configFile != null) {
      try {
        entries.addAll(fileEntries(configFile, problems));
      } catch (ConfigurationException e) {
        problems.addAll(e.problems());
      }
    }
    List<String> secrets = new ArrayList<>();
    List<DesiredProvider> providers = new ArrayList<>();
    for (ProviderEntry entry : entries) {
      check(entry, problems, secrets).ifPresent(providers::add);
    }
    checkNamesUnique(entries, problems);
    if (entries.isEmpty() && problems.isEmpty()) {
      problems.add(
          "no providers are configured: add <providers><provider>...</provider></providers> to the"
              + " plugin's <configuration> in the POM, or point configFile (-Dgenesys.configFile) at a YAML"
              + " or JSON file with a 'providers' list");
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(redacted(problems, secrets));
    }
    return providers;
  }

  // ---- the file

  private List<ProviderEntry> fileEntries(Path file, List<String> problems)
      throws ConfigurationException {
    LocatedTree tree = ConfigFileReader.read(file);
    String name = ConfigFileReader.displayName(file);
    JsonNode root = tree.root();
    if (root == null) {
      throw new ConfigurationException(
          name
              + ": the file is empty: give it a 'providers' list, or leave"
              + " configFile (-Dgenesys.configFile) unset");
    }
    if (!root.isObject()) {
      throw new ConfigurationException(
          name
              + ":1: the file must hold an object with a 'providers' list, got "
              + kind(root)
              + "; start it with 'providers:' (YAML) or {\"providers\": [...]} (JSON)");
    }
    List<ProviderEntry> entries = new ArrayList<>();
    JsonNode list = root.get(PROVIDERS);
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!PROVIDERS.equals(field)) {
        problems.add(
            name
                + ":"
                + tree.positionOf(LocatedTree.child("", field)).line()
                + ": unknown top-level field '"
                + ProviderEntry.shorten(field)
                + "'"
                + NameSuggestion.didYouMean(field, List.of(PROVIDERS))
                + "; the file holds only a '"
                + PROVIDERS
                + "' list");
      }
    }
    if (list == null) {
      problems.add(
          name
              + ":1: the file has no '"
              + PROVIDERS
              + "' list: put the providers under '"
              + PROVIDERS
              + ":'");
    } else if (!list.isArray()) {
      problems.add(
          name
              + ":"
              + tree.positionOf("/" + PROVIDERS).line()
              + ": '"
              + PROVIDERS
              + "' must be a list of providers, got "
              + kind(list));
    } else {
      for (int i = 0; i < list.size(); i++) {
        JsonNode provider = list.get(i);
        if (provider.isObject()) {
          entries.add(ProviderEntry.fromFile(tree, name, i, (ObjectNode) provider));
        } else {
          problems.add(
              name
                  + ":"
                  + tree.positionOf(LocatedTree.child("/" + PROVIDERS, i)).line()
                  + " provider #"
                  + (i + 1)
                  + ": must be an object with name, baseUrl, models and an API"
                  + " key source, got "
                  + kind(provider));
        }
      }
    }
    for (LocatedTree.Finding finding : tree.findings()) {
      problems.add(findingProblem(tree, name, finding, entries));
    }
    return entries;
  }

  /** A duplicate key, attributed to its provider when it is in one. */
  private static String findingProblem(
      LocatedTree tree, String fileName, LocatedTree.Finding finding, List<ProviderEntry> entries) {
    List<String> segments = new ArrayList<>();
    for (String segment : finding.pointer().substring(1).split("/", -1)) {
      segments.add(segment.replace("~1", "/").replace("~0", "~"));
    }
    if (segments.size() > 2
        && segments.get(0).equals(PROVIDERS)
        && segments.get(1).matches("\\d{1,9}")) {
      int number = Integer.parseInt(segments.get(1)) + 1;
      for (ProviderEntry entry : entries) {
        if (entry.number() == number) {
          String field = ProviderEntry.toField(segments.subList(2, segments.size()));
          entry.markReported(field);
          return entry.problem(field, finding.message());
        }
      }
    }
    return fileName
        + ":"
        + tree.positionOf(finding.pointer()).line()
        + ": field '"
        + ProviderEntry.shorten(ProviderEntry.toField(segments))
        + "' "
        + finding.message();
  }

  private static void reportUnknownFields(ProviderEntry entry, List<String> problems) {
    for (String name : fieldNames(entry.node())) {
      if (!PROVIDER_FIELDS.contains(name)) {
        problems.add(
            entry.problem(
                name,
                "unknown field"
                    + NameSuggestion.didYouMean(name, PROVIDER_FIELDS)
                    + "; a provider has "
                    + String.join(", ", PROVIDER_FIELDS)));
      }
    }
    JsonNode models = entry.node().path("models");
    for (int i = 0; i < models.size(); i++) {
      JsonNode model = models.get(i);
      if (model.isObject()) {
        for (String name : fieldNames((ObjectNode) model)) {
          if (!MODEL_FIELDS.contains(name)) {
            problems.add(
                entry.problem(
                    "models[" + i + "]." + name,
                    "unknown field"
                        + NameSuggestion.didYouMean(name, MODEL_FIELDS)
                        + "; a model has "
                        + String.join(", ", MODEL_FIELDS)));
          }
        }
      }
    }
  }

  // ---- one provider

  private Optional<DesiredProvider> check(
      ProviderEntry entry, List<String> problems, List<String> secrets) {
    int before = problems.size();
    Set<String> failed = new HashSet<>(entry.reported());
    values.check(entry, failed, problems);
    if (entry.fromFile()) {
      reportUnknownFields(entry, problems);
    }
    ObjectNode body = entry.node().deepCopy();
    if (isMissing(body.get("providerType"))) {
      body.put("providerType", ProviderRules.TYPE_CUSTOM);
    }
    JsonNode fileKey = body.get(API_KEY);
    if (fileKey != null && fileKey.isTextual() && !failed.contains(API_KEY)) {
      secrets.add(fileKey.asText());
    }
    List<String> sources = new ArrayList<>();
    for (String source : List.of(API_KEY, API_KEY_ENV, API_KEY_SERVER_ID)) {
      if (!isMissing(body.get(source))) {
        sources.add(source);
      }
    }
    KeyLookup lookup = null;
    if (sources.isEmpty()) {
      problems.add(
          entry.problem(
              null,
              entry.fromFile()
                  ? "no API key source: set apiKeyEnv (an environment variable), apiKeyServerId (a settings.xml"
                      + " server) or apiKey (for example apiKey: ${env.MY_MODEL_KEY})"
                  : "no API key source: set apiKeyEnv (an environment variable) or apiKeyServerId (a"
                      + " settings.xml server); a POM holds no key itself"));
    } else if (sources.size() > 1) {
      problems.add(
          entry.problem(
              null,
              "several API key sources ("
                  + String.join(", ", sources)
                  + "): keep exactly one of apiKeyEnv, apiKeyServerId and apiKey"));
    } else if (sources.get(0).equals(API_KEY_ENV)) {
      lookup = keyFromEnvironment(entry, body.get(API_KEY_ENV), problems);
    } else if (sources.get(0).equals(API_KEY_SERVER_ID)) {
      lookup = keyFromServer(entry, body.get(API_KEY_SERVER_ID), problems);
    }
    if (lookup != null) {
      secrets.add(lookup.key());
      body.put(API_KEY, lookup.key());
    }
    for (FieldViolation violation :
        ProviderRules.validate(body, ProviderRules.Operation.CONFIGURATION)) {
      if (failed.contains(violation.field())) {
        continue; // its placeholder, or how it was written, is already reported
      }
      if (lookup != null && violation.field().equals(API_KEY)) {
        // the user wrote apiKeyEnv or apiKeyServerId, not apiKey: point there
        problems.add(
            entry.problem(sources.get(0), lookup.description() + " " + violation.message()));
      } else {
        problems.add(entry.problem(violation.field(), violation.message()));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new DesiredProvider(
            ProviderJson.settingsOf(body), Secret.of(body.get(API_KEY).asText()), entry.origin()));
  }

  /**
   * An API key read from elsewhere, and a description of where for messages ("the API key in ...").
   */
  private record KeyLookup(String key, String description) {}

  private KeyLookup keyFromEnvironment(
      ProviderEntry entry, JsonNode nameNode, List<String> problems) {
    if (!nameNode.isTextual() || WhiteSpace.isBlank(nameNode.asText())) {
      problems.add(
          entry.problem(
              API_KEY_ENV,
              "must be the name of the environment variable that holds the"
                  + " API key, got "
                  + kind(nameNode)));
      return null;
    }
    String variable = nameNode.asText();
    String key = env.apply(variable);
    if (key == null || key.isEmpty()) {
      problems.add(
          entry.problem(
              API_KEY_ENV,
              "environment variable "
                  + variable
                  + (key == null ? " is not set" : " is empty")
                  + ": set it to the provider's API key in the"
                  + " build's environment (a CI secret, for example)"));
      return null;
    }
    return new KeyLookup(key, "the API key in environment variable " + variable);
  }

  private KeyLookup keyFromServer(ProviderEntry entry, JsonNode idNode, List<String> problems) {
    if (!idNode.isTextual() || WhiteSpace.isBlank(idNode.asText())) {
      problems.add(
          entry.problem(
              API_KEY_SERVER_ID,
              "must be the id of the settings.xml server whose password"
                  + " is the API key, got "
                  + kind(idNode)));
      return null;
    }
    String id = idNode.asText();
    Optional<ServerCredentials> server;
    try {
      server = servers.find(id);
    } catch (ConfigurationException e) {
      e.problems().forEach(p -> problems.add(entry.problem(API_KEY_SERVER_ID, p)));
      return null;
    }
    if (server.isEmpty()) {
      problems.add(
          entry.problem(
              API_KEY_SERVER_ID,
              "settings.xml has no server '"
                  + id
                  + "': add <server><id>"
                  + id
                  + "</id><password>the provider's API key</password></server> to <servers> in"
                  + " ~/.m2/settings.xml (encrypt the key with mvn --encrypt-password, or mvnenc encrypt in"
                  + " Maven 4)"));
      return null;
    }
    if (server.get().password() == null || server.get().password().isEmpty()) {
      problems.add(
          entry.problem(
              API_KEY_SERVER_ID,
              "settings.xml server '"
                  + id
                  + "' has no password: put"
                  + " the provider's API key in its <password>"));
      return null;
    }
    return new KeyLookup(
        server.get().password().reveal(), "the API key in settings.xml server '" + id + "'");
  }

  // ---- across providers

  /**
   * Genesys Cloud compares names case-insensitively, so "Gateway" and "gateway" would collide
   * there; the plugin matches names by its own rule ({@link ProviderName}), which decides here too.
   */
  private static void checkNamesUnique(List<ProviderEntry> entries, List<String> problems) {
    Map<String, ProviderEntry> seen = new HashMap<>();
    for (ProviderEntry entry : entries) {
      String name = entry.name();
      if (name == null) {
        continue;
      }
      ProviderEntry first = seen.putIfAbsent(ProviderName.key(name), entry);
      if (first == null) {
        continue;
      }
      if (first.fromFile() == entry.fromFile()) {
        String other =
            first.fromFile()
                ? "the provider at "
                    + first.origin()
                    + " ('"
                    + ProviderEntry.shorten(first.name())
                    + "')"
                : first.origin();
        problems.add(
            entry.problem(
                "name",
                "is already used by "
                    + other
                    + " (names are compared ignoring case and Unicode compatibility forms, and are"
                    + " unique in Genesys Cloud): rename or remove one"));
      } else {
        problems.add(
            entry.problem(
                "name",
                "is also configured in "
                    + first.origin()
                    + "; configure each"
                    + " provider in one place only: remove it from the POM or from "
                    + entry.fileName()));
      }
    }
  }

  // ---- helpers

  private static List<String> fieldNames(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static boolean isMissing(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** What a value is, without showing it: values may be keys. */
  private static String kind(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return node.asText().isBlank() ? "an empty value" : "a string";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * A key that reached a message through another field (a placeholder, say) must not show there,
   * not even cut short as messages cut long values: every run of text that starts like a key and
   * goes on as it does is masked.
   */
  static List<String> redacted(List<String> problems, List<String> secrets) {
    List<String> out = new ArrayList<>(problems.size());
    for (String problem : problems) {
      for (String key : secrets) {
        if (key.length() >= MIN_REDACTED) {
          problem = masked(problem, key);
        }
      }
      out.add(problem);
    }
    return out;
  }

  private static String masked(String text, String key) {
    String head = key.substring(0, Math.min(key.length(), REDACTION_HEAD));
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    for (int at = text.indexOf(head); at >= 0; at = text.indexOf(head, from)) {
      int end = at + head.length();
      while (end < text.length()
          && end - at < key.length()
          && text.charAt(end) == key.charAt(end - at)) {
        end++;
      }
      out.append(text, from, at).append("****");
      from = end;
    }
    return out.append(text.substring(from)).toString();
  }
}
