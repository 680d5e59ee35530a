package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do with one configured provider: {@code current} is the provider of that name on the
 * server (null for {@link Step#CREATE}), {@code differences} its settings that differ from the
 * configuration, and {@code rotateApiKey} whether the update sends the configured key.
 */
public record PlannedChange(
    DesiredProvider desired,
    Step step,
    Provider current,
    List<Difference> differences,
    boolean rotateApiKey) {

  public enum Step {
    /** No provider of that name: POST it. */
    CREATE,
    /** A provider of that name that differs, or whose key is to be rotated: PUT it. */
    UPDATE,
    /** A provider of that name that is as configured. */
    UNCHANGED
  }

  public PlannedChange {
    differences = List.copyOf(differences);
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
