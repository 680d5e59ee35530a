package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, for each configured provider, whether to create, update or leave it, from one listing of
 * the organization. A configured provider matches the server's provider of the same name compared
 * ignoring case, as the server keeps names unique.
 */
public final class Planner {

  private Planner() {}

  /**
   * The plan for {@code desired} (in configuration order) against {@code actual} (the listing).
   *
   * @throws IllegalArgumentException when two configured providers have the same name ignoring case
   */
  public static Plan plan(
      List<DesiredProvider> desired, List<Provider> actual, boolean rotateApiKeys) {
    Map<String, DesiredProvider> configured = new HashMap<>();
    for (DesiredProvider provider : desired) {
      DesiredProvider twin = configured.putIfAbsent(key(provider.name()), provider);
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
                + ") have the same name ignoring case, but"
                + " Genesys Cloud keeps provider names unique ignoring case: rename or remove one of them");
      }
    }
    Map<String, Provider> existing = new HashMap<>();
    int others = 0;
    for (Provider provider : actual) {
      // Names are unique on the server; should a listing ever repeat one, the oldest is the match.
      if (existing.putIfAbsent(key(provider.name()), provider) == null
          && !configured.containsKey(key(provider.name()))) {
        others++;
      }
    }
    List<PlannedChange> changes = new ArrayList<>(desired.size());
    for (DesiredProvider provider : desired) {
      changes.add(decide(provider, existing.get(key(provider.name())), rotateApiKeys));
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

  /** The key under which names match: the same folding as the server's uniqueness rule. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
