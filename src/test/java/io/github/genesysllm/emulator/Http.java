package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A small JDK HTTP client for the emulator's tests, with the contract's shapes at hand. */
final class Http {

  /** One reply: status, headers and body. */
  record Reply(int status, java.net.http.HttpHeaders headers, String body) {

    JsonNode json() {
      try {
        return ProviderJson.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /**
     * Checks the contract's ErrorBody: status, code, contextId equal to the correlation header,
     * arrays present.
     */
    JsonNode assertError(int expectedStatus, String expectedCode) {
      assertEquals(expectedStatus, status, () -> "status of " + body);
      JsonNode json = json();
      assertEquals(expectedCode, json.path("code").asText(), () -> "code of " + body);
      assertEquals(expectedStatus, json.path("status").asInt());
      assertTrue(json.path("message").isTextual() && !json.path("message").asText().isEmpty());
      assertEquals(header("ININ-Correlation-Id"), json.path("contextId").asText());
      assertTrue(json.path("details").isArray(), "details present");
      assertTrue(json.path("errors").isArray(), "errors present");
      assertTrue(headers.firstValue("Content-Type").orElse("").startsWith("application/json"));
      return json;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  Http(Emulator emulator) {
    this.base = emulator.url();
  }

  Reply send(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return exchange(request.build());
  }

  Reply exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends and expects no answer: the IOException the client sees when the connection is dropped.
   */
  IOException sendExpectingDrop(String method, String path, String token, String body) {
    try {
      send(method, path, token, body);
    } catch (UncheckedIOException e) {
      return e.getCause();
    }
    throw new AssertionError(method + " " + path + " was answered, expected a dropped connection");
  }

  Reply get(String path, String token) {
    return send("GET", path, token, null);
  }

  Reply post(String path, String token, JsonNode body) {
    return send("POST", path, token, body.toString());
  }

  Reply put(String path, String token, JsonNode body) {
    return send("PUT", path, token, body.toString());
  }

  Reply patch(String path, String token, JsonNode body) {
    return send("PATCH", path, token, body.toString());
  }

  Reply delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  /** The token endpoint with a raw Authorization header (null for none) and form body. */
  Reply tokenRequest(String authorization, String form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return exchange(request.build());
  }

  /** The ids of a listing's entities, in order. */
  static List<String> idsOf(JsonNode listing) {
    List<String> ids = new ArrayList<>();
    listing.get("entities").forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }

  static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh access token of that client. */
  String token(String id, String secret) {
    Reply reply = tokenRequest(basic(id, secret), "grant_type=client_credentials");
    assertEquals(200, reply.status(), reply.body());
    return reply.json().get("access_token").asText();
  }

  /** A token of the emulator's first client. */
  String token(Emulator emulator) {
    return token(emulator.clientId(), emulator.clientSecret().reveal());
  }

  /** A POST body that keeps every rule. */
  static ObjectNode provider(String name) {
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    body.put("name", name);
    body.put("providerType", "CUSTOM");
    body.put("baseUrl", "https://inference.example.internal/api/v1");
    body.put("apiKey", "sk-test-key");
    body.put("apiVersion", "v1");
    body.put("timeout", 30000);
    ArrayNode models = body.putArray("models");
    models
        .addObject()
        .put("id", "private-model-v1")
        .put("name", "Private Model v1")
        .put("maxTokens", 8192)
        .put("supportsStreaming", true);
    return body;
  }
}
