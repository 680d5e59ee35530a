package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.DesiredProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, for each configured provider, whether to create, update or leave it, from one {@link
 * Observation}: the target says what exists and what it looks like ({@link Fields}), the planner
 * compares. A provider whose name several things match is {@link PlannedChange.Step#AMBIGUOUS}:
 * none of them is proven to be the configured one, so nothing is done to any.
 */
public final class Planner {

  private Planner() {}

  /** The plan for {@code desired} (in configuration order) against what {@code target} observed. */
  public static <R> Plan<R> plan(
      Target<R> target,
      List<DesiredProvider> desired,
      Observation<R> observation,
      boolean rotateApiKeys) {
    List<PlannedChange<R>> changes = new ArrayList<>(desired.size());
    for (int i = 0; i < desired.size(); i++) {
      Ambiguity ambiguity = observation.ambiguities().get(i);
      changes.add(
          ambiguity != null
              ? PlannedChange.ambiguous(desired.get(i), ambiguity)
              : decide(target, desired.get(i), observation.matches().get(i), rotateApiKeys));
    }
    return new Plan<>(changes, observation.others());
  }

  /**
   * The change for one configured provider given what exists for it, or null when nothing does.
   * With {@code rotateApiKeys} an existing provider is always updated, to send its key. A target
   * decides by it too when it finds, while applying, that something exists after all.
   */
  public static <R> PlannedChange<R> decide(
      Target<R> target, DesiredProvider desired, Observed<R> current, boolean rotateApiKeys) {
    if (current == null) {
      return new PlannedChange<>(desired, PlannedChange.Step.CREATE, null, List.of(), false);
    }
    List<Difference> differences = Fields.differences(target.fields(desired), current.fields());
    PlannedChange.Step step =
        differences.isEmpty() && !rotateApiKeys
            ? PlannedChange.Step.UNCHANGED
            : PlannedChange.Step.UPDATE;
    return new PlannedChange<>(desired, step, current, differences, rotateApiKeys);
  }
}
