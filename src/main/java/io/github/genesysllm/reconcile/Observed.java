package io.github.genesysllm.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * What a target found in the organization for one configured provider.
 *
 * @param resource the target's own view of it (what {@link Target#apply} and {@link Target#remove}
 *     act on); the core never looks inside
 * @param footprint its ids, for reports and properties
 * @param fields what is compared with {@link Target#fields} of the configuration
 * @param defects what verify reports besides the compared fields, as differences: things register
 *     does not change (a provider without a stored key)
 * @param <R> the target's type for it
 */
public record Observed<R>(
    R resource, Footprint footprint, Fields fields, List<Difference> defects) {

  public Observed {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(footprint, "footprint");
    Objects.requireNonNull(fields, "fields");
    defects = List.copyOf(defects);
  }
}
