package io.github.genesysllm.reconcile;

import io.github.genesysllm.provider.DesiredProvider;
import java.util.List;
import java.util.function.Consumer;

/**
 * The port: what a target (an API of Genesys Cloud that can host the configured providers) does for
 * the core, which plans, runs, verifies, unregisters, exports and reports the same way for every
 * target. It works per configured provider, however many resources the target makes of one (one
 * provider; or a credential, an integration and an action per model). The core never names a path,
 * a resource type or a field of the target: it compares {@link Fields}, shows {@link Footprint}s
 * and hands back to the target the {@code R} it observed.
 *
 * <p>A target's methods throw {@link io.github.genesysllm.client.GenesysApiException} when the
 * organization cannot be read at all (then the goal stops); a failure of one provider is an
 * outcome, not an exception.
 *
 * @param <R> the target's view of what exists for one provider
 */
public interface Target<R> {

  /**
   * One look at the organization for {@code desired} (in configuration order, names already checked
   * to be distinct): what exists for each provider, matched by the name rule ({@link
   * io.github.genesysllm.provider.ProviderName}), an {@link Ambiguity} where several things match
   * one name, and how many of the target's resources no provider names. Reads only; as few requests
   * as the API allows (a no-change run sends nothing else).
   */
  Observation<R> observe(List<DesiredProvider> desired);

  /** What the configuration wants of one provider, in the form {@link Observed#fields()} has. */
  Fields fields(DesiredProvider desired);

  /**
   * Creates ({@code change.current()} null) or updates one provider as planned, and settles by
   * reading the organization whatever races or lost answers it meets (never repeating a write
   * blindly, never writing to what does not match by the name rule: throw a {@link
   * RefusedChangeException} then); what it finds meanwhile is decided as the plan would ({@link
   * Planner#decide}). Called for several providers at once, on other threads.
   *
   * @param options the run's options: {@link ReconcileOptions#rotateApiKeys()} says whether an
   *     existing provider, planned or found meanwhile, is sent its key
   * @param notes takes one line per step worth telling (an adoption, a read-back); printed before
   *     the outcome
   * @return the outcome, {@link Action#FAILED} with the reason when it failed; never a secret
   */
  ProviderOutcome apply(PlannedChange<R> change, ReconcileOptions options, Consumer<String> notes);

  /**
   * Deletes what exists for one provider ({@code current}), settling a deletion whose answer was
   * lost by reading back.
   *
   * @return {@link UnregisterAction#DELETED}, or {@link UnregisterAction#ABSENT} with a note when
   *     it was gone meanwhile
   * @throws RuntimeException when it could not be deleted: the core reports it {@link
   *     UnregisterAction#FAILED} with the exception's message, and goes on with the others
   */
  ProviderRemoval remove(DesiredProvider desired, Observed<R> current);

  /**
   * Opens what checking a provider's model end to end takes (an HTTP client of its own, or the
   * platform's test endpoint); the caller closes it.
   *
   * @throws IllegalArgumentException or {@link IllegalStateException} when it cannot start (a trust
   *     store that cannot be read), before anything is asked
   */
  Probe<R> openProbe(ProbeSettings settings);

  /**
   * Every provider the target can read back from the organization as configuration, in the
   * organization's order, and what it passed over and why.
   */
  Exported export();
}
