package io.github.genesysllm.targets.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.ApiAnswer;
import io.github.genesysllm.client.ApiRequest;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderId;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provider resource over HTTP, at the client's {@link
 * io.github.genesysllm.client.ClientOptions#providersPath() providersPath}: requests built and
 * answers read as the contract says, each representation checked field by field. Thread-safe, as
 * its {@link GenesysClient} is.
 */
public final class ProvidersClient implements ProvidersApi {

  private static final int PAGE_SIZE = 100;

  /** The most pages a listing is read to: 100 000 providers, far more than an organization has. */
  public static final int MAX_PAGES = 1_000;

  private static final String LISTING = "the contract's listing (an object with 'entities')";
  private static final String REPRESENTATION = "the contract's provider representation";

  private final GenesysClient client;
  private final String providersPath;

  public ProvidersClient(GenesysClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.providersPath = client.options().providersPath();
  }

  @Override
  public List<Provider> listAll() {
    return list(null);
  }

  @Override
  public Optional<Provider> findByName(String name) {
    Objects.requireNonNull(name, "name");
    // the filter is the server's, its case folding too: only the plugin's name rule decides
    List<Provider> found = new ArrayList<>();
    for (Provider p : list(name)) {
      if (ProviderName.same(p.name(), name)) {
        found.add(p);
      }
    }
    if (found.size() > 1) {
      throw new GenesysApiException(
          "The server listed "
              + found.size()
              + " providers whose names are '"
              + name
              + "' by the plugin's name rule (case and Unicode compatibility forms ignored): "
              + found.stream()
                  .map(p -> "'" + p.name() + "' (id " + p.id() + ")")
                  .collect(Collectors.joining(", "))
              + "; which one is meant cannot be told: rename or delete all but one of them.",
          null);
    }
    return found.stream().findFirst();
  }

  @Override
  public Provider get(String id) {
    return representation(client.send(ApiRequest.get(itemPath(id))));
  }

  @Override
  public Provider create(ProviderSettings settings, Secret apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    ApiRequest post =
        ApiRequest.post(providersPath, ProviderJson.toRequestBody(settings, apiKey, null), apiKey);
    // after an attempt that may have been applied, the POST goes again only once a lookup shows it
    // was not
    return representation(client.send(post, () -> findByName(settings.name()).isPresent()));
  }

  @Override
  public Provider update(String id, long version, ProviderSettings settings, Secret apiKey) {
    return representation(
        client.send(
            ApiRequest.put(
                itemPath(id), ProviderJson.toRequestBody(settings, apiKey, version), apiKey)));
  }

  @Override
  public void delete(String id) {
    // a 404 comes back only when an earlier attempt of this DELETE already did it
    client.send(ApiRequest.delete(itemPath(id)));
  }

  /**
   * Every page of the listing, optionally filtered by name; the page number is ours, not nextUri's.
   * Bounded whatever the server answers: it ends at an empty page, a page without {@code nextUri},
   * the page the server's own {@code pageCount} says is the last, or once the server's {@code
   * total} of providers is read; a page that repeats a provider, or a listing still going after
   * {@value #MAX_PAGES} pages, is a bad answer.
   */
  private List<Provider> list(String name) {
    List<Provider> providers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String filter = name == null ? "" : "&name=" + ApiRequest.encode(name);
    for (int page = 1; ; page++) {
      ApiAnswer answer =
          client.send(
              ApiRequest.get(
                  providersPath + "?pageSize=" + PAGE_SIZE + "&pageNumber=" + page + filter));
      JsonNode body = answer.json(LISTING);
      JsonNode entities = body.get("entities");
      if (!body.isObject() || entities == null || !entities.isArray()) {
        throw answer.badBody(LISTING, "it has no 'entities' list", null);
      }
      long pageCount = count(answer, body, "pageCount");
      long total = count(answer, body, "total");
      for (int i = 0; i < entities.size(); i++) {
        Provider provider = provider(answer, entities.get(i), LISTING, "entities[" + i + "]: ");
        if (!seen.add(provider.id())) {
          throw answer.badBody(
              LISTING,
              "provider "
                  + provider.id()
                  + " was listed before: "
                  + "the server does not page by pageNumber",
              null);
        }
        providers.add(provider);
      }
      JsonNode next = body.get("nextUri");
      if (entities.isEmpty()
          || next == null
          || next.isNull()
          || next.asText().isEmpty()
          || (pageCount >= 0 && page >= pageCount)
          || (total >= 0 && providers.size() >= total)) {
        return providers;
      }
      if (page >= MAX_PAGES) {
        throw answer.badBody(
            LISTING,
            "it still names a next page after "
                + MAX_PAGES
                + " pages ("
                + providers.size()
                + " providers), the most the plugin reads",
            null);
      }
    }
  }

  /** A listing's {@code pageCount} or {@code total}: -1 when absent, else a whole number from 0. */
  private static long count(ApiAnswer answer, JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return -1;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw answer.badBody(LISTING, "its '" + field + "' is not a whole number from 0", null);
    }
    return value.asLong();
  }

  private static Provider representation(ApiAnswer answer) {
    return provider(answer, answer.json(REPRESENTATION), REPRESENTATION, "");
  }

  private static Provider provider(ApiAnswer answer, JsonNode node, String expected, String where) {
    try {
      return ProviderJson.fromRepresentation(node);
    } catch (IllegalArgumentException e) {
      throw answer.badBody(expected, where + e.getMessage(), e);
    }
  }

  /**
   * The path of one provider. An id is the server's (from a listing, or a 409's {@code entityId}):
   * one that is not a safe path segment is refused before any request is made with it.
   */
  private String itemPath(String id) {
    Objects.requireNonNull(id, "id");
    try {
      return providersPath + "/" + ProviderId.asPathSegment(id);
    } catch (IllegalArgumentException e) {
      throw new GenesysApiException(
          "The server named a provider by the id '"
              + id
              + "', which cannot be used in a request: "
              + e.getMessage()
              + ". Check that the API URL is Genesys Cloud's.",
          null);
    }
  }
}
