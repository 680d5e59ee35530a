package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.reconcile.PlannedChange.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Brings a target's providers to the configuration, like a plan and apply: one {@link Observation},
 * a {@link Plan}, then the creates and updates it calls for, several providers at once, each made
 * by the target ({@link Target#apply}), which settles its own races and lost answers. What the
 * configuration does not name is never touched.
 *
 * <p>A provider whose change fails is reported {@link Action#FAILED} with the error, and the others
 * go on. Log lines (the target's notes, then the outcome) come in configuration order whatever
 * order the changes finish in; a run that lasts logs its progress.
 */
public final class Reconciler {

  private final Target<?> target;
  private final ReconcileOptions options;
  private final BuildLog log;

  public Reconciler(Target<?> target, ReconcileOptions options, BuildLog log) {
    this.target = Objects.requireNonNull(target, "target");
    this.options = Objects.requireNonNull(options, "options");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Reconciles {@code desired} (in configuration order) with the organization.
   *
   * @throws GenesysApiException when the organization cannot be read (then nothing was changed)
   * @throws RefusedInputException when two configured providers have the same name by the name rule
   */
  public RegisterResult reconcile(List<DesiredProvider> desired) {
    return reconcile(target, desired);
  }

  private <R> RegisterResult reconcile(Target<R> target, List<DesiredProvider> desired) {
    Plan<R> plan =
        Planner.plan(target, desired, Observation.take(target, desired), options.rotateApiKeys());
    log.debug(
        "Plan: "
            + plan.count(Step.CREATE)
            + " to create, "
            + plan.count(Step.UPDATE)
            + " to update, "
            + plan.count(Step.UNCHANGED)
            + " unchanged; other providers left alone: "
            + plan.otherProviders());
    List<ProviderOutcome> outcomes = options.dryRun() ? preview(target, plan) : apply(target, plan);
    RegisterResult result = new RegisterResult(options.dryRun(), outcomes, plan.otherProviders());
    log.info(result.summary());
    return result;
  }

  private <R> List<ProviderOutcome> preview(Target<R> target, Plan<R> plan) {
    List<ProviderOutcome> outcomes = new ArrayList<>();
    for (PlannedChange<R> change : plan.changes()) {
      String name = change.desired().name();
      ProviderOutcome outcome =
          switch (change.step()) {
            case CREATE ->
                ProviderOutcome.of(
                    name, Action.WOULD_CREATE, Footprint.NONE, toSend(target, change.desired()));
            case UPDATE ->
                ProviderOutcome.of(
                    name, Action.WOULD_UPDATE, change.current().footprint(), change.changes());
            case UNCHANGED, AMBIGUOUS -> settledByPlan(change);
          };
      print(new Settled(outcome, List.of()));
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /**
   * What a create would send, in the form of an update's changes (each field from {@code
   * (absent)}), then {@code apiKey: (masked)}: the key is sent, never shown.
   */
  private static List<Difference> toSend(Target<?> target, DesiredProvider desired) {
    List<Difference> fields =
        new ArrayList<>(Fields.differences(target.fields(desired), Fields.NONE));
    fields.add(Difference.apiKeySent());
    return fields;
  }

  /** A provider the plan leaves alone: unchanged, or failed when its match is ambiguous. */
  private static ProviderOutcome settledByPlan(PlannedChange<?> change) {
    String name = change.desired().name();
    return change.step() == Step.AMBIGUOUS
        ? ProviderOutcome.failed(name, Footprint.NONE, change.ambiguity().problem(name))
        : ProviderOutcome.of(name, Action.UNCHANGED, change.current().footprint(), List.of());
  }

  /** What one provider's change came to, with the target's notes on how, for the log. */
  private record Settled(ProviderOutcome outcome, List<String> notes) {}

  private record Finished(int index, Settled settled) {}

  private <R> List<ProviderOutcome> apply(Target<R> target, Plan<R> plan) {
    List<PlannedChange<R>> changes = plan.changes();
    int total = changes.size();
    Settled[] settled = new Settled[total];
    List<Integer> toChange = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      Step step = changes.get(i).step();
      if (step == Step.UNCHANGED || step == Step.AMBIGUOUS) {
        settled[i] = new Settled(settledByPlan(changes.get(i)), List.of());
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
        PlannedChange<R> change = changes.get(index);
        finished.submit(() -> new Finished(index, run(target, change, options)));
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

  /**
   * One change, made by the target; should the target throw rather than report a failure, that is a
   * failure of this provider too.
   */
  private static <R> Settled run(
      Target<R> target, PlannedChange<R> change, ReconcileOptions options) {
    List<String> notes = new ArrayList<>();
    DesiredProvider desired = change.desired();
    try {
      return new Settled(target.apply(change, options, notes::add), notes);
    } catch (RuntimeException e) {
      Footprint at = change.current() == null ? Footprint.NONE : change.current().footprint();
      return new Settled(
          ProviderOutcome.failed(desired.name(), at, ProviderProblems.of(e, desired.apiKey())),
          notes);
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
      log.warn(outcome.describe(log.wording()));
    } else {
      log.info(outcome.describe(log.wording()));
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
}
