package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.provider.DesiredProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deletes what exists for the configured providers: one {@link Observation}, then each configured
 * provider found is removed by the target ({@link Target#remove}), one after the other in
 * configuration order (a rare, small job: order and rate limit stay simple). Only what the
 * configuration names is ever deleted. One that is not there is {@link UnregisterAction#ABSENT},
 * not an error; one whose deletion fails (the target throws), or whose name several things match,
 * is {@link UnregisterAction#FAILED} with the reason and the others go on. A dry run sends nothing
 * but the reads of the observation.
 */
public final class Unregisterer {

  private final Target<?> target;
  private final BuildLog log;

  public Unregisterer(Target<?> target, BuildLog log) {
    this.target = Objects.requireNonNull(target, "target");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Unregisters {@code desired} (in configuration order), logging one line per provider and the
   * summary.
   *
   * @throws GenesysApiException when the organization cannot be read (then nothing was deleted)
   * @throws RefusedInputException when two configured providers have the same name by the name rule
   */
  public UnregisterResult unregister(List<DesiredProvider> desired, boolean dryRun) {
    return unregister(target, desired, dryRun);
  }

  private <R> UnregisterResult unregister(
      Target<R> target, List<DesiredProvider> desired, boolean dryRun) {
    Observation<R> seen = Observation.take(target, desired);
    List<ProviderRemoval> removals = new ArrayList<>(desired.size());
    for (int i = 0; i < desired.size(); i++) {
      Ambiguity ambiguity = seen.ambiguities().get(i);
      ProviderRemoval removal =
          ambiguity != null
              ? new ProviderRemoval(
                  desired.get(i).name(),
                  UnregisterAction.FAILED,
                  null,
                  null,
                  ambiguity.problem(desired.get(i).name()))
              : remove(target, desired.get(i), seen.matches().get(i), dryRun);
      if (removal.action() == UnregisterAction.FAILED) {
        log.warn(removal.describe(log.wording()));
      } else {
        log.info(removal.describe(log.wording()));
      }
      removals.add(removal);
    }
    UnregisterResult result = new UnregisterResult(dryRun, removals, seen.others());
    log.info(result.summary());
    return result;
  }

  private static <R> ProviderRemoval remove(
      Target<R> target, DesiredProvider desired, Observed<R> current, boolean dryRun) {
    if (current == null) {
      return new ProviderRemoval(desired.name(), UnregisterAction.ABSENT, null, null, null);
    }
    if (dryRun) {
      return ProviderRemoval.of(
          desired.name(), UnregisterAction.WOULD_DELETE, current.footprint(), null, null);
    }
    try {
      return target.remove(desired, current);
    } catch (RuntimeException e) {
      return ProviderRemoval.of(
          desired.name(),
          UnregisterAction.FAILED,
          current.footprint(),
          null,
          ProviderProblems.during(
              "deleting it",
              ProviderProblems.of(e, desired.apiKey()),
              " (once that is fixed, run unregister again: the providers already deleted are"
                  + " then ABSENT)"));
    }
  }
}
