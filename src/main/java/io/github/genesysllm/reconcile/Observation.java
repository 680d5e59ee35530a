package io.github.genesysllm.reconcile;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ProviderName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One look at the organization for a configuration, one entry per configured provider in
 * configuration order: {@code matches} holds what exists for it (null where nothing does, or where
 * it is ambiguous), {@code ambiguities} why it cannot be matched (null where it can: where several
 * things match its name). {@code others} counts what the target manages in the organization that
 * the configuration does not name: left alone, whatever it is.
 */
public record Observation<R>(List<Observed<R>> matches, List<Ambiguity> ambiguities, int others) {

  public Observation {
    if (matches.size() != ambiguities.size()) {
      throw new IllegalArgumentException(
          matches.size() + " matches but " + ambiguities.size() + " ambiguities");
    }
    // null entries are meaningful, so no List.copyOf
    matches = Collections.unmodifiableList(new ArrayList<>(matches));
    ambiguities = Collections.unmodifiableList(new ArrayList<>(ambiguities));
  }

  /** An observation where every name matched one thing at most. */
  public Observation(List<Observed<R>> matches, int others) {
    this(matches, Collections.nCopies(matches.size(), null), others);
  }

  /**
   * Checks that the configured names tell the providers apart, then asks the target what exists for
   * them: what register, verify and unregister all start with.
   *
   * @throws RefusedInputException when two configured providers have the same name by the {@link
   *     ProviderName name rule}
   * @throws IllegalStateException when the target answers for other providers than it was asked
   */
  public static <R> Observation<R> take(Target<R> target, List<DesiredProvider> desired) {
    requireDistinctNames(desired);
    Observation<R> seen = target.observe(desired);
    if (seen.matches().size() != desired.size()) {
      throw new IllegalStateException(
          "the target observed "
              + seen.matches().size()
              + " providers for "
              + desired.size()
              + " configured");
    }
    return seen;
  }

  private static void requireDistinctNames(List<DesiredProvider> desired) {
    Map<String, DesiredProvider> configured = new HashMap<>();
    for (DesiredProvider provider : desired) {
      DesiredProvider twin = configured.putIfAbsent(ProviderName.key(provider.name()), provider);
      if (twin != null) {
        throw new RefusedInputException(
            Problem.at(
                provider.origin(),
                "provider '"
                    + provider.name()
                    + "' has the same name as provider '"
                    + twin.name()
                    + "' by the plugin's name rule (case and Unicode compatibility forms ignored)",
                Fix.of(
                    ReconcileHint.RENAME_OR_REMOVE_ONE,
                    "rename or remove it or the one at ",
                    twin.origin())));
      }
    }
  }
}
