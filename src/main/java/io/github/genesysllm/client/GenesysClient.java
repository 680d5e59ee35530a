package io.github.genesysllm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.genesysllm.log.BuildLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The HTTP client of Genesys Cloud's API: who the token is ({@link #identity()}), and any request a
 * target makes ({@link #send}), all under one retry policy: see {@link ClientOptions} for the
 * budget and pacing. It knows no resource: each target builds its requests and reads its answers.
 * Thread-safe: parallel changes share one client, its connection pool, token, pacing and retry
 * budget.
 */
public final class GenesysClient implements AutoCloseable {

  static final String TOKENS_ME_PATH = "/api/v2/tokens/me";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ClientOptions options;
  private final CallExecutor executor;
  private final AnswerReader reader;

  public GenesysClient(
      GenesysHosts hosts, OAuthCredentials credentials, ClientOptions options, BuildLog log) {
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(credentials, "credentials");
    this.options = Objects.requireNonNull(options, "options");
    Objects.requireNonNull(log, "log");
    this.executor = new CallExecutor(hosts, credentials, options, log);
    this.reader = executor.reader();
  }

  /** How it was configured. */
  public ClientOptions options() {
    return options;
  }

  /**
   * Who the token belongs to ({@code GET /api/v2/tokens/me}): organization, OAuth client, scopes.
   */
  public Identity identity() {
    ApiCall call = ApiCall.api("GET", TOKENS_ME_PATH);
    HttpTransport.Answer answer = executor.execute(call);
    String expected = "the contract's token description (organization, authorizedScope)";
    JsonNode body = reader.readJson(call, answer, expected);
    JsonNode organization = body.path("organization");
    if (!organization.path("id").isTextual()) {
      throw reader.badBody(call, answer, expected, "it has no organization.id", null);
    }
    JsonNode scopes = body.path("authorizedScope");
    if (!scopes.isArray()) {
      throw reader.badBody(call, answer, expected, "its authorizedScope is not a list", null);
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

  /**
   * {@link #send(ApiRequest, BooleanSupplier)} without a check: a POST that may have been applied
   * is not sent again.
   */
  public ApiAnswer send(ApiRequest request) {
    return send(request, null);
  }

  /**
   * Sends the request until it gets a 2xx answer, and returns that. A DELETE that meets a 404 after
   * an earlier attempt that may have been applied returns that 404: the earlier attempt deleted it.
   *
   * @param appliedCheck for a POST: asked, after an attempt that may have been applied, whether it
   *     was (a lookup of what it creates); the POST goes again only when it says no. Null: the POST
   *     is never sent again
   * @throws OutcomeUnknownException when a change may or may not have been applied
   * @throws GenesysApiException for any other failure
   */
  public ApiAnswer send(ApiRequest request, BooleanSupplier appliedCheck) {
    ApiCall call =
        (request.body() == null
                ? ApiCall.api(request.method(), request.pathAndQuery())
                : ApiCall.apiWithBody(
                    request.method(),
                    request.pathAndQuery(),
                    json(request.body()),
                    request.secret()))
            .about(request.subject(), request.hints())
            .accepting(request.accept());
    HttpTransport.Answer answer =
        executor.execute(call, appliedCheck == null ? null : appliedCheck::getAsBoolean);
    return new ApiAnswer(reader, call, answer);
  }

  /**
   * Waits out of the client's retry budget, for a target that polls until the server shows a change
   * it made (eventual consistency) or re-reads after a version conflict; false, without waiting,
   * when the budget does not cover the wait.
   */
  public boolean pause(Duration wait, String why) {
    return executor.pause(wait, why);
  }

  /** The wait before retry number {@code retries + 1}, as the client backs off. */
  public Duration backoff(int retries) {
    return executor.backoff(retries);
  }

  /** The retry budget's total. */
  public Duration retryBudget() {
    return executor.budgetTotal();
  }

  @Override
  public void close() {
    try {
      executor.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close the HTTP connections to Genesys Cloud", e);
    }
  }

  private static byte[] json(JsonNode body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
