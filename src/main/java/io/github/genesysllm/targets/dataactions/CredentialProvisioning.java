package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.List;
import java.util.function.Consumer;

/**
 * The provider's credential of a {@link ProviderProvisioning}, and the integration's configuration
 * that maps it: found or created, its twins settled, mapped under the plugin's mark.
 */
final class CredentialProvisioning {

  private final DataActionsApi api;
  private final Settling settling;
  private final DesiredProvider desired;
  private final ProviderSettings settings;
  private final ProvisionOptions options;
  private final Consumer<String> notes;
  private final Place at;
  private boolean wrote;

  /**
   * @param at where the credential's problems are (the provider's {@code credential} field)
   */
  CredentialProvisioning(
      DataActionsApi api,
      Settling settling,
      DesiredProvider desired,
      ProvisionOptions options,
      Consumer<String> notes,
      Place at) {
    this.api = api;
    this.settling = settling;
    this.desired = desired;
    this.settings = desired.settings();
    this.options = options;
    this.notes = notes;
    this.at = at;
  }

  /** Whether this run wrote the credential or the configuration. */
  boolean wrote() {
    return wrote;
  }

  /**
   * The provider's credential, mapped in the integration's configuration: the provider's of
   * smallest id (created, with the key, when there is none), its twins deleted ({@link
   * #settleCredential}). The key is sent to an existing credential only when keys are rotated.
   */
  Credential settle(String integrationId) {
    String name = DataActionNames.credential(settings);
    List<Credential> ours = Identities.credentials(api.credentials(), name);
    if (ours.isEmpty()) {
      Credential mine = api.createCredential(name, desired.apiKey());
      wrote = true;
      notes.accept("created credential '" + name + "' (" + mine.id() + ")");
      ours =
          settling.awaitListed(
              "credential '" + name + "'",
              at,
              () ->
                  ProviderProvisioning.listedWith(
                      Identities.credentials(api.credentials(), name), Credential::id, mine.id()));
      if (ours.stream().noneMatch(c -> c.id().equals(mine.id()))) {
        deleteCredentialTwin(mine, ours.get(0).id()); // not listed yet: deleted by its id
      }
    } else if (options.rotateApiKey()) {
      api.updateCredential(ours.get(0).id(), name, desired.apiKey());
      wrote = true;
      notes.accept("sent the API key to credential '" + name + "' (" + ours.get(0).id() + ")");
    }
    return settleCredential(integrationId, name, ours);
  }

  /**
   * Maps the listed credential of smallest id and deletes its twins, listing again until a look
   * finds the mapping as it should be and every twin deleted (or in use elsewhere): a racing build
   * that listed before a twin of smaller id existed maps its own meanwhile, or deletes the one this
   * run was about to map, so a run that wrote looks once more. Bounded by the attempts and the
   * budget.
   *
   * @param ours the provider's credentials as last listed, smallest id first
   */
  private Credential settleCredential(String integrationId, String name, List<Credential> ours) {
    String what = "credential '" + name + "'";
    boolean contended = false;
    for (int look = 0; look < Settling.MAX_ATTEMPTS; look++) {
      if (look > 0) {
        if (contended && !settling.pauseBefore(look - 1, what + " has twins still changing")) {
          break;
        }
        ours = Identities.credentials(api.credentials(), name);
      }
      contended = ours.isEmpty(); // what a racer kept is not listed yet
      if (contended) {
        continue;
      }
      Credential kept = ours.get(0);
      boolean mapped;
      try {
        mapped = settling.updateConfig(integrationId, c -> configured(c, kept.id())).written();
      } catch (GenesysApiException e) {
        // a 400 naming a credential a racing build deleted (it listed a twin of smaller id)
        if (e.status() != 400
            || Identities.credentials(api.credentials(), name).stream()
                .anyMatch(c -> c.id().equals(kept.id()))) {
          throw e;
        }
        contended = true;
        continue;
      }
      wrote |= mapped;
      for (Credential twin : ours.subList(1, ours.size())) {
        contended |= !deleteCredentialTwin(twin, kept.id());
      }
      if (!mapped) {
        return kept; // found mapped after this run's last write: what racers do later, they settle
      }
    }
    throw new ProvisioningFailure(
        Problem.at(
            at,
            "the provider's credentials '"
                + name
                + "' ("
                + String.join(", ", ours.stream().map(Credential::id).toList())
                + ") were still changing under racing builds after "
                + Settling.MAX_ATTEMPTS
                + " looks",
            Fix.of(DataActionsHint.RUN_AGAIN, "run again")));
  }

  /** False when the twin is in use (409): mapped by a racing build, or by another integration. */
  private boolean deleteCredentialTwin(Credential twin, String kept) {
    try {
      if (api.deleteCredential(twin.id())) {
        wrote = true;
        notes.accept("deleted credential " + twin.id() + ", a twin of " + kept);
      }
      return true;
    } catch (GenesysApiException e) {
      if (e.status() != 409) {
        throw e;
      }
      notes.accept("left credential " + twin.id() + ", a twin of " + kept + ": it is in use");
      return false;
    }
  }

  /** The configuration with the provider's name, the plugin's mark and the credential mapped. */
  private IntegrationConfig configured(IntegrationConfig config, String credentialId) {
    IntegrationConfig mapped = config.withCredential(credentialId);
    return new IntegrationConfig(
        DataActionNames.integration(settings),
        mapped.version(),
        ProviderProvisioning.MARK,
        mapped.properties(),
        mapped.advanced(),
        mapped.credentialIds());
  }
}
