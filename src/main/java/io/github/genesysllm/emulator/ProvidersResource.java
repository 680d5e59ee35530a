package io.github.genesysllm.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderRules;
import io.github.genesysllm.provider.ProviderRules.Operation;
import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The provider resource of the contract at its path: the listing (by page, or one name), get,
 * create (201 with {@code Location}), update (version checked by the {@link ProviderStore}) and
 * delete (204); a body is read strictly and must keep every rule of {@link ProviderRules} ({@code
 * 400 bad.request} or {@code invalid.value}, never echoing the body, which holds the API key).
 */
final class ProvidersResource {

  private static final ObjectReader STRICT_JSON =
      ProviderJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int DEFAULT_PAGE_SIZE = 25;
  private static final int MAX_PAGE_SIZE = 100;

  private final String path;
  private final ProviderStore store;

  ProvidersResource(String path, ProviderStore store) {
    this.path = path;
    this.store = store;
  }

  ApiResponse list(ApiRequest r) {
    Map<String, String> query = r.query();
    List<String> broken = new ArrayList<>();
    int pageSize =
        intParameter(
            query.get("pageSize"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, "pageSize", broken);
    int pageNumber =
        intParameter(query.get("pageNumber"), 1, 1, Integer.MAX_VALUE, "pageNumber", broken);
    if (!broken.isEmpty()) {
      throw new ApiError(
          400,
          "invalid.value",
          "pageSize must be an integer from 1 to "
              + MAX_PAGE_SIZE
              + " and pageNumber an integer from 1 up; got "
              + describeParameters(query),
          null,
          broken);
    }
    String name = query.get("name");
    List<Provider> matching =
        name == null ? store.list() : store.findByName(name).map(List::of).orElse(List.of());
    return ApiResponse.json(
        200,
        PageEnvelope.of(
            matching,
            pageSize,
            pageNumber,
            ProviderJson::toRepresentation,
            page -> pageUri(pageSize, page, name)));
  }

  private static int intParameter(
      String value, int fallback, int min, int max, String name, List<String> broken) {
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the other broken parameters
    }
    broken.add(name);
    return fallback;
  }

  private static String describeParameters(Map<String, String> query) {
    return query.entrySet().stream()
        .filter(e -> e.getKey().equals("pageSize") || e.getKey().equals("pageNumber"))
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private String pageUri(int pageSize, int pageNumber, String name) {
    String uri = path + "?pageSize=" + pageSize + "&pageNumber=" + pageNumber;
    return name == null ? uri : uri + "&name=" + PageEnvelope.encode(name);
  }

  ApiResponse get(String id) {
    Provider provider = store.get(id).orElseThrow(() -> ProviderStore.notFound(id));
    return ApiResponse.json(200, ProviderJson.toRepresentation(provider));
  }

  ApiResponse create(ApiRequest r) {
    JsonNode body = validBody(r, Operation.CREATE);
    Provider created =
        store.create(ProviderJson.settingsOf(body), Secret.of(body.get("apiKey").asText()));
    return ApiResponse.json(201, ProviderJson.toRepresentation(created))
        .withHeader("Location", created.selfUri());
  }

  ApiResponse update(ApiRequest r, String id) {
    JsonNode body = validBody(r, Operation.UPDATE);
    Secret apiKey = body.hasNonNull("apiKey") ? Secret.of(body.get("apiKey").asText()) : null;
    Provider updated =
        store.update(id, body.get("version").asLong(), ProviderJson.settingsOf(body), apiKey);
    return ApiResponse.json(200, ProviderJson.toRepresentation(updated));
  }

  ApiResponse delete(String id) {
    if (!store.delete(id)) {
      throw ProviderStore.notFound(id);
    }
    return ApiResponse.empty(204);
  }

  /**
   * The body as a JSON object that keeps every rule. @throws ApiError 400 bad.request or
   * invalid.value
   */
  private static JsonNode validBody(ApiRequest r, Operation operation) {
    JsonNode body;
    try {
      body = STRICT_JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      // never echo the body: it holds the API key
      throw new ApiError(
          400,
          "bad.request",
          "The request body is not valid JSON (at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (java.io.IOException e) {
      throw new ApiError(400, "bad.request", "The request body cannot be read as JSON");
    }
    if (body == null || !body.isObject()) {
      throw new ApiError(
          400,
          "bad.request",
          "The request body must be a JSON object (a provider), got "
              + (body == null || body.isMissingNode()
                  ? "nothing"
                  : body.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    List<FieldViolation> violations = ProviderRules.validate(body, operation);
    if (!violations.isEmpty()) {
      String message =
          violations.stream()
              .map(v -> v.field() + " " + v.message())
              .collect(
                  Collectors.joining(
                      "; ",
                      "The provider breaks "
                          + violations.size()
                          + (violations.size() == 1 ? " rule: " : " rules: "),
                      ""));
      throw new ApiError(
          400,
          "invalid.value",
          message,
          null,
          violations.stream().map(FieldViolation::field).collect(Collectors.toList()));
    }
    return body;
  }
}
