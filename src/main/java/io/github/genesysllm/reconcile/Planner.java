package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, for each configured provider, whether to create, update or leave it, from one listing of
 * the organization. A configured provider matches the server's provider of the same name by the
 * plugin's name rule ({@link ProviderName}); when several of the server's providers match one
 * configured name, none of them is proven to be the configured one, so nothing is done to any.
 */
public final class Planner {

  private Planner() {}

  /**
   * The plan for {@code desired} (in configuration order) against {@code actual} (the listing).
   *
   * @throws IllegalArgumentException when two configured providers have the same name by the rule
   */
  public static Plan plan(
      List<DesiredProvider> desired, List<Provider> actual, boolean rotateApiKeys) {
    Map<String, DesiredProvider> configured = new HashMap<>();
    for (DesiredProvider provider : desired) {
      DesiredProvider twin = configured.putIfAbsent(ProviderName.key(provider.name()), provider);
      if (twin != null) {
        throw new IllegalArgumentException(
            "providers '"
                + twin.name()
                + "' ("
                + twin.origin()
                + ") and '"
                + provider.name()
                + "' ("
                + provider.origin()
                + ") have the same name by the plugin's name rule (case and Unicode compatibility"
                + " forms ignored): rename or remove one of them");
      }
    }
    Map<String, List<Provider>> existing = new LinkedHashMap<>();
    int others = 0;
    for (Provider provider : actual) {
      String key = ProviderName.key(provider.name());
      existing.computeIfAbsent(key, k -> new ArrayList<>()).add(provider);
      if (!configured.containsKey(key)) {
        others++;
      }
    }
    List<PlannedChange> changes = new ArrayList<>(desired.size());
    for (DesiredProvider provider : desired) {
      List<Provider> matches = existing.getOrDefault(ProviderName.key(provider.name()), List.of());
      changes.add(
          matches.size() > 1
              ? PlannedChange.ambiguous(provider, matches)
              : decide(provider, matches.isEmpty() ? null : matches.get(0), rotateApiKeys));
    }
    return new Plan(changes, others);
  }

  /**
   * The change for one configured provider given the server's provider of that name, or null when
   * there is none. With {@code rotateApiKeys} an existing provider is always updated, to send its
   * key.
   */
  public static PlannedChange decide(
      DesiredProvider desired, Provider current, boolean rotateApiKeys) {
    if (current == null) {
      return new PlannedChange(desired, PlannedChange.Step.CREATE, null, List.of(), false);
    }
    List<Difference> differences = ProviderComparison.compare(desired.settings(), current);
    PlannedChange.Step step =
        differences.isEmpty() && !rotateApiKeys
            ? PlannedChange.Step.UNCHANGED
            : PlannedChange.Step.UPDATE;
    return new PlannedChange(desired, step, current, differences, rotateApiKeys);
  }
}
