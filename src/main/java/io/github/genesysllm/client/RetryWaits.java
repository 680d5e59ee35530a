package io.github.genesysllm.client;

import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import java.io.IOException;
import java.time.Duration;

/**
 * What happens between the attempts of a call, under the client's one {@link RetryPolicy}: whether
 * the attempt cap and the budget allow another (else the failure to throw), the log line saying so,
 * the wait, and, before a call that is not re-sendable (a POST) and may have been applied goes
 * again, the check whether it was.
 */
final class RetryWaits {

  private final GenesysHosts hosts;
  private final RetryPolicy retryPolicy;
  private final RequestStats stats;
  private final Pacing pacing;
  private final TimeSource time;
  private final BuildLog log;
  private final ServerText text;
  private final Refusals refusals;

  RetryWaits(
      GenesysHosts hosts,
      RetryPolicy retryPolicy,
      RequestStats stats,
      Pacing pacing,
      TimeSource time,
      BuildLog log,
      ServerText text,
      Refusals refusals) {
    this.hosts = hosts;
    this.retryPolicy = retryPolicy;
    this.stats = stats;
    this.pacing = pacing;
    this.time = time;
    this.log = log;
    this.text = text;
    this.refusals = refusals;
  }

  /** After an attempt without an answer: throws, or sleeps before the next attempt. */
  void afterFault(
      ApiCall call, CallProgress progress, TransportFaults.Fault fault, IOException cause) {
    Place.Request place = hosts.placeOf(call);
    if (fault.kind() == TransportFaults.Kind.FINAL) {
      throw new GenesysApiException(
          Problem.at(place, fault.description() + ".", fault.fix()), cause);
    }
    RetryPolicy.Wait wait = retryPolicy.waitFor(null, progress.retries);
    if (fault.kind() == TransportFaults.Kind.MAYBE_APPLIED) {
      progress.ambiguousEarlier = fault.description();
      if (!call.resendable()) {
        settleBeforeResending(
            call,
            progress,
            wait,
            capitalized(fault.description()),
            new OutcomeUnknownException(
                Problem.at(
                    place,
                    fault.description()
                        + " after the request was sent, so the "
                        + call.subject()
                        + " may or may not have been created.",
                    Refusals.settleByLookup(call, "It is not sent again blindly: ")),
                0,
                cause));
        return;
      }
    }
    String refusal = chargeBudget(progress, wait);
    if (refusal != null) {
      throw new GenesysApiException(
          Problem.at(place, fault.description() + ". " + refusal, fault.fix()), cause);
    }
    progress.retries++;
    log.warn(waiting(capitalized(fault.description()), call, wait, "", progress));
    sleep(call, wait.duration());
  }

  /** After a 429 or a transient 5xx: throws, or sleeps before the next attempt. */
  void afterAnswer(ApiCall call, HttpTransport.Answer answer, CallProgress progress) {
    int status = answer.status();
    Duration retryAfter =
        status == 429 || status == 503
            ? RetryAfter.parse(answer.header("Retry-After"), time.now())
            : null;
    RetryPolicy.Wait wait = retryPolicy.waitFor(retryAfter, progress.retries);
    if (status == 429) {
      stats.rateLimited();
      // every worker learns from it, whether or not this call is tried again
      pacing.rateLimited(call, text.errorBody(call, answer).message(), wait.duration());
    } else {
      progress.ambiguousEarlier = "HTTP " + status;
      if (!call.resendable()) {
        settleBeforeResending(
            call,
            progress,
            wait,
            String.valueOf(status),
            refusals.createMayHaveApplied(call, answer));
        return;
      }
    }
    String refusal = chargeBudget(progress, wait);
    if (refusal != null) {
      throw refusals.refused(call, answer, refusal);
    }
    progress.retries++;
    String line = waiting(String.valueOf(status), call, wait, "", progress);
    if (status == 429) {
      log.info(line);
    } else {
      log.warn(line);
    }
    sleep(call, wait.duration());
  }

  /**
   * After an attempt of a call that is not re-sendable (a POST) that may have been applied: waits
   * as before any retry, then asks the call's check whether it was applied, and returns (the call
   * is sent again) only when it was not. Throws {@code unknown}, for the caller to settle, when the
   * call has no check, when it was applied, when the budget does not cover the wait, or when the
   * check fails.
   */
  private void settleBeforeResending(
      ApiCall call,
      CallProgress progress,
      RetryPolicy.Wait wait,
      String what,
      OutcomeUnknownException unknown) {
    if (progress.appliedCheck == null) {
      throw unknown;
    }
    String refusal = chargeBudget(progress, wait);
    if (refusal != null) {
      throw unknown.adding(refusal, unknown.getCause());
    }
    progress.retries++;
    log.warn(
        waiting(
            what,
            call,
            wait,
            ", then checking whether it was applied before sending it again",
            progress));
    sleep(call, wait.duration());
    boolean applied;
    try {
      applied = progress.appliedCheck.applied();
    } catch (GenesysApiException e) {
      throw unknown.adding("Checking whether it was applied failed too: " + e.getMessage(), e);
    }
    if (applied) {
      throw unknown;
    }
    log.info(hosts.where(call) + " was not applied: sending it again");
  }

  /**
   * The log line of a retry: {@code 503 on GET /x: waiting 2 s (Retry-After) — retry 1, 118 s of
   * budget left}, {@code then} said after the wait.
   */
  private String waiting(
      String what, ApiCall call, RetryPolicy.Wait wait, String then, CallProgress progress) {
    return what
        + " on "
        + hosts.where(call)
        + ": waiting "
        + Seconds.of(wait.duration())
        + " ("
        + wait.why()
        + ")"
        + then
        + " — retry "
        + progress.retries
        + ", "
        + Seconds.of(retryPolicy.budgetLeft())
        + " of budget left";
  }

  /**
   * Charges the call's time so far and the wait before its next attempt to the budget. Answers null
   * when the call may be tried again, else the sentence saying why not (nothing charged).
   */
  private String chargeBudget(CallProgress progress, RetryPolicy.Wait wait) {
    String refusal = retryPolicy.refusal(progress.firstAttemptNanos, progress.attempts, wait);
    if (refusal == null) {
      stats.retry();
    }
    return refusal;
  }

  /**
   * Waits out of the retry budget, for a caller that polls until the server shows a change it made
   * (eventual consistency) or re-reads after a version conflict. Answers false, without waiting,
   * when the budget does not cover the wait.
   */
  boolean pause(Duration wait, String why) {
    if (!retryPolicy.chargeWait(wait)) {
      return false;
    }
    stats.waited();
    log.debug(
        "Waiting "
            + Seconds.of(wait)
            + " ("
            + why
            + "), "
            + Seconds.of(retryPolicy.budgetLeft())
            + " of budget left");
    try {
      time.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenesysApiException(
          Problem.at(Place.NOWHERE, "interrupted while waiting (" + why + ")", null), e);
    }
    return true;
  }

  private void sleep(ApiCall call, Duration wait) {
    try {
      time.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenesysApiException(
          Problem.at(hosts.placeOf(call), "interrupted while waiting to retry", null), e);
    }
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
