package io.github.genesysllm.config;

import static io.github.genesysllm.config.JsonValues.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.suggest.NameSuggestion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The providers of a configuration file, as entries to check: reads the file and checks its shape
 * (an object whose only field is the {@code providers} list, each provider an object), reporting
 * each problem at its line. A key written twice is reported at its provider's field when it is in
 * one.
 */
final class ConfigFileEntries {

  private static final String PROVIDERS = "providers";

  private ConfigFileEntries() {}

  /**
   * The file's providers, in order; what is wrong with its shape is added to {@code problems}.
   *
   * @throws ConfigurationException when the file cannot be read, or holds no configuration at all
   */
  static List<ProviderEntry> read(Path file, List<Problem> problems) throws ConfigurationException {
    LocatedTree tree = ConfigFileReader.read(file);
    String name = ConfigFileReader.displayName(file);
    JsonNode root = tree.root();
    if (root == null) {
      throw new ConfigurationException(
          Problem.at(
              new Place.InFile(name, 0),
              "the file is empty:",
              Fix.of(
                  ConfigHint.GIVE_PROVIDERS_LIST,
                  "give it a 'providers' list, or leave ",
                  Setting.CONFIG_FILE,
                  " unset")));
    }
    if (!root.isObject()) {
      throw new ConfigurationException(
          Problem.at(
              new Place.InFile(name, 1),
              "the file must hold an object with a 'providers' list, got " + kind(root),
              Fix.of(
                  ConfigHint.GIVE_PROVIDERS_LIST,
                  "start it with 'providers:' (YAML) or {\"providers\": [...]} (JSON)")));
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!PROVIDERS.equals(field)) {
        problems.add(
            Problem.at(
                new Place.InFile(name, tree.positionOf(LocatedTree.child("", field)).line()),
                "unknown top-level field '"
                    + ProviderEntry.shorten(field)
                    + "'"
                    + NameSuggestion.didYouMean(field, List.of(PROVIDERS)),
                Fix.of(ConfigHint.REMOVE_UNKNOWN_FIELD, "the file holds only a 'providers' list")));
      }
    }
    List<ProviderEntry> entries = providers(tree, name, root.get(PROVIDERS), problems);
    for (LocatedTree.Finding finding : tree.findings()) {
      problems.add(findingProblem(tree, name, finding, entries));
    }
    return entries;
  }

  private static List<ProviderEntry> providers(
      LocatedTree tree, String name, JsonNode list, List<Problem> problems) {
    List<ProviderEntry> entries = new ArrayList<>();
    if (list == null) {
      problems.add(
          Problem.at(
              new Place.InFile(name, 1),
              "the file has no 'providers' list:",
              Fix.of(ConfigHint.GIVE_PROVIDERS_LIST, "put the providers under 'providers:'")));
    } else if (!list.isArray()) {
      problems.add(
          Problem.at(
              new Place.InFile(name, tree.positionOf("/" + PROVIDERS).line()),
              "'providers' must be a list of providers, got " + kind(list),
              Fix.of(ConfigHint.GIVE_PROVIDERS_LIST)));
    } else {
      for (int i = 0; i < list.size(); i++) {
        JsonNode provider = list.get(i);
        if (provider.isObject()) {
          entries.add(ProviderEntry.fromFile(tree, name, i, (ObjectNode) provider));
        } else {
          problems.add(
              Problem.at(
                  new Place.InFile(
                      name, tree.positionOf(LocatedTree.child("/" + PROVIDERS, i)).line()),
                  "provider #"
                      + (i + 1)
                      + ": must be an object with name, baseUrl, models and an API key source, got "
                      + kind(provider),
                  Fix.of(ConfigHint.GIVE_PROVIDERS_LIST)));
        }
      }
    }
    return entries;
  }

  /** A finding of the reading (a key written twice), attributed to its provider when in one. */
  private static Problem findingProblem(
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
          return entry.problem(field, finding.what(), finding.fix());
        }
      }
    }
    return Problem.at(
        new Place.InFile(fileName, tree.positionOf(finding.pointer()).line()),
        "field '" + ProviderEntry.shorten(ProviderEntry.toField(segments)) + "' " + finding.what(),
        finding.fix());
  }
}
