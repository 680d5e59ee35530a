package io.github.genesysllm.targets.providers;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.OutcomeUnknownException;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.Difference;
import io.github.genesysllm.reconcile.Fields;
import io.github.genesysllm.reconcile.Footprint;
import io.github.genesysllm.reconcile.PlannedChange;
import io.github.genesysllm.reconcile.PlannedChange.Step;
import io.github.genesysllm.reconcile.Planner;
import io.github.genesysllm.reconcile.ProviderOutcome;
import io.github.genesysllm.reconcile.ProviderProblems;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The create or update of one provider, with its settling of races and lost answers: by reading the
 * server, never by repeating a write blindly. A create whose name was taken meanwhile adopts the
 * provider that holds it; a create of unknown outcome looks the provider up by name and adopts it
 * if it is there (so a provider is never created twice); an update that meets a newer version or
 * loses its answer reads the provider again and updates it once more only if it still differs; an
 * update of a provider deleted meanwhile creates it. A provider read back whose name is not the
 * configured one by the name rule ({@link ProviderName}) is never written to: that provider fails.
 * An adopted provider is treated as if the listing had shown it: updated if it differs, and sent
 * the key only when keys are rotated.
 *
 * <p>The action reported is what this run finally did: a provider a create found already there (its
 * name taken meanwhile, or found by name after a create of unknown outcome) and as configured is
 * {@link Action#ADOPTED}, one that then needed a change {@link Action#UPDATED}; one found as
 * configured after an update of unknown outcome is {@link Action#UPDATED} (the write most likely
 * went through). Runs on one thread; one instance per change.
 */
final class ProviderChange {

  private final ProvidersTarget target;
  private final ProvidersApi api;
  private final PlannedChange<Provider> planned;
  private final DesiredProvider desired;
  private final boolean rotateApiKeys;
  private final Consumer<String> notes;

  /** What it was doing, for the error of a failure. */
  private String doing = "starting";

  /** The provider as last read or written, for the id of a failure. */
  private Provider lastKnown;

  private boolean recreated;

  /**
   * Whether a write of this change lost its answer: then a failure may come after it was applied.
   */
  private boolean outcomeUnknown;

  ProviderChange(
      ProvidersTarget target,
      ProvidersApi api,
      PlannedChange<Provider> planned,
      boolean rotateApiKeys,
      Consumer<String> notes) {
    this.target = target;
    this.api = api;
    this.planned = planned;
    this.desired = planned.desired();
    this.rotateApiKeys = rotateApiKeys;
    this.notes = notes;
    this.lastKnown = planned.current() == null ? null : planned.current().resource();
  }

  ProviderOutcome run() {
    try {
      return planned.step() == Step.CREATE
          ? create(true)
          : update(planned.current().resource(), planned.differences(), true);
    } catch (RuntimeException e) {
      Problem problem = ProviderProblems.of(e, desired.apiKey());
      String after = null;
      if (outcomeUnknown || e instanceof OutcomeUnknownException) {
        // the client's messages end in a full stop, ours may not
        after =
            (problem.what().endsWith(".") ? " A" : "; a")
                + " change whose answer was lost may have been"
                + " applied: run the build again, which reads the provider back rather than repeating"
                + " the change";
      }
      return ProviderOutcome.failed(
          desired.name(),
          lastKnown == null ? Footprint.NONE : ProvidersTarget.footprint(lastKnown),
          ProviderProblems.during(doing, problem, after));
    }
  }

  private ProviderOutcome create(boolean mayRetry) {
    doing = "creating it";
    try {
      return outcome(Action.CREATED, api.create(desired.settings(), desired.apiKey()), List.of());
    } catch (OutcomeUnknownException e) {
      if (!mayRetry) {
        throw e;
      }
      outcomeUnknown = true;
      note("the create's outcome is unknown (" + describe(e) + "): looking it up by name");
      doing = "looking it up by name after a create of unknown outcome";
      Optional<Provider> found = api.findByName(desired.name());
      if (found.isPresent()) {
        note("found it (id " + found.get().id() + "): adopting it rather than creating it again");
        return adopt(found.get());
      }
      note("not found, so the create was not applied: creating it again");
      return create(false);
    } catch (GenesysApiException e) {
      if (!e.is(409, "general.conflict")) {
        throw e;
      }
      note(
          "its name was taken meanwhile (by another pipeline?)"
              + (e.entityId() == null ? "" : " by provider id " + e.entityId())
              + ": adopting that provider");
      doing = "reading the provider that took its name";
      Optional<Provider> holder =
          e.entityId() == null ? api.findByName(desired.name()) : readBack(e.entityId());
      return holder.isPresent() ? adopt(holder.get()) : recreate();
    }
  }

  /**
   * Takes over a provider of the configured name as if the listing had shown it; one whose name is
   * not the configured one by the name rule is refused.
   */
  private ProviderOutcome adopt(Provider found) {
    requireConfiguredName(found);
    PlannedChange<Provider> decided =
        Planner.decide(target, desired, ProvidersTarget.observed(found), rotateApiKeys);
    if (decided.step() == Step.UNCHANGED) {
      return outcome(Action.ADOPTED, found, List.of());
    }
    return update(found, decided.differences(), true);
  }

  private ProviderOutcome update(Provider current, List<Difference> differences, boolean mayRetry) {
    lastKnown = current;
    List<Difference> changes =
        new PlannedChange<>(
                desired, Step.UPDATE, ProvidersTarget.observed(current), differences, rotateApiKeys)
            .changes();
    doing = "updating it";
    try {
      Provider updated =
          api.update(
              current.id(),
              current.version(),
              desired.settings(),
              rotateApiKeys ? desired.apiKey() : null);
      return outcome(Action.UPDATED, updated, changes);
    } catch (OutcomeUnknownException e) {
      if (!mayRetry) {
        throw e;
      }
      outcomeUnknown = true;
      note("the update's outcome is unknown (" + describe(e) + "): reading it back");
      doing = "reading it back after an update of unknown outcome";
      Optional<Provider> now = readBack(current.id());
      if (now.isEmpty()) {
        return recreate();
      }
      requireConfiguredName(now.get());
      List<Difference> left = differencesFrom(now.get());
      // The key is never read back: with one to rotate, only a newer version tells that a PUT
      // went through.
      if (left.isEmpty() && (!rotateApiKeys || now.get().version() > current.version())) {
        note("it is as configured (version " + now.get().version() + "): the update was applied");
        return outcome(Action.UPDATED, now.get(), changes);
      }
      note("the update was not applied: updating it once more");
      return update(now.get(), left, false);
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return recreate();
      }
      if (!e.is(409, "version.mismatch") || !mayRetry) {
        throw e;
      }
      note(
          "it was changed meanwhile (version "
              + current.version()
              + " is stale): reading it again");
      doing = "reading it again after a version mismatch";
      Optional<Provider> now = readBack(current.id());
      if (now.isEmpty()) {
        return recreate();
      }
      requireConfiguredName(now.get());
      List<Difference> left = differencesFrom(now.get());
      if (left.isEmpty() && !rotateApiKeys) {
        note(
            "it is now as configured (version "
                + now.get().version()
                + "): nothing left to change");
        return outcome(Action.UNCHANGED, now.get(), List.of());
      }
      return update(now.get(), left, false);
    }
  }

  private List<Difference> differencesFrom(Provider now) {
    return Fields.differences(target.fields(desired), ProvidersTarget.fields(now.settings()));
  }

  /**
   * Creates again a provider deleted meanwhile, once: a provider that keeps vanishing is a failure.
   */
  private ProviderOutcome recreate() {
    if (recreated) {
      throw new IllegalStateException(
          "it was deleted meanwhile again after it was created again"
              + " (is another process deleting it?)");
    }
    recreated = true;
    lastKnown = null;
    note("it was deleted meanwhile: creating it again");
    return create(true);
  }

  /** Refuses a provider read back whose name is not the configured one: nothing goes to it. */
  private void requireConfiguredName(Provider found) {
    if (!ProviderName.same(desired.name(), found.name())) {
      lastKnown = null; // not this provider: its id must not be reported as this one's
      throw new ForeignProviderException(desired.name(), found);
    }
  }

  /** The provider of that id, or empty when it was deleted. */
  private Optional<Provider> readBack(String id) {
    try {
      return Optional.of(api.get(id));
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private ProviderOutcome outcome(Action action, Provider provider, List<Difference> changes) {
    lastKnown = provider;
    return ProviderOutcome.of(desired.name(), action, ProvidersTarget.footprint(provider), changes);
  }

  private void note(String note) {
    notes.accept(note);
  }

  /** What {@code e} says, for a note: its fix is for a failure, which this is not (yet). */
  private String describe(RuntimeException e) {
    return ProviderProblems.of(e, desired.apiKey()).what();
  }
}
