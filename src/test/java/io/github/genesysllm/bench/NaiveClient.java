package io.github.genesysllm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * What a typical tutorial script does, for comparison with the plugin: it asks for a token, then,
 * one provider after the other, POSTs it and GETs it back (the id from the 201, or the one a 409
 * names). Each request is tried up to 3 times when answered 429, sleeping its {@code Retry-After}
 * in between. No listing, no pacing, no concurrency, no comparison with what exists.
 */
final class NaiveClient {

  static final int TRIES = 3;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI url;
  private final String providersPath;
  private final String clientId;
  private final Secret clientSecret;

  /** What a run's answers came to. */
  static final class Tally {
    int created;
    int conflicts;
    int rateLimited;

    /** Requests given up after {@value #TRIES} answers 429. */
    int gaveUp;

    int otherErrors;
  }

  NaiveClient(URI url, String providersPath, String clientId, Secret clientSecret) {
    this.url = url;
    this.providersPath = providersPath;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  Tally register(List<DesiredProvider> providers) throws IOException, InterruptedException {
    Tally tally = new Tally();
    String token = token();
    for (DesiredProvider provider : providers) {
      byte[] body =
          ProviderJson.MAPPER.writeValueAsBytes(
              ProviderJson.toRequestBody(provider.settings(), provider.apiKey(), null));
      HttpResponse<String> created =
          send(
              HttpRequest.newBuilder(url.resolve(providersPath))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              tally);
      String id = null;
      if (created.statusCode() == 201) {
        tally.created++;
        id = json(created).path("id").asText(null);
      } else if (created.statusCode() == 409) {
        tally.conflicts++;
        id = json(created).path("entityId").asText(null);
      } else if (created.statusCode() != 429) {
        tally.otherErrors++;
      }
      if (id != null) {
        HttpResponse<String> read =
            send(
                HttpRequest.newBuilder(url.resolve(providersPath + "/" + id))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build(),
                tally);
        if (read.statusCode() != 200 && read.statusCode() != 429) {
          tally.otherErrors++;
        }
      }
    }
    return tally;
  }

  private String token() throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (clientId + ":" + clientSecret.reveal()).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(url.resolve("/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("the naive client got no token: HTTP " + response.statusCode());
    }
    return json(response).path("access_token").asText();
  }

  private HttpResponse<String> send(HttpRequest request, Tally tally)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 429) {
        return response;
      }
      tally.rateLimited++;
      if (attempt == TRIES) {
        tally.gaveUp++;
        return response;
      }
      Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return ProviderJson.MAPPER.readTree(response.body());
  }
}
