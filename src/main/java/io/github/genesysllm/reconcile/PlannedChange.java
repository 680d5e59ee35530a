package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What to do with one configured provider: {@code current} is the provider of that name on the
 * server (null for {@link Step#CREATE} and {@link Step#AMBIGUOUS}), {@code differences} its
 * settings that differ from the configuration, {@code rotateApiKey} whether the update sends the
 * configured key, and {@code candidates} the server's providers that all match the name ({@link
 * Step#AMBIGUOUS} only).
 */
public record PlannedChange(
    DesiredProvider desired,
    Step step,
    Provider current,
    List<Difference> differences,
    boolean rotateApiKey,
    List<Provider> candidates) {

  public enum Step {
    /** No provider of that name: POST it. */
    CREATE,
    /** A provider of that name that differs, or whose key is to be rotated: PUT it. */
    UPDATE,
    /** A provider of that name that is as configured. */
    UNCHANGED,
    /**
     * Several providers whose names all match the configured one by the name rule: which one is the
     * configured provider cannot be told, so none is touched.
     */
    AMBIGUOUS
  }

  public PlannedChange {
    differences = List.copyOf(differences);
    candidates = List.copyOf(candidates);
  }

  public PlannedChange(
      DesiredProvider desired,
      Step step,
      Provider current,
      List<Difference> differences,
      boolean rotateApiKey) {
    this(desired, step, current, differences, rotateApiKey, List.of());
  }

  /** The change of a configured provider whose name several of the server's providers match. */
  static PlannedChange ambiguous(DesiredProvider desired, List<Provider> candidates) {
    return new PlannedChange(desired, Step.AMBIGUOUS, null, List.of(), false, candidates);
  }

  /**
   * The differences, then {@code apiKey: (rotated)} when the key is sent: the change lines of an
   * update.
   */
  public List<Difference> changes() {
    if (!rotateApiKey) {
      return differences;
    }
    List<Difference> changes = new ArrayList<>(differences);
    changes.add(Difference.apiKeyRotated());
    return List.copyOf(changes);
  }

  /** The candidates as {@code 'Name' (id ...), 'NAME' (id ...)}. */
  public String candidateList() {
    return candidates.stream()
        .map(p -> "'" + p.name() + "' (id " + p.id() + ")")
        .collect(Collectors.joining(", "));
  }

  /** Why an {@link Step#AMBIGUOUS} provider is left alone, naming every candidate. */
  public String ambiguity() {
    return candidates.size()
        + " providers on the server have the same name by the plugin's name rule (case and"
        + " Unicode compatibility forms ignored): "
        + candidateList()
        + "; which one is this provider cannot be told, so none of them is changed: rename or"
        + " delete all but one of them in Genesys Cloud";
  }
}
