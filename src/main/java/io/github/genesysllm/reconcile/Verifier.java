package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.provider.DesiredProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks, without changing anything, that a target's providers are as the configuration says: one
 * {@link Observation}, then each configured provider that exists is compared field by field ({@link
 * Fields#differences}, as register compares before an update), and the target's {@link
 * Observed#defects() defects} are added (a provider without a stored key); one whose name several
 * things match is {@link VerifyStatus#AMBIGUOUS}. With probing, the model of every configured
 * provider that exists is checked end to end, one after the other. What the configuration does not
 * name is not looked at.
 */
public final class Verifier {

  private final Target<?> target;
  private final BuildLog log;

  public Verifier(Target<?> target, BuildLog log) {
    this.target = Objects.requireNonNull(target, "target");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** {@link #verify(List, ProbeSettings)} without probing. */
  public VerifyResult verify(List<DesiredProvider> desired) {
    return verify(desired, null);
  }

  /**
   * Verifies {@code desired} (in configuration order) against the organization and logs the table
   * and the summary.
   *
   * @param probe how to probe each existing provider's model (opened before the organization is
   *     read, so that a probe that cannot start stops the goal first); null not to probe
   * @throws GenesysApiException when the organization cannot be read
   * @throws RefusedInputException when two configured providers have the same name by the name rule
   * @throws ProbeUnavailableException when the probe cannot start
   */
  public VerifyResult verify(List<DesiredProvider> desired, ProbeSettings probe) {
    VerifyResult result = verify(target, desired, probe);
    result.table().forEach(log::info);
    if (result.hasFailures()) {
      log.warn(result.summary());
    } else {
      log.info(result.summary());
    }
    return result;
  }

  private static <R> VerifyResult verify(
      Target<R> target, List<DesiredProvider> desired, ProbeSettings settings) {
    try (Probe<R> probe = settings == null ? null : open(target, settings)) {
      Observation<R> seen = Observation.take(target, desired);
      List<ProviderVerification> verified = new ArrayList<>(desired.size());
      for (int i = 0; i < desired.size(); i++) {
        Ambiguity ambiguity = seen.ambiguities().get(i);
        verified.add(
            ambiguity != null
                ? ambiguous(desired.get(i), ambiguity)
                : verify(target, desired.get(i), seen.matches().get(i), probe));
      }
      return new VerifyResult(verified, seen.others());
    }
  }

  /** A provider whose name several things match: none of them is checked. */
  private static ProviderVerification ambiguous(DesiredProvider desired, Ambiguity ambiguity) {
    return new ProviderVerification(
        desired.name(),
        null,
        VerifyStatus.AMBIGUOUS,
        List.of(new Difference("name", desired.name(), ambiguity.candidateList())),
        null);
  }

  private static <R> Probe<R> open(Target<R> target, ProbeSettings settings) {
    try {
      return target.openProbe(settings);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ProbeUnavailableException(e);
    }
  }

  private static <R> ProviderVerification verify(
      Target<R> target, DesiredProvider desired, Observed<R> current, Probe<R> probe) {
    if (current == null) {
      return new ProviderVerification(desired.name(), null, VerifyStatus.MISSING, List.of(), null);
    }
    List<Difference> differences =
        new ArrayList<>(Fields.differences(target.fields(desired), current.fields()));
    differences.addAll(current.defects());
    return new ProviderVerification(
        desired.name(),
        current.footprint().id(),
        current.footprint().resourceIds(),
        differences.isEmpty() ? VerifyStatus.MATCHES : VerifyStatus.DRIFTED,
        differences,
        probe == null ? null : probe.probe(desired, current));
  }
}
