package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The loops the data-actions API calls for (contract sections 1.2, 1.4 and 11), each bounded by
 * {@value #MAX_ATTEMPTS} attempts and by the client's retry budget, whatever the server answers:
 * writes that carry a version are re-read and sent again on a version mismatch (409, 408, or 400
 * "does not match the current version", as CX as Code does); reads right after a create, or of what
 * a listing shows, wait out a 404; and the waits for what the platform shows late (an integration's
 * reported state, a deleted integration's 404, a new entity in a listing).
 */
public final class Settling {

  /** Attempts of one loop. */
  public static final int MAX_ATTEMPTS = 10;

  /** Waits out of the client's retry budget (a seam for tests). */
  public interface Patience {

    /** Sleeps {@code wait}, charged to the budget; false, without sleeping, past the budget. */
    boolean pause(Duration wait, String why);

    /** The wait before retry number {@code retries + 1}. */
    Duration backoff(int retries);

    /** The budget, as a message names it ({@code the retry budget of 120 s}). */
    String budget();
  }

  /** Patience out of {@code client}'s retry budget. */
  public static Patience patienceOf(GenesysClient client) {
    return new Patience() {
      @Override
      public boolean pause(Duration wait, String why) {
        return client.pause(wait, why);
      }

      @Override
      public Duration backoff(int retries) {
        return client.backoff(retries);
      }

      @Override
      public String budget() {
        return "the retry budget of " + client.retryBudget().toSeconds() + " s";
      }
    };
  }

  /** What an update left, and whether it had to write to get there. */
  public record Update<T>(T result, boolean written) {}

  private final DataActionsApi api;
  private final Patience patience;

  public Settling(DataActionsApi api, Patience patience) {
    this.api = Objects.requireNonNull(api, "api");
    this.patience = Objects.requireNonNull(patience, "patience");
  }

  /** Whether a refused write met a newer version than the one it sent (contract section 1.2). */
  public static boolean isVersionMismatch(GenesysApiException e) {
    return e.status() == 409
        || e.status() == 408
        || e.status() == 400
            && e.serverMessage() != null
            && e.serverMessage().contains("does not match the current version");
  }

  /**
   * Brings an integration's {@code config/current} to {@code change} of what is stored: reads it,
   * and sends it with the version read unless {@code change} leaves it as it is; on a version
   * mismatch, reads again.
   *
   * @return the configuration as stored
   */
  public Update<IntegrationConfig> updateConfig(
      String integrationId, UnaryOperator<IntegrationConfig> change) {
    for (int attempt = 0; ; attempt++) {
      IntegrationConfig current =
          afterCreate(() -> api.config(integrationId), "integration " + integrationId);
      IntegrationConfig wanted = change.apply(current);
      if (wanted.equals(current)) {
        return new Update<>(current, false);
      }
      try {
        return new Update<>(api.putConfig(integrationId, wanted), true);
      } catch (GenesysApiException e) {
        retryOnMismatch(e, attempt, "the configuration of integration " + integrationId);
      }
    }
  }

  /**
   * Brings a published action's name, category and configuration to {@code desired} ({@code PATCH}
   * with the version read), reading again on a version mismatch.
   *
   * @return the action as it is now
   * @throws GenesysApiException with status 404 when the action is gone
   */
  public Update<ActionSummary> updateAction(String id, ActionDefinition desired) {
    for (int attempt = 0; ; attempt++) {
      DataAction current = api.action(id).orElseThrow(() -> gone("data action " + id));
      if (sameConfiguration(current.definition(), desired)) {
        return new Update<>(current.summary(), false);
      }
      try {
        return new Update<>(api.updateAction(id, current.version(), desired), true);
      } catch (GenesysApiException e) {
        retryOnMismatch(e, attempt, "data action '" + desired.name() + "'");
      }
    }
  }

  /** {@link #updateAction} for an action's draft. */
  public ActionSummary updateDraft(String id, ActionDefinition desired) {
    for (int attempt = 0; ; attempt++) {
      DataAction current = api.draft(id).orElseThrow(() -> gone("the draft of data action " + id));
      if (sameConfiguration(current.definition(), desired)) {
        return current.summary();
      }
      try {
        return api.updateDraft(id, current.version(), desired);
      } catch (GenesysApiException e) {
        retryOnMismatch(e, attempt, "the draft of data action '" + desired.name() + "'");
      }
    }
  }

  /**
   * Publishes an action's draft with the draft's current version, reading it again on a mismatch.
   */
  public ActionSummary publishDraft(String id) {
    for (int attempt = 0; ; attempt++) {
      DataAction draft = api.draft(id).orElseThrow(() -> gone("the draft of data action " + id));
      try {
        return api.publish(id, draft.version());
      } catch (GenesysApiException e) {
        retryOnMismatch(e, attempt, "the draft of data action '" + draft.name() + "'");
      }
    }
  }

  /**
   * Waits until an integration reports one of {@code codes} ({@code ACTIVE}, {@code ERROR}), a 404
   * right after its creation waited out too.
   *
   * @param where the configured provider's integration, where a failure is
   * @throws GenesysApiException when it does not within the attempts or the budget
   */
  public Integration awaitReported(String id, Set<String> codes, Place where) {
    Integration last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      last =
          afterCreate(
              () -> api.integration(id).orElseThrow(() -> gone("integration " + id)),
              "integration " + id);
      if (codes.contains(last.reportedState())) {
        return last;
      }
      if (!patience.pause(
          patience.backoff(attempt), "integration " + id + " is " + last.reportedState())) {
        break;
      }
    }
    throw new GenesysApiException(
        Problem.at(
            where,
            "integration '"
                + last.name()
                + "' ("
                + id
                + ") still reports "
                + last.reportedState()
                + " instead of "
                + String.join(" or ", codes)
                + " after "
                + MAX_ATTEMPTS
                + " looks or "
                + patience.budget(),
            waitLonger()),
        null);
  }

  /**
   * Waits until a deleted integration answers 404 (a deleted one may still answer for a while).
   *
   * @param where the configured provider's integration, where a failure is
   * @throws GenesysApiException when it does not within the attempts or the budget
   */
  public void awaitIntegrationGone(String id, Place where) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (api.integration(id).isEmpty()) {
        return;
      }
      if (!patience.pause(patience.backoff(attempt), "integration " + id + " still answers")) {
        break;
      }
    }
    throw new GenesysApiException(
        Problem.at(
            where,
            "integration "
                + id
                + " was deleted but still answers after "
                + MAX_ATTEMPTS
                + " looks or "
                + patience.budget(),
            Fix.of(
                DataActionsHint.CHECK_IN_GENESYS_CLOUD,
                "check it in Genesys Cloud, then run again")),
        null);
  }

  /**
   * Waits until {@code look} finds what was just created where the next run will look for it (a new
   * entity is missing from listings for a while).
   *
   * @param where the configured provider's field it is for, where a failure is
   * @return what was found
   * @throws GenesysApiException when it is not found within the attempts or the budget
   */
  public <T> T awaitListed(String what, Place where, Supplier<Optional<T>> look) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<T> found = look.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (!patience.pause(patience.backoff(attempt), what + " is not listed yet")) {
        break;
      }
    }
    throw new GenesysApiException(
        Problem.at(
            where,
            what
                + " was created but is still not listed after "
                + MAX_ATTEMPTS
                + " looks or "
                + patience.budget()
                + ", so the next run would not find it (once listed, it will be adopted, not"
                + " created twice)",
            waitLonger()),
        null);
  }

  /**
   * Reads by id what a listing shows, waiting out the 404 a new entity answers for a while after it
   * is listed (contract section 1.4).
   *
   * @return what was read; empty when it still answers 404 after the attempts or the budget (it was
   *     deleted meanwhile and is still listed)
   */
  public <T> Optional<T> readListed(String what, Supplier<Optional<T>> read) {
    for (int attempt = 0; ; attempt++) {
      Optional<T> found = read.get();
      if (found.isPresent()
          || attempt + 1 >= MAX_ATTEMPTS
          || !patience.pause(patience.backoff(attempt), what + " is listed but answers 404")) {
        return found;
      }
    }
  }

  /**
   * Waits before look number {@code look + 1} of a loop of the caller's (bounded by {@link
   * #MAX_ATTEMPTS}).
   *
   * @return false, without waiting, when the budget is spent
   */
  public boolean pauseBefore(int look, String why) {
    return patience.pause(patience.backoff(look), why);
  }

  /**
   * Reads something that was just created, waiting out the 404 a new entity answers for a while.
   */
  public <T> T afterCreate(Supplier<T> read, String what) {
    for (int attempt = 0; ; attempt++) {
      try {
        return read.get();
      } catch (GenesysApiException e) {
        if (e.status() != 404
            || attempt + 1 >= MAX_ATTEMPTS
            || !patience.pause(patience.backoff(attempt), what + " answers 404")) {
          throw e;
        }
      }
    }
  }

  /** Whether two definitions agree on what an update can change: name, category, configuration. */
  public static boolean sameConfiguration(ActionDefinition a, ActionDefinition b) {
    return a.name().equals(b.name())
        && a.category().equals(b.category())
        && a.config().equals(b.config());
  }

  private void retryOnMismatch(GenesysApiException e, int attempt, String what) {
    if (!isVersionMismatch(e) || attempt + 1 >= MAX_ATTEMPTS) {
      throw e;
    }
    if (!patience.pause(patience.backoff(attempt), what + " has a newer version")) {
      throw e;
    }
  }

  /** Genesys Cloud is slower than the budget: wait, or give it more. */
  private static Fix waitLonger() {
    return Fix.of(
        DataActionsHint.WAIT_FOR_THE_PLATFORM,
        "run again later, or raise ",
        Setting.MAX_RETRY_TIME_SECONDS);
  }

  private static GenesysApiException gone(String what) {
    return new GenesysApiException(
        Problem.at(
            Place.NOWHERE,
            what + " is gone (404): it was deleted meanwhile",
            Fix.of(DataActionsHint.RUN_AGAIN, "run again")),
        404,
        "not.found",
        null,
        null,
        null,
        null);
  }
}
