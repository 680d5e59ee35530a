package io.github.genesysllm.config;

import static io.github.genesysllm.config.JsonValues.fieldNames;
import static io.github.genesysllm.config.JsonValues.isMissing;
import static io.github.genesysllm.config.ProviderEntry.API_KEY;
import static io.github.genesysllm.config.ProviderEntry.API_KEY_ENV;
import static io.github.genesysllm.config.ProviderEntry.API_KEY_SERVER_ID;
import static io.github.genesysllm.config.ProviderEntry.MODEL_FIELDS;
import static io.github.genesysllm.config.ProviderEntry.PROVIDER_FIELDS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderRules;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.suggest.NameSuggestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one configured provider: its values (placeholders), its fields, its one source of API key,
 * and the contract's rules ({@link ProviderRules}); each problem once, at its field.
 */
final class ProviderCheck {

  private final ConfiguredValues values;
  private final ApiKeySources keys;

  ProviderCheck(ConfiguredValues values, ApiKeySources keys) {
    this.values = values;
    this.keys = keys;
  }

  /**
   * The provider {@code entry} configures, or empty when it has a problem, added to {@code
   * problems}; every key it reads or holds is added to {@code secrets}, for the problems to mask.
   */
  Optional<DesiredProvider> check(
      ProviderEntry entry, List<Problem> problems, List<String> secrets) {
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
    ApiKeySources.KeyLookup lookup = null;
    if (sources.isEmpty()) {
      problems.add(entry.problem(null, "no API key source:", noKeySourceFix(entry)));
    } else if (sources.size() > 1) {
      problems.add(
          entry.problem(
              null,
              "several API key sources (" + String.join(", ", sources) + ")",
              Fix.of(
                  ConfigHint.KEEP_ONE_KEY_SOURCE,
                  "keep exactly one of apiKeyEnv, apiKeyServerId and apiKey")));
    } else if (sources.get(0).equals(API_KEY_ENV)) {
      lookup = keys.fromEnvironment(entry, body.get(API_KEY_ENV), problems);
    } else if (sources.get(0).equals(API_KEY_SERVER_ID)) {
      lookup = keys.fromServer(entry, body.get(API_KEY_SERVER_ID), problems);
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
      Fix fix = Fix.of(ConfigHint.FOLLOW_FIELD_RULE);
      if (lookup != null && violation.field().equals(API_KEY)) {
        // the user wrote apiKeyEnv or apiKeyServerId, not apiKey: point there
        problems.add(
            entry.problem(sources.get(0), lookup.description() + " " + violation.message(), fix));
      } else {
        problems.add(entry.problem(violation.field(), violation.message(), fix));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new DesiredProvider(
            ProviderJson.settingsOf(body), Secret.of(body.get(API_KEY).asText()), entry.origin()));
  }

  /** A file may hold the key itself, as a placeholder best; the build file never does. */
  private static Fix noKeySourceFix(ProviderEntry entry) {
    return entry.fromFile()
        ? Fix.of(
            ConfigHint.GIVE_KEY_SOURCE,
            "set apiKeyEnv (an environment variable), apiKeyServerId (server credentials) or apiKey"
                + " (for example apiKey: ${env.MY_MODEL_KEY})")
        : Fix.of(
            ConfigHint.GIVE_KEY_SOURCE,
            "set apiKeyEnv (an environment variable) or apiKeyServerId (server credentials); the"
                + " build file holds no key itself");
  }

  private static void reportUnknownFields(ProviderEntry entry, List<Problem> problems) {
    for (String name : fieldNames(entry.node())) {
      if (!PROVIDER_FIELDS.contains(name)) {
        problems.add(unknownField(entry, name, name, PROVIDER_FIELDS, "a provider"));
      }
    }
    JsonNode models = entry.node().path("models");
    for (int i = 0; i < models.size(); i++) {
      JsonNode model = models.get(i);
      if (model.isObject()) {
        for (String name : fieldNames((ObjectNode) model)) {
          if (!MODEL_FIELDS.contains(name)) {
            problems.add(
                unknownField(entry, "models[" + i + "]." + name, name, MODEL_FIELDS, "a model"));
          }
        }
      }
    }
  }

  private static Problem unknownField(
      ProviderEntry entry, String path, String name, List<String> known, String holder) {
    return entry.problem(
        path,
        "unknown field" + NameSuggestion.didYouMean(name, known),
        Fix.of(ConfigHint.REMOVE_UNKNOWN_FIELD, holder + " has " + String.join(", ", known)));
  }
}
