package io.github.genesysllm.targets.providers;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.reconcile.RefusedChangeException;

/**
 * The server pointed at a provider (the holder of a name after a 409, one read again after a race)
 * whose name is not the configured one by the plugin's name rule ({@link ProviderName}): it is not
 * proven to be the configured provider, so nothing is written to it and that provider fails. The
 * problem is at the configured provider's name.
 */
final class ForeignProviderException extends RefusedChangeException {

  private static final long serialVersionUID = 1L;

  ForeignProviderException(String configuredName, Provider found) {
    super(
        Problem.at(
            new Place.OfProvider(configuredName, "name"),
            "the server pointed at provider "
                + found.id()
                + " named '"
                + found.name()
                + "', but that is not the configured name '"
                + configuredName
                + "' by the plugin's name rule (case and Unicode compatibility forms ignored), so"
                + " it was not adopted and nothing was written to it",
            Fix.of(
                ProvidersHint.RENAME_OR_CHOOSE_ANOTHER_NAME,
                "if it is this provider, give it the configured name in Genesys Cloud; otherwise"
                    + " choose another name")));
  }
}
