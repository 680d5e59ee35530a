package io.github.genesysllm.reconcile;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Several things in the organization whose names all match one configured provider by the plugin's
 * name rule ({@link io.github.genesysllm.provider.ProviderName}): which one is the configured
 * provider cannot be told, so none of them is touched. {@code kind} says what they are, in the
 * plural ({@code providers}); each candidate is named with its id.
 */
public record Ambiguity(String kind, List<Candidate> candidates) {

  /** One of the things that match: its name as the organization spells it, and its id. */
  public record Candidate(String name, String id) {}

  public Ambiguity {
    candidates = List.copyOf(candidates);
  }

  /** The candidates as {@code 'Name' (id ...), 'NAME' (id ...)}. */
  public String candidateList() {
    return candidates.stream()
        .map(c -> "'" + c.name() + "' (id " + c.id() + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * Why the configured provider {@code provider} is left alone, at its name: every candidate named,
   * and how to fix it.
   */
  public Problem problem(String provider) {
    return Problem.at(
        new Place.OfProvider(provider, "name"),
        candidates.size()
            + " "
            + kind
            + " on the server have the same name by the plugin's name rule (case and"
            + " Unicode compatibility forms ignored): "
            + candidateList()
            + "; which one is this provider cannot be told, so none of them is changed",
        Fix.of(
            ReconcileHint.KEEP_ONE_OF_THE_NAME,
            "rename or delete all but one of them in Genesys Cloud"));
  }
}
