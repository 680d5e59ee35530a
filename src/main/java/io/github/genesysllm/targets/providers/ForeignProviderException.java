package io.github.genesysllm.targets.providers;

import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.reconcile.RefusedChangeException;

/**
 * The server pointed at a provider (the holder of a name after a 409, one read again after a race)
 * whose name is not the configured one by the plugin's name rule ({@link ProviderName}): it is not
 * proven to be the configured provider, so nothing is written to it and that provider fails.
 */
final class ForeignProviderException extends RefusedChangeException {

  ForeignProviderException(String configuredName, Provider found) {
    super(
        "the server pointed at provider "
            + found.id()
            + " named '"
            + found.name()
            + "', but that is not the configured name '"
            + configuredName
            + "' by the plugin's name rule (case and Unicode compatibility forms ignored), so it"
            + " was not adopted and nothing was written to it. If it is this provider, give it the"
            + " configured name in Genesys Cloud; otherwise choose another name");
  }
}
