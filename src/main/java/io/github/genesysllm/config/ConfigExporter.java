package io.github.genesysllm.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an organization's providers as a configuration file that {@link ConfigurationLoader} reads
 * back as {@code configFile} into the same settings: YAML ({@link YamlText}) for {@code .yaml} and
 * {@code .yml}, JSON ({@link JsonText}) for {@code .json} (any case), the same choice the loader
 * makes.
 *
 * <p>Every writable field is written, defaults included. Genesys Cloud never returns API keys, so
 * each provider's {@code apiKey} is the placeholder {@code ${env.<NAME>_API_KEY}} ({@link
 * ApiKeyVariables}). A {@code ${} in a value is written {@code $${}, the loader's escape, so that it
 * is not taken for a placeholder. A YAML file starts with a comment naming the organization, the
 * time of the export and the variables to set; JSON has no comments, so the caller logs them from
 * the {@link ExportResult}.
 */
public final class ConfigExporter {

  private final Clock clock;
  private final Wording wording;

  /**
   * An exporter that dates its files by {@code clock}.
   *
   * @param wording how the build tool names the setting that reads the file back, in the YAML
   *     header
   */
  public ConfigExporter(Clock clock, Wording wording) {
    this.clock = clock;
    this.wording = wording;
  }

  /**
   * Writes {@code providers}, in their order, to {@code file}: whole or not at all (a temporary
   * file beside it, then a rename), creating its parent directories.
   *
   * @param providers the organization's providers, as the target reads them back
   * @param overwrite whether an existing {@code file} may be replaced
   * @param organizationName the organization's name, for the YAML header; not null
   * @throws ConfigurationException when the file's extension is neither YAML's nor JSON's, when it
   *     exists and {@code overwrite} is false, when there is no provider, when two providers have
   *     the same name by the name rule ({@link ProviderName}), or when it cannot be written
   */
  public ExportResult export(
      List<ExportedProvider> providers, Path file, boolean overwrite, String organizationName)
      throws ConfigurationException {
    Objects.requireNonNull(organizationName, "organizationName");
    ConfigFormat format = ExportFile.check(file, overwrite);
    if (providers.isEmpty()) {
      throw new ConfigurationException(
          Problem.at(
              new Place.OfSetting(Setting.EXPORT_FILE),
              "organization '"
                  + organizationName
                  + "' has no LLM providers, so "
                  + file
                  + " was not written: a configuration without providers cannot be loaded",
              Fix.of(
                  ConfigHint.EXPORT_ANOTHER_ORGANIZATION,
                  "export an organization that has providers")));
    }
    List<Problem> sameNames = sameNames(providers);
    if (!sameNames.isEmpty()) {
      throw new ConfigurationException(
          "organization '"
              + organizationName
              + "' has providers whose names are the same by the plugin's name rule (case and"
              + " Unicode compatibility forms ignored), so register would refuse the file; "
              + file
              + " was not written:",
          sameNames);
    }
    List<String> variables =
        ApiKeyVariables.of(providers.stream().map(ExportedProvider::name).toList());
    JsonNode tree = fileTree(providers, variables);
    byte[] bytes =
        format == ConfigFormat.YAML
            ? (yamlHeader(providers, variables, organizationName) + YamlText.of(tree))
                .getBytes(StandardCharsets.UTF_8)
            : json(tree);
    ExportFile.write(file, bytes, overwrite);
    List<ExportResult.ApiKeyVariable> result = new ArrayList<>();
    for (int i = 0; i < providers.size(); i++) {
      result.add(new ExportResult.ApiKeyVariable(providers.get(i).name(), variables.get(i)));
    }
    return new ExportResult(file, result);
  }

  /**
   * Checks, before anything is asked of Genesys Cloud, that {@code file} can be the target: a YAML
   * or JSON name, not a directory, not under a file, and absent unless {@code overwrite}.
   *
   * @throws ConfigurationException at the setting, saying what to change
   */
  public static void checkTarget(Path file, boolean overwrite) throws ConfigurationException {
    ExportFile.check(file, overwrite);
  }

  /** One problem per provider whose name an earlier one already has by the name rule. */
  private static List<Problem> sameNames(List<ExportedProvider> providers) {
    Map<String, ExportedProvider> seen = new HashMap<>();
    List<Problem> out = new ArrayList<>();
    for (ExportedProvider provider : providers) {
      ExportedProvider first = seen.putIfAbsent(ProviderName.key(provider.name()), provider);
      if (first != null) {
        out.add(
            Problem.at(
                Place.NOWHERE,
                "'"
                    + first.name()
                    + "' (id "
                    + first.id()
                    + ") and '"
                    + provider.name()
                    + "' (id "
                    + provider.id()
                    + "):",
                Fix.of(
                    ConfigHint.RENAME_IN_ORGANIZATION,
                    "rename one of them in Genesys Cloud, then export again")));
      }
    }
    return out;
  }

  /**
   * {@code {"providers": [...]}} with the contract's field order, the key placeholder after
   * baseUrl.
   */
  private static JsonNode fileTree(List<ExportedProvider> providers, List<String> variables) {
    ObjectNode root = ProviderJson.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("providers");
    for (int i = 0; i < providers.size(); i++) {
      ObjectNode entry = list.addObject();
      for (Map.Entry<String, JsonNode> field :
          ProviderJson.settingsToJson(providers.get(i).settings()).properties()) {
        entry.set(field.getKey(), escaped(field.getValue()));
        if (field.getKey().equals("baseUrl")) {
          entry.put(ProviderEntry.API_KEY, "${env." + variables.get(i) + "}");
        }
      }
    }
    return root;
  }

  /** A copy of {@code node} whose strings read back as themselves, not as placeholders. */
  private static JsonNode escaped(JsonNode node) {
    if (node.isTextual()) {
      // a URL's password, should the server hold one, is not written to the file
      String text = SafeText.maskUserInfo(node.asText());
      return ProviderJson.MAPPER.getNodeFactory().textNode(text.replace("${", "$${"));
    }
    if (node.isContainerNode()) {
      JsonNode copy = node.deepCopy();
      if (copy.isObject()) {
        ObjectNode object = (ObjectNode) copy;
        object.properties().forEach(field -> field.setValue(escaped(field.getValue())));
      } else {
        ArrayNode array = (ArrayNode) copy;
        for (int i = 0; i < array.size(); i++) {
          array.set(i, escaped(array.get(i)));
        }
      }
      return copy;
    }
    return node;
  }

  private String yamlHeader(
      List<ExportedProvider> providers, List<String> variables, String organizationName) {
    StringBuilder out =
        new StringBuilder()
            .append("# Genesys Cloud LLM providers of organization ")
            .append(YamlText.quoted(organizationName))
            .append(", exported ")
            .append(clock.instant().truncatedTo(ChronoUnit.SECONDS))
            .append("\n# by genesys-llm-maven-plugin. Use it as ")
            .append(wording.setting(Setting.CONFIG_FILE))
            .append(".\n")
            .append("#\n")
            .append(
                "# Genesys Cloud never returns API keys: before using this file, set each provider's\n")
            .append("# key in the environment variable that its apiKey names:\n");
    int width = variables.stream().mapToInt(String::length).max().orElse(0);
    for (int i = 0; i < providers.size(); i++) {
      String variable = variables.get(i);
      out.append("#   ")
          .append(variable)
          .append(" ".repeat(width - variable.length()))
          .append("  for ")
          .append(YamlText.quoted(providers.get(i).name()))
          .append('\n');
    }
    return out.append('\n').toString();
  }

  private static byte[] json(JsonNode tree) {
    try {
      return JsonText.of(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings, numbers and booleans is JSON", e);
    }
  }
}
