package io.github.genesysllm.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.files.AtomicFile;
import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an organization's providers as a configuration file that {@link ConfigurationLoader} reads
 * back as {@code configFile} into the same settings: YAML for {@code .yaml} and {@code .yml}, JSON for
 * {@code .json} (any case), the same choice the loader makes.
 *
 * <p>Every writable field is written, defaults included. Genesys Cloud never returns API keys, so each
 * provider's {@code apiKey} is the placeholder {@code ${env.<NAME>_API_KEY}}, where {@code NAME} is the
 * provider's {@link ProviderSlug} in upper case with {@code _} for {@code -}: "Private Foundation Model
 * Gateway" gives {@code PRIVATE_FOUNDATION_MODEL_GATEWAY_API_KEY}. A slug that is empty (a name without
 * any letter or digit a-z 0-9) gives {@code PROVIDER}, and one that starts with a digit is prefixed with
 * {@code PROVIDER_}, as shells refuse such variable names. When two providers would get the same
 * variable, the later one gets the first free {@code <NAME>_2_API_KEY}, {@code <NAME>_3_API_KEY}, ...
 * that no other provider's own name gives.
 *
 * <p>A {@code ${} in a value is written {@code $${}, the loader's escape, so that it is not taken for a
 * placeholder. A YAML file starts with a comment naming the organization, the time of the export and
 * the variables to set; JSON has no comments, so the caller logs them from the {@link ExportResult}.
 */
public final class ConfigExporter {

  private static final String PARAMETER = "exportFile (-Dgenesys.exportFile)";
  private static final String KEY_SUFFIX = "_API_KEY";
  private static final String FALLBACK_NAME = "PROVIDER";

  /**
   * A string YAML reads back as the same string when written bare: no indicator, no number, no
   * boolean.
   */
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}$][\\p{L}\\p{N} ._/:()+,${}-]*");

  /** Plain words that YAML 1.1 (SnakeYAML, Jackson) reads as booleans or null. */
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

  private final Clock clock;

  /** An exporter that dates its files by the system clock. */
  public ConfigExporter() {
    this(Clock.systemUTC());
  }

  /** An exporter that dates its files by {@code clock}. */
  public ConfigExporter(Clock clock) {
    this.clock = clock;
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
    checkTarget(file, overwrite);
    ConfigFormat format = ConfigFormat.of(file, PARAMETER);
    if (providers.isEmpty()) {
      throw new ConfigurationException(
          "organization '"
              + organizationName
              + "' has no LLM providers, so "
              + file
              + " was not written: a configuration without providers cannot be loaded");
    }
    List<String> sameNames = sameNames(providers);
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
        apiKeyVariables(providers.stream().map(ExportedProvider::name).toList());
    JsonNode tree = fileTree(providers, variables);
    String text =
        format == ConfigFormat.YAML
            ? yamlHeader(providers, variables, organizationName) + yaml(tree)
            : json(tree, 0) + "\n";
    write(file, text, overwrite);
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
   * @throws ConfigurationException naming the parameter and what to change
   */
  public static void checkTarget(Path file, boolean overwrite) throws ConfigurationException {
    ConfigFormat.of(file, PARAMETER);
    if (Files.isDirectory(file)) {
      throw new ConfigurationException(
          PARAMETER + " '" + file + "' is a directory: point it at a .yaml, .yml or .json file");
    }
    if (!overwrite && Files.exists(file)) {
      throw exists(file);
    }
    for (Path parent = file.toAbsolutePath().getParent();
        parent != null;
        parent = parent.getParent()) {
      if (Files.exists(parent) && !Files.isDirectory(parent)) {
        throw notADirectory(file, parent);
      }
    }
  }

  /** One line per provider whose name an earlier one already has by the name rule. */
  private static List<String> sameNames(List<ExportedProvider> providers) {
    Map<String, ExportedProvider> seen = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (ExportedProvider provider : providers) {
      ExportedProvider first = seen.putIfAbsent(ProviderName.key(provider.name()), provider);
      if (first != null) {
        out.add(
            "'"
                + first.name()
                + "' (id "
                + first.id()
                + ") and '"
                + provider.name()
                + "' (id "
                + provider.id()
                + "): rename one of them in Genesys Cloud, then export again");
      }
    }
    return out;
  }

  private static ConfigurationException exists(Path file) {
    return new ConfigurationException(
        PARAMETER + " '" + file + "' exists; set genesys.overwrite=true to" + " replace it");
  }

  // ---- API key variables

  /** The environment variable of each provider, in order: see the class comment. */
  static List<String> apiKeyVariables(List<String> providerNames) {
    List<String> own = providerNames.stream().map(ConfigExporter::variableStem).toList();
    Set<String> ownStems = new HashSet<>(own);
    Set<String> taken = new HashSet<>();
    List<String> variables = new ArrayList<>();
    for (String stem : own) {
      String chosen = stem;
      int n = 1;
      while (!taken.add(chosen)) {
        do {
          n++;
          chosen = stem + "_" + n;
        } while (ownStems.contains(chosen)); // another provider's own name: leave it to that one
      }
      variables.add(chosen + KEY_SUFFIX);
    }
    return variables;
  }

  private static String variableStem(String providerName) {
    String stem = ProviderSlug.of(providerName).toUpperCase(Locale.ROOT).replace('-', '_');
    if (stem.isEmpty()) {
      return FALLBACK_NAME;
    }
    return Character.isDigit(stem.charAt(0)) ? FALLBACK_NAME + "_" + stem : stem;
  }

  // ---- the content

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
          entry.put(ConfigurationLoader.API_KEY, "${env." + variables.get(i) + "}");
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
            .append(quoted(organizationName))
            .append(", exported ")
            .append(clock.instant().truncatedTo(ChronoUnit.SECONDS))
            .append(
                "\n# by genesys-llm-maven-plugin. Use it as configFile (-Dgenesys.configFile).\n")
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
          .append(quoted(providers.get(i).name()))
          .append('\n');
    }
    return out.append('\n').toString();
  }

  /** Block-style YAML of {@code tree}. */
  private static String yaml(JsonNode tree) {
    StringBuilder out = new StringBuilder();
    yamlMembers(out, tree, 0, false);
    return out.toString();
  }

  /**
   * The members of {@code object} at {@code indent}; the first continues the line (after "- ") when
   * inline.
   */
  private static void yamlMembers(StringBuilder out, JsonNode object, int indent, boolean inline) {
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      if (!(first && inline)) {
        out.append(" ".repeat(indent));
      }
      first = false;
      out.append(member.getKey()).append(':');
      JsonNode value = member.getValue();
      if (value.isArray() && !value.isEmpty()) {
        out.append('\n');
        for (JsonNode item : value) {
          out.append(" ".repeat(indent + 2)).append("- ");
          if (item.isObject() && !item.isEmpty()) {
            yamlMembers(out, item, indent + 4, true);
          } else {
            out.append(yamlScalar(item)).append('\n');
          }
        }
      } else if (value.isObject() && !value.isEmpty()) {
        out.append('\n');
        yamlMembers(out, value, indent + 2, false);
      } else {
        out.append(' ').append(yamlScalar(value)).append('\n');
      }
    }
  }

  private static String yamlScalar(JsonNode value) {
    if (!value.isTextual()) {
      return value.toString(); // numbers, booleans, and [] or {}
    }
    String text = value.asText();
    boolean plain =
        PLAIN.matcher(text).matches()
            && !text.endsWith(" ")
            && !text.endsWith(":")
            && !text.contains(": ")
            && !RESERVED.contains(text.toLowerCase(Locale.ROOT));
    return plain ? text : quoted(text);
  }

  /** Indented JSON of {@code node}, its strings written by {@link #quoted}. */
  private static String json(JsonNode node, int indent) {
    if (!node.isContainerNode() || node.isEmpty()) {
      return node.isTextual() ? quoted(node.asText()) : node.toString();
    }
    String inner = " ".repeat(indent + 2);
    StringBuilder out = new StringBuilder(node.isObject() ? "{\n" : "[\n");
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
          members.hasNext(); ) {
        Map.Entry<String, JsonNode> member = members.next();
        out.append(inner)
            .append(quoted(member.getKey()))
            .append(": ")
            .append(json(member.getValue(), indent + 2))
            .append(members.hasNext() ? ",\n" : "\n");
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        out.append(inner)
            .append(json(node.get(i), indent + 2))
            .append(i + 1 < node.size() ? ",\n" : "\n");
      }
    }
    return out.append(" ".repeat(indent)).append(node.isObject() ? '}' : ']').toString();
  }

  /**
   * {@code text} as a double-quoted string that is both JSON and YAML and reads back exactly: what
   * is not printable text (controls, line separators, a lone surrogate) is written as an escape, so
   * the file stays one value per line and valid UTF-8.
   */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (printable(text, i)) {
            out.append(c);
          } else {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Whether the char at {@code i} may stand as itself in a YAML stream (YAML's printable set, less
   * line breaks).
   */
  private static boolean printable(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xFFFD && c != 0x2028 && c != 0x2029 && c != 0xFEFF);
  }

  // ---- the file

  private static void write(Path file, String text, boolean overwrite)
      throws ConfigurationException {
    try {
      AtomicFile.write(
          file,
          text.getBytes(StandardCharsets.UTF_8),
          overwrite ? AtomicFile.Existing.REPLACE : AtomicFile.Existing.REFUSE);
    } catch (FileAlreadyExistsException e) {
      Path found = e.getFile() == null ? null : Path.of(e.getFile());
      throw found != null && !found.toAbsolutePath().equals(file.toAbsolutePath())
          ? notADirectory(file, found)
          : exists(file);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  private static ConfigurationException notADirectory(Path file, Path parent) {
    return new ConfigurationException(
        PARAMETER
            + " '"
            + file
            + "' cannot be written: "
            + parent
            + " is not a directory; choose another path");
  }

  private static ConfigurationException cannotWrite(Path file, IOException e) {
    return new ConfigurationException(
        PARAMETER
            + " '"
            + file
            + "' cannot be written ("
            + e.getClass().getSimpleName()
            + "): check that the build may write there");
  }
}
