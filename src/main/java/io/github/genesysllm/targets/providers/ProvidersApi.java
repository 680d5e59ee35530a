package io.github.genesysllm.targets.providers;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.OutcomeUnknownException;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import java.util.Optional;

/**
 * The provider resource of the contract's section 5 ({@link ProvidersClient} over HTTP). Every
 * method throws {@link GenesysApiException} when the server refuses the call or cannot be reached
 * within the retry budget, and {@link OutcomeUnknownException} when a create or update may or may
 * not have been applied.
 */
public interface ProvidersApi {

  /**
   * Every provider of the organization, in creation order, read page by page ({@code
   * pageSize=100}).
   */
  List<Provider> listAll();

  /**
   * The provider of that name by the plugin's name rule ({@link
   * io.github.genesysllm.provider.ProviderName}), through the listing's {@code name} filter.
   */
  Optional<Provider> findByName(String name);

  /** One provider; a 404 is a {@link GenesysApiException} with status 404. */
  Provider get(String id);

  /**
   * POST: never re-sent blindly after an ambiguous failure (see {@link OutcomeUnknownException}).
   */
  Provider create(ProviderSettings settings, Secret apiKey);

  /** PUT with the current {@code version}; a null {@code apiKey} keeps the stored key. */
  Provider update(String id, long version, ProviderSettings settings, Secret apiKey);

  /** DELETE. */
  void delete(String id);
}
