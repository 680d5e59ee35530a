package io.github.genesysllm.reconcile;

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

  /** Why the provider is left alone, naming every candidate and how to fix it. */
  public String reason() {
    return candidates.size()
        + " "
        + kind
        + " on the server have the same name by the plugin's name rule (case and"
        + " Unicode compatibility forms ignored): "
        + candidateList()
        + "; which one is this provider cannot be told, so none of them is changed: rename or"
        + " delete all but one of them in Genesys Cloud";
  }
}
