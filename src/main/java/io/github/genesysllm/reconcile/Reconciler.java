package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.OutcomeUnknownException;
import io.github.genesysllm.client.ProvidersApi;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.reconcile.PlannedChange.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings the organization's providers to the configuration, like a plan and apply: one listing, a
 * {@link Plan}, then the creates and updates it calls for, several providers at once. Providers the
 * configuration does not name are never touched.
 *
 * <p>A change that races another pipeline or loses its answer is settled by reading the server,
 * never by repeating a write blindly: a create whose name was taken meanwhile adopts the provider
 * that holds it, if its name is the configured one by the name rule; a create of unknown outcome
 * looks the provider up by name and adopts it if it is there (so a provider is never created
 * twice); an update that meets a newer version or loses its answer reads the provider again and
 * updates it once more only if it still differs; an update of a provider deleted meanwhile creates
 * it. A provider read back whose name is not the configured one by the name rule ({@link
 * ProviderName}) is never written to: that provider fails. An adopted provider is treated as if the
 * listing had shown it: updated if it differs, and sent the key only when keys are rotated.
 *
 * <p>The action reported is what this run finally did: an adopted provider that needed no change
 * after its name was taken is {@link Action#UNCHANGED} (the create was refused, nothing was
 * written); one found as configured after a create or update of unknown outcome is {@link
 * Action#CREATED} or {@link Action#UPDATED} (the write most likely went through).
 *
 * <p>A provider whose change fails is reported {@link Action#FAILED} with the error, and the others
 * go on. Log lines come in configuration order whatever order the changes finish in.
 */
public final class Reconciler {

  private final ProvidersApi api;
  private final ReconcileOptions options;
  private final BuildLog log;

  public Reconciler(ProvidersApi api, ReconcileOptions options, BuildLog log) {
    this.api = Objects.requireNonNull(api, "api");
    this.options = Objects.requireNonNull(options, "options");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Reconciles {@code desired} (in configuration order) with the organization.
   *
   * @throws GenesysApiException when the providers cannot be listed (then nothing was changed)
   * @throws IllegalArgumentException when two configured providers have the same name by the name
   *     rule
   */
  public RegisterResult reconcile(List<DesiredProvider> desired) {
    Plan plan = Planner.plan(desired, api.listAll(), options.rotateApiKeys());
    log.debug(
        "Plan: "
            + plan.count(Step.CREATE)
            + " to create, "
            + plan.count(Step.UPDATE)
            + " to update, "
            + plan.count(Step.UNCHANGED)
            + " unchanged; other providers left alone: "
            + plan.otherProviders());
    List<ProviderOutcome> outcomes = options.dryRun() ? preview(plan) : apply(plan);
    RegisterResult result = new RegisterResult(options.dryRun(), outcomes, plan.otherProviders());
    log.info(result.summary());
    return result;
  }

  private List<ProviderOutcome> preview(Plan plan) {
    List<ProviderOutcome> outcomes = new ArrayList<>();
    for (PlannedChange change : plan.changes()) {
      String name = change.desired().name();
      ProviderOutcome outcome =
          switch (change.step()) {
            case CREATE ->
                new ProviderOutcome(name, Action.WOULD_CREATE, null, null, null, List.of(), null);
            case UPDATE ->
                ProviderOutcome.of(name, Action.WOULD_UPDATE, change.current(), change.changes());
            case UNCHANGED, AMBIGUOUS -> settledByPlan(change);
          };
      print(new Settled(outcome, List.of()));
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /** A provider the plan leaves alone: unchanged, or failed when its match is ambiguous. */
  private static ProviderOutcome settledByPlan(PlannedChange change) {
    String name = change.desired().name();
    return change.step() == Step.AMBIGUOUS
        ? ProviderOutcome.failed(name, null, change.ambiguity())
        : ProviderOutcome.of(name, Action.UNCHANGED, change.current(), List.of());
  }

  /** What one provider's change came to, with the notes on how, for the log. */
  private record Settled(ProviderOutcome outcome, List<String> notes) {}

  private record Finished(int index, Settled settled) {}

  private List<ProviderOutcome> apply(Plan plan) {
    List<PlannedChange> changes = plan.changes();
    int total = changes.size();
    Settled[] settled = new Settled[total];
    List<Integer> toChange = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      PlannedChange change = changes.get(i);
      if (change.step() == Step.UNCHANGED || change.step() == Step.AMBIGUOUS) {
        settled[i] = new Settled(settledByPlan(change), List.of());
      } else {
        toChange.add(i);
      }
    }
    int done = total - toChange.size();
    int printed = printReady(settled, 0);
    if (toChange.isEmpty()) {
      return outcomes(settled);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(options.concurrency(), toChange.size()), threads());
    try {
      CompletionService<Finished> finished = new ExecutorCompletionService<>(pool);
      for (int index : toChange) {
        ProviderChange change = new ProviderChange(changes.get(index));
        finished.submit(() -> new Finished(index, change.run()));
      }
      long interval = options.progressInterval().toNanos();
      long nextProgress = System.nanoTime() + interval;
      while (done < total) {
        Future<Finished> next =
            finished.poll(Math.max(0, nextProgress - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (next != null) {
          Finished one = result(next);
          settled[one.index()] = one.settled();
          done++;
          printed = printReady(settled, printed);
        }
        long now = System.nanoTime();
        if (done < total && now - nextProgress >= 0) {
          log.info(done + "/" + total + " providers reconciled");
          nextProgress = now + interval;
        }
      }
      return outcomes(settled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted after "
              + done
              + "/"
              + total
              + " providers were reconciled;"
              + " the others may or may not have been changed: run the build again to finish",
          e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Finished result(Future<Finished> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      // A change catches every RuntimeException into its outcome: only an Error gets here.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Prints the settled providers from {@code from} on up to the first still running; returns where
   * it stopped.
   */
  private int printReady(Settled[] settled, int from) {
    int next = from;
    while (next < settled.length && settled[next] != null) {
      print(settled[next++]);
    }
    return next;
  }

  private void print(Settled settled) {
    ProviderOutcome outcome = settled.outcome();
    for (String note : settled.notes()) {
      log.info(outcome.name() + ": " + note);
    }
    if (outcome.action() == Action.FAILED) {
      log.warn(outcome.describe());
    } else {
      log.info(outcome.describe());
    }
  }

  private static List<ProviderOutcome> outcomes(Settled[] settled) {
    List<ProviderOutcome> outcomes = new ArrayList<>(settled.length);
    for (Settled one : settled) {
      outcomes.add(one.outcome());
    }
    return outcomes;
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "genesys-llm-reconcile-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * The create or update of one provider, with its settling of races and lost answers. Runs on one
   * thread.
   */
  private final class ProviderChange {
    private final PlannedChange planned;
    private final DesiredProvider desired;
    private final List<String> notes = new ArrayList<>();

    /** What it was doing, for the error of a failure. */
    private String doing = "starting";

    /** The provider as last read or written, for the id of a failure. */
    private Provider lastKnown;

    private boolean recreated;

    /**
     * Whether a write of this change lost its answer: then a failure may come after it was applied.
     */
    private boolean outcomeUnknown;

    ProviderChange(PlannedChange planned) {
      this.planned = planned;
      this.desired = planned.desired();
      this.lastKnown = planned.current();
    }

    Settled run() {
      try {
        ProviderOutcome outcome =
            planned.step() == Step.CREATE
                ? create(true)
                : update(planned.current(), planned.differences(), true);
        return new Settled(outcome, notes);
      } catch (RuntimeException e) {
        String error = "while " + doing + ": " + describe(e);
        if (outcomeUnknown || e instanceof OutcomeUnknownException) {
          // the client's messages end in a full stop, ours may not
          error +=
              (error.endsWith(".") ? " A" : "; a")
                  + " change whose answer was lost may have been"
                  + " applied: run the build again, which reads the provider back rather than repeating"
                  + " the change";
        }
        return new Settled(ProviderOutcome.failed(desired.name(), lastKnown, error), notes);
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
        notes.add("the create's outcome is unknown (" + describe(e) + "): looking it up by name");
        doing = "looking it up by name after a create of unknown outcome";
        Optional<Provider> found = api.findByName(desired.name());
        if (found.isPresent()) {
          notes.add(
              "found it (id " + found.get().id() + "): adopting it rather than creating it again");
          return adopt(found.get(), Action.CREATED);
        }
        notes.add("not found, so the create was not applied: creating it again");
        return create(false);
      } catch (GenesysApiException e) {
        if (!e.is(409, "general.conflict")) {
          throw e;
        }
        notes.add(
            "its name was taken meanwhile (by another pipeline?)"
                + (e.entityId() == null ? "" : " by provider id " + e.entityId())
                + ": adopting that provider");
        doing = "reading the provider that took its name";
        Optional<Provider> holder =
            e.entityId() == null ? api.findByName(desired.name()) : readBack(e.entityId());
        return holder.isPresent() ? adopt(holder.get(), Action.UNCHANGED) : recreate();
      }
    }

    /**
     * Takes over a provider of the configured name as if the listing had shown it; one whose name
     * is not the configured one by the name rule is refused.
     */
    private ProviderOutcome adopt(Provider found, Action whenAsConfigured) {
      requireConfiguredName(found);
      PlannedChange decided = Planner.decide(desired, found, options.rotateApiKeys());
      if (decided.step() == Step.UNCHANGED) {
        return outcome(whenAsConfigured, found, List.of());
      }
      return update(found, decided.differences(), true);
    }

    private ProviderOutcome update(
        Provider current, List<Difference> differences, boolean mayRetry) {
      lastKnown = current;
      boolean rotate = options.rotateApiKeys();
      List<Difference> changes =
          new PlannedChange(desired, Step.UPDATE, current, differences, rotate).changes();
      doing = "updating it";
      try {
        Provider updated =
            api.update(
                current.id(),
                current.version(),
                desired.settings(),
                rotate ? desired.apiKey() : null);
        return outcome(Action.UPDATED, updated, changes);
      } catch (OutcomeUnknownException e) {
        if (!mayRetry) {
          throw e;
        }
        outcomeUnknown = true;
        notes.add("the update's outcome is unknown (" + describe(e) + "): reading it back");
        doing = "reading it back after an update of unknown outcome";
        Optional<Provider> now = readBack(current.id());
        if (now.isEmpty()) {
          return recreate();
        }
        requireConfiguredName(now.get());
        List<Difference> left = ProviderComparison.compare(desired.settings(), now.get());
        // The key is never read back: with one to rotate, only a newer version tells that a PUT
        // went through.
        if (left.isEmpty() && (!rotate || now.get().version() > current.version())) {
          notes.add(
              "it is as configured (version " + now.get().version() + "): the update was applied");
          return outcome(Action.UPDATED, now.get(), changes);
        }
        notes.add("the update was not applied: updating it once more");
        return update(now.get(), left, false);
      } catch (GenesysApiException e) {
        if (e.status() == 404) {
          return recreate();
        }
        if (!e.is(409, "version.mismatch") || !mayRetry) {
          throw e;
        }
        notes.add(
            "it was changed meanwhile (version "
                + current.version()
                + " is stale): reading it again");
        doing = "reading it again after a version mismatch";
        Optional<Provider> now = readBack(current.id());
        if (now.isEmpty()) {
          return recreate();
        }
        requireConfiguredName(now.get());
        List<Difference> left = ProviderComparison.compare(desired.settings(), now.get());
        if (left.isEmpty() && !rotate) {
          notes.add(
              "it is now as configured (version "
                  + now.get().version()
                  + "): nothing left to change");
          return outcome(Action.UNCHANGED, now.get(), List.of());
        }
        return update(now.get(), left, false);
      }
    }

    /**
     * Creates again a provider deleted meanwhile, once: a provider that keeps vanishing is a
     * failure.
     */
    private ProviderOutcome recreate() {
      if (recreated) {
        throw new IllegalStateException(
            "it was deleted meanwhile again after it was created again"
                + " (is another process deleting it?)");
      }
      recreated = true;
      lastKnown = null;
      notes.add("it was deleted meanwhile: creating it again");
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
      return ProviderOutcome.of(desired.name(), action, provider, changes);
    }

    /**
     * An exception's message for a log line, withheld should it ever contain the provider's key.
     */
    private String describe(RuntimeException e) {
      String message =
          e instanceof GenesysApiException || e instanceof ForeignProviderException
              ? String.valueOf(e.getMessage())
              : e.toString();
      return desired.apiKey().occursIn(message)
          ? e.getClass().getName()
              + " (its message is withheld: it contained the provider's API key)"
          : message;
    }
  }
}
