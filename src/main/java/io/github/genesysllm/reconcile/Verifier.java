package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.ProvidersApi;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.probe.ModelProbe;
import io.github.genesysllm.probe.ProbeResult;
import io.github.genesysllm.provider.DesiredProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks, without changing anything, that the organization's providers are as the configuration
 * says: one listing, then each configured provider is matched by name (by the name rule, as
 * register matches them; a name several providers match is {@link VerifyStatus#AMBIGUOUS}) and
 * compared field by field with {@link ProviderComparison}, as register would before an update; a
 * provider must also have a key stored ({@code apiKeyConfigured}). With a {@link ModelProbe}, the
 * model endpoint of every configured provider that exists is asked, one after the other, whether it
 * serves the configured models. Providers the configuration does not name are not looked at.
 */
public final class Verifier {

  private final ProvidersApi api;
  private final BuildLog log;

  public Verifier(ProvidersApi api, BuildLog log) {
    this.api = Objects.requireNonNull(api, "api");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** {@link #verify(List, ModelProbe)} without probing. */
  public VerifyResult verify(List<DesiredProvider> desired) {
    return verify(desired, null);
  }

  /**
   * Verifies {@code desired} (in configuration order) against the organization and logs the table
   * and the summary.
   *
   * @param probe asks each existing provider's model endpoint with the configured {@code baseUrl}
   *     and key; null not to probe
   * @throws GenesysApiException when the providers cannot be listed
   * @throws IllegalArgumentException when two configured providers have the same name by the name
   *     rule
   */
  public VerifyResult verify(List<DesiredProvider> desired, ModelProbe probe) {
    // The planner's matching is register's: a provider verified here is the one register would
    // change.
    Plan plan = Planner.plan(desired, api.listAll(), false);
    List<ProviderVerification> verified = new ArrayList<>(plan.changes().size());
    for (PlannedChange change : plan.changes()) {
      verified.add(verify(change, probe));
    }
    VerifyResult result = new VerifyResult(verified, plan.otherProviders());
    result.table().forEach(log::info);
    if (result.hasFailures()) {
      log.warn(result.summary());
    } else {
      log.info(result.summary());
    }
    return result;
  }

  private ProviderVerification verify(PlannedChange change, ModelProbe probe) {
    DesiredProvider desired = change.desired();
    if (change.step() == PlannedChange.Step.AMBIGUOUS) {
      return new ProviderVerification(
          desired.name(),
          null,
          VerifyStatus.AMBIGUOUS,
          List.of(new Difference("name", desired.name(), change.candidateList())),
          null);
    }
    if (change.current() == null) {
      return new ProviderVerification(desired.name(), null, VerifyStatus.MISSING, List.of(), null);
    }
    List<Difference> differences = new ArrayList<>(change.differences());
    if (!change.current().apiKeyConfigured()) {
      differences.add(new Difference("apiKeyConfigured", "true", "false"));
    }
    ProbeResult probed = null;
    if (probe != null) {
      log.debug("Probing " + desired.settings().baseUrl() + "/models for " + desired.name());
      probed = probe.probe(desired);
    }
    return new ProviderVerification(
        desired.name(),
        change.current().id(),
        differences.isEmpty() ? VerifyStatus.MATCHES : VerifyStatus.DRIFTED,
        differences,
        probed);
  }
}
