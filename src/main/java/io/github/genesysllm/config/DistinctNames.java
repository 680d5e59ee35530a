package io.github.genesysllm.config;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.ProviderName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Configured providers have distinct names. Genesys Cloud compares names case-insensitively, so
 * "Gateway" and "gateway" would collide there; the plugin matches names by its own rule ({@link
 * ProviderName}), which decides here too.
 */
final class DistinctNames {

  private DistinctNames() {}

  /** Adds a problem at each provider whose name an earlier one has already. */
  static void check(List<ProviderEntry> entries, List<Problem> problems) {
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
        problems.add(
            entry.problem(
                "name",
                "is already used by another provider (names are compared ignoring case and"
                    + " Unicode compatibility forms, and are unique in Genesys Cloud)",
                Fix.of(
                    ConfigHint.RENAME_DUPLICATE_PROVIDER,
                    "rename or remove this one or the one at ",
                    first.origin(),
                    " ('" + ProviderEntry.shorten(first.name()) + "')")));
      } else {
        problems.add(
            entry.problem(
                "name",
                "is also configured in the build file",
                Fix.of(
                    ConfigHint.CONFIGURE_PROVIDER_ONCE,
                    "configure each provider in one place only: remove it from ",
                    first.origin(),
                    " or from " + entry.fileName())));
      }
    }
  }
}
