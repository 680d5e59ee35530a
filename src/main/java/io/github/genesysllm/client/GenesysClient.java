package io.github.genesysllm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderId;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP client of Genesys Cloud's provider resource (the wire contract), with one retry policy
 * for every call: see {@link ClientOptions} for the budget and pacing. Thread-safe: parallel
 * provider changes share one client, its connection pool, token, pacing and retry budget.
 */
public final class GenesysClient implements ProvidersApi, AutoCloseable {

  static final String TOKENS_ME_PATH = "/api/v2/tokens/me";
  private static final int PAGE_SIZE = 100;

  /** The most pages a listing is read to: 100 000 providers, far more than an organization has. */
  static final int MAX_PAGES = 1_000;

  private static final String LISTING = "the contract's listing (an object with 'entities')";
  private static final String REPRESENTATION = "the contract's provider representation";

  private final CallExecutor executor;
  private final ErrorMessages errors;
  private final String providersPath;

  public GenesysClient(
      GenesysHosts hosts, OAuthCredentials credentials, ClientOptions options, BuildLog log) {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(log, "log");
    this.executor = new CallExecutor(hosts, credentials, options, log);
    this.errors = executor.errors();
    this.providersPath = options.providersPath();
  }

  /**
   * Who the token belongs to ({@code GET /api/v2/tokens/me}): organization, OAuth client, scopes.
   */
  public Identity identity() {
    ApiCall call = ApiCall.api("GET", TOKENS_ME_PATH);
    HttpTransport.Answer answer = executor.execute(call);
    String expected = "the contract's token description (organization, authorizedScope)";
    JsonNode body = errors.readJson(call, answer, expected);
    JsonNode organization = body.path("organization");
    if (!organization.path("id").isTextual()) {
      throw errors.badBody(call, answer, expected, "it has no organization.id", null);
    }
    JsonNode scopes = body.path("authorizedScope");
    if (!scopes.isArray()) {
      throw errors.badBody(call, answer, expected, "its authorizedScope is not a list", null);
    }
    List<String> scopeNames = new ArrayList<>();
    scopes.forEach(s -> scopeNames.add(s.asText()));
    JsonNode client = body.path("OAuthClient");
    return new Identity(
        organization.get("id").asText(),
        organization.path("name").asText(null),
        client.path("id").asText(null),
        client.path("name").asText(null),
        scopeNames);
  }

  /** What this client sent so far, for the build's summary line. */
  public RequestStats stats() {
    return executor.stats();
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
    ApiCall call = ApiCall.api("GET", itemPath(id));
    return representation(call, executor.execute(call));
  }

  @Override
  public Provider create(ProviderSettings settings, Secret apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    ApiCall call =
        ApiCall.apiWithBody(
            "POST",
            providersPath,
            json(ProviderJson.toRequestBody(settings, apiKey, null)),
            apiKey);
    // after an attempt that may have been applied, the POST goes again only once a lookup shows it
    // was not
    return representation(
        call, executor.execute(call, () -> findByName(settings.name()).isPresent()));
  }

  @Override
  public Provider update(String id, long version, ProviderSettings settings, Secret apiKey) {
    ApiCall call =
        ApiCall.apiWithBody(
            "PUT",
            itemPath(id),
            json(ProviderJson.toRequestBody(settings, apiKey, version)),
            apiKey);
    return representation(call, executor.execute(call));
  }

  @Override
  public void delete(String id) {
    // a 404 comes back only when an earlier attempt of this DELETE already did it
    executor.execute(ApiCall.api("DELETE", itemPath(id)));
  }

  @Override
  public void close() {
    try {
      executor.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close the HTTP connections to Genesys Cloud", e);
    }
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
    String filter = name == null ? "" : "&name=" + encode(name);
    for (int page = 1; ; page++) {
      ApiCall call =
          ApiCall.api(
              "GET", providersPath + "?pageSize=" + PAGE_SIZE + "&pageNumber=" + page + filter);
      HttpTransport.Answer answer = executor.execute(call);
      JsonNode body = errors.readJson(call, answer, LISTING);
      JsonNode entities = body.get("entities");
      if (!body.isObject() || entities == null || !entities.isArray()) {
        throw errors.badBody(call, answer, LISTING, "it has no 'entities' list", null);
      }
      long pageCount = count(call, answer, body, "pageCount");
      long total = count(call, answer, body, "total");
      for (int i = 0; i < entities.size(); i++) {
        Provider provider =
            provider(call, answer, entities.get(i), LISTING, "entities[" + i + "]: ");
        if (!seen.add(provider.id())) {
          throw errors.badBody(
              call,
              answer,
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
        throw errors.badBody(
            call,
            answer,
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
  private long count(ApiCall call, HttpTransport.Answer answer, JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return -1;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw errors.badBody(
          call, answer, LISTING, "its '" + field + "' is not a whole number from 0", null);
    }
    return value.asLong();
  }

  private Provider representation(ApiCall call, HttpTransport.Answer answer) {
    return provider(
        call, answer, errors.readJson(call, answer, REPRESENTATION), REPRESENTATION, "");
  }

  private Provider provider(
      ApiCall call, HttpTransport.Answer answer, JsonNode node, String expected, String where) {
    try {
      return ProviderJson.fromRepresentation(node);
    } catch (IllegalArgumentException e) {
      throw errors.badBody(call, answer, expected, where + e.getMessage(), e);
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

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] json(JsonNode body) {
    try {
      return ProviderJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
