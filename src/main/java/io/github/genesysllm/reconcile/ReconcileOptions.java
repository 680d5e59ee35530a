package io.github.genesysllm.reconcile;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.problem.Setting;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Reconciler} runs: {@code dryRun} sends nothing but the listing; {@code
 * rotateApiKeys} sends each configured key to its existing provider too (otherwise an existing
 * provider keeps its stored key); {@code concurrency} is how many providers are changed at once; a
 * run that lasts longer than {@code progressInterval} logs its progress at most once per interval;
 * {@code allowRecreate} lets a target delete and create again what it cannot change in place (which
 * gives it a new id); with {@code probe}, a target that can check a change end to end before it
 * takes effect does so.
 */
public record ReconcileOptions(
    boolean dryRun,
    boolean rotateApiKeys,
    int concurrency,
    Duration progressInterval,
    boolean allowRecreate,
    boolean probe) {

  public static final int DEFAULT_CONCURRENCY = 4;

  /** More threads than this only meet the server's rate limit sooner. */
  public static final int MAX_CONCURRENCY = 64;

  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);

  public ReconcileOptions {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new RefusedInputException(
          Problem.at(
              new Place.OfSetting(Setting.CONCURRENCY),
              concurrency + " providers changed at once is out of range",
              Fix.of(
                  ReconcileHint.OPTION_IN_RANGE,
                  "give it a whole number from 1 to " + MAX_CONCURRENCY)));
    }
    Objects.requireNonNull(progressInterval, "progressInterval");
    if (progressInterval.isNegative() || progressInterval.isZero()) {
      throw new IllegalArgumentException(
          "progressInterval must be positive, got " + progressInterval);
    }
  }

  /**
   * No dry run, no key rotation, {@value #DEFAULT_CONCURRENCY} at once, progress every 5 seconds,
   * nothing recreated, nothing probed.
   */
  public static ReconcileOptions defaults() {
    return new ReconcileOptions(
        false, false, DEFAULT_CONCURRENCY, DEFAULT_PROGRESS_INTERVAL, false, false);
  }

  public ReconcileOptions withDryRun(boolean dryRun) {
    return new ReconcileOptions(
        dryRun, rotateApiKeys, concurrency, progressInterval, allowRecreate, probe);
  }

  public ReconcileOptions withRotateApiKeys(boolean rotateApiKeys) {
    return new ReconcileOptions(
        dryRun, rotateApiKeys, concurrency, progressInterval, allowRecreate, probe);
  }

  public ReconcileOptions withConcurrency(int concurrency) {
    return new ReconcileOptions(
        dryRun, rotateApiKeys, concurrency, progressInterval, allowRecreate, probe);
  }

  public ReconcileOptions withProgressInterval(Duration progressInterval) {
    return new ReconcileOptions(
        dryRun, rotateApiKeys, concurrency, progressInterval, allowRecreate, probe);
  }

  public ReconcileOptions withAllowRecreate(boolean allowRecreate) {
    return new ReconcileOptions(
        dryRun, rotateApiKeys, concurrency, progressInterval, allowRecreate, probe);
  }

  public ReconcileOptions withProbe(boolean probe) {
    return new ReconcileOptions(
        dryRun, rotateApiKeys, concurrency, progressInterval, allowRecreate, probe);
  }
}
