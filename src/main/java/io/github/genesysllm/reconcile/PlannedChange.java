package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.DesiredProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do with one configured provider: {@code current} is what exists for it (null for {@link
 * Step#CREATE} and {@link Step#AMBIGUOUS}), {@code differences} where it differs from the
 * configuration, {@code rotateApiKey} whether the update sends the configured key, and {@code
 * ambiguity} the candidates that all match its name ({@link Step#AMBIGUOUS} only, null otherwise).
 */
public record PlannedChange<R>(
    DesiredProvider desired,
    Step step,
    Observed<R> current,
    List<Difference> differences,
    boolean rotateApiKey,
    Ambiguity ambiguity) {

  public enum Step {
    /** Nothing exists for it: create it. */
    CREATE,
    /** It exists and differs, or its key is to be rotated: update it. */
    UPDATE,
    /** It exists as configured. */
    UNCHANGED,
    /**
     * Several things whose names all match the configured one by the name rule: which one is the
     * configured provider cannot be told, so none is touched.
     */
    AMBIGUOUS
  }

  public PlannedChange {
    differences = List.copyOf(differences);
  }

  public PlannedChange(
      DesiredProvider desired,
      Step step,
      Observed<R> current,
      List<Difference> differences,
      boolean rotateApiKey) {
    this(desired, step, current, differences, rotateApiKey, null);
  }

  /** The change of a configured provider whose name several things in the organization match. */
  static <R> PlannedChange<R> ambiguous(DesiredProvider desired, Ambiguity ambiguity) {
    return new PlannedChange<>(desired, Step.AMBIGUOUS, null, List.of(), false, ambiguity);
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
}
