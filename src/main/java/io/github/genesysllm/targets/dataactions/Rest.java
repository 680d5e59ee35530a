package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.ApiAnswer;
import io.github.genesysllm.client.ApiRequest;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.RefusalHints;
import io.github.genesysllm.provider.ProviderId;
import io.github.genesysllm.secret.Secret;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The data-actions API's requests through the client's one policy ({@link GenesysClient#send}:
 * token, pacing, retries out of one budget, never a blind re-send of a POST, correlation ids,
 * secrets redacted), each saying what it acts on and worded by {@link DataActionsHints}, answers
 * read by this package's parsers.
 */
final class Rest {

  private final GenesysClient client;
  private final RefusalHints hints;

  Rest(GenesysClient client, RefusalHints hints) {
    this.client = Objects.requireNonNull(client, "client");
    this.hints = Objects.requireNonNull(hints, "hints");
  }

  /**
   * Reads a JSON answer: {@code parse} throws {@link IllegalArgumentException} saying what is wrong
   * when it is not {@code expected}.
   *
   * @throws io.github.genesysllm.client.GenesysApiException for a refusal (a 404 has status 404) or
   *     a body that is not {@code expected}
   */
  <T> T get(String pathAndQuery, String subject, String expected, Function<JsonNode, T> parse) {
    return read(send(ApiRequest.get(pathAndQuery), subject, null), expected, parse);
  }

  /** Reads a text answer (a template file), asking for any media type. */
  String getText(String pathAndQuery, String subject) {
    return send(ApiRequest.get(pathAndQuery).accepting("*/*"), subject, null).text();
  }

  /**
   * Sends a JSON body ({@code null}: none) and reads the JSON answer. A POST whose attempt may have
   * been applied goes again only when {@code appliedCheck} (null: never) says it was not.
   *
   * @param secret what the body carries that no message may show, or null
   */
  <T> T send(
      String method,
      String pathAndQuery,
      JsonNode body,
      Secret secret,
      String subject,
      String expected,
      BooleanSupplier appliedCheck,
      Function<JsonNode, T> parse) {
    ApiRequest request = new ApiRequest(method, pathAndQuery, body, secret);
    return read(send(request, subject, appliedCheck), expected, parse);
  }

  /** A DELETE; a 404 is a {@link io.github.genesysllm.client.GenesysApiException}. */
  void delete(String pathAndQuery, String subject) {
    send(ApiRequest.delete(pathAndQuery), subject, null);
  }

  /**
   * A server-supplied id as one path segment, by the plugin's one id rule ({@link ProviderId}):
   * percent-encoded, and refused when it is not a safe segment ({@code .}, {@code ..}, a {@code /},
   * ...).
   *
   * @throws IllegalArgumentException for an id that cannot be one
   */
  static String segment(String id) {
    return ProviderId.asPathSegment(id);
  }

  private ApiAnswer send(ApiRequest request, String subject, BooleanSupplier appliedCheck) {
    return client.send(request.about(subject, hints), appliedCheck);
  }

  private static <T> T read(ApiAnswer answer, String expected, Function<JsonNode, T> parse) {
    JsonNode node = answer.json(expected);
    try {
      return parse.apply(node);
    } catch (IllegalArgumentException e) {
      throw answer.badBody(expected, e.getMessage(), e);
    }
  }
}
