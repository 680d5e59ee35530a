package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.OutcomeUnknownException;
import io.github.genesysllm.client.ProvidersApi;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deletes the configured providers from the organization: one listing, then each configured
 * provider found by name (by the name rule, as register matches them) is deleted, one after the
 * other in configuration order (a rare, small job: order and rate limit stay simple). Only
 * providers the configuration names are ever deleted, and only by the id the listing gave for that
 * name. One that is not there is {@link UnregisterAction#ABSENT}, not an error (also when the
 * deletion meets a 404); one whose deletion fails, or whose name several providers match, is {@link
 * UnregisterAction#FAILED} and the others go on. A deletion whose answer was lost (no answer, or a
 * 5xx) is settled by reading the provider back, never by deleting again: gone is {@link
 * UnregisterAction#DELETED}. A dry run sends nothing but the listing.
 */
public final class Unregisterer {

  private final ProvidersApi api;
  private final BuildLog log;

  public Unregisterer(ProvidersApi api, BuildLog log) {
    this.api = Objects.requireNonNull(api, "api");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Unregisters {@code desired} (in configuration order), logging one line per provider and the
   * summary.
   *
   * @throws GenesysApiException when the providers cannot be listed (then nothing was deleted)
   * @throws IllegalArgumentException when two configured providers have the same name by the name
   *     rule
   */
  public UnregisterResult unregister(List<DesiredProvider> desired, boolean dryRun) {
    // The planner's matching is register's: the provider deleted is the one register created.
    Plan plan = Planner.plan(desired, api.listAll(), false);
    List<ProviderRemoval> removals = new ArrayList<>(plan.changes().size());
    for (PlannedChange change : plan.changes()) {
      ProviderRemoval removal =
          change.step() == PlannedChange.Step.AMBIGUOUS
              ? new ProviderRemoval(
                  change.desired().name(), UnregisterAction.FAILED, null, null, change.ambiguity())
              : remove(change.desired().name(), change.current(), dryRun);
      if (removal.action() == UnregisterAction.FAILED) {
        log.warn(removal.describe());
      } else {
        log.info(removal.describe());
      }
      removals.add(removal);
    }
    UnregisterResult result = new UnregisterResult(dryRun, removals, plan.otherProviders());
    log.info(result.summary());
    return result;
  }

  private ProviderRemoval remove(String name, Provider current, boolean dryRun) {
    if (current == null) {
      return new ProviderRemoval(name, UnregisterAction.ABSENT, null, null, null);
    }
    if (dryRun) {
      return new ProviderRemoval(name, UnregisterAction.WOULD_DELETE, current.id(), null, null);
    }
    try {
      api.delete(current.id());
      return new ProviderRemoval(name, UnregisterAction.DELETED, current.id(), null, null);
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return new ProviderRemoval(
            name, UnregisterAction.ABSENT, current.id(), "it was deleted meanwhile", null);
      }
      if (mayHaveBeenApplied(e) && isGone(current.id())) {
        return new ProviderRemoval(
            name,
            UnregisterAction.DELETED,
            current.id(),
            "its answer was lost, but reading it back shows it is gone",
            null);
      }
      return failed(name, current, e.getMessage());
    } catch (RuntimeException e) {
      return failed(name, current, e.toString());
    }
  }

  /** A failure with no answer, or a server fault: the deletion may have gone through. */
  private static boolean mayHaveBeenApplied(GenesysApiException e) {
    return e instanceof OutcomeUnknownException || e.status() == 0 || e.status() >= 500;
  }

  /**
   * Whether reading the provider back answers 404; false when it is there or cannot be read either.
   */
  private boolean isGone(String id) {
    try {
      api.get(id);
      return false;
    } catch (GenesysApiException e) {
      return e.status() == 404;
    }
  }

  private static ProviderRemoval failed(String name, Provider current, String why) {
    return new ProviderRemoval(
        name,
        UnregisterAction.FAILED,
        current.id(),
        null,
        "while deleting it: "
            + why
            + " (once that is fixed, run unregister again: the providers already deleted are then ABSENT)");
  }
}
