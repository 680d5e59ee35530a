package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.ProviderJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint, tokens/me, the three 401s, the 403s per scope, the rate limit and the common
 * headers.
 */
class AuthAndLimitsTest {

  private static final String PROVIDERS = "/api/v2/ai/llm/providers";

  @Test
  void tokenEndpointIssuesOpaqueBearerTokens() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      Http http = new Http(emulator);
      Http.Reply reply =
          http.tokenRequest(
              Http.basic("emulator-client", "emulator-secret"), "grant_type=client_credentials");
      assertEquals(200, reply.status());
      JsonNode body = reply.json();
      assertEquals("bearer", body.get("token_type").asText());
      assertEquals(86399, body.get("expires_in").asLong());
      String token = body.get("access_token").asText();
      assertTrue(token.length() >= 32);
      assertFalse(token.contains("."), "opaque, not a JWT");
      assertNotEquals(token, http.token(emulator), "each request gets a new token");
      assertTrue(reply.header("ININ-Correlation-Id") != null);
    }
  }

  @Test
  void tokenEndpointRefusesBadClientsAndGrants() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      Http http = new Http(emulator);
      JsonNode invalidClient =
          ProviderJson.MAPPER.readTree(
              "{\"error\":\"invalid_client\",\"description\":\"client not found\",\"error_description\":\"client not found\"}");
      for (String authorization :
          new String[] {
            null,
            Http.basic("emulator-client", "wrong"),
            Http.basic("nobody", "emulator-secret"),
            "Basic !!!",
            "Bearer abc",
            Http.basic("emulator-client", "")
          }) {
        Http.Reply reply = http.tokenRequest(authorization, "grant_type=client_credentials");
        assertEquals(401, reply.status(), String.valueOf(authorization));
        assertEquals(invalidClient, reply.json());
        assertTrue(reply.header("ININ-Correlation-Id") != null);
      }
      for (String form : new String[] {"", "grant_type=password", "grant_type=", "scope=x"}) {
        Http.Reply reply =
            http.tokenRequest(Http.basic("emulator-client", "emulator-secret"), form);
        assertEquals(400, reply.status(), form);
        JsonNode body = reply.json();
        assertEquals("unsupported_grant_type", body.get("error").asText());
        assertTrue(body.get("description").isTextual());
        assertTrue(body.get("error_description").isTextual());
      }
      Http.Reply get = http.get("/oauth/token", null);
      get.assertError(405, "method.not.allowed");
      assertEquals("POST", get.header("Allow"));
    }
  }

  @Test
  void theThree401s() throws Exception {
    try (Emulator emulator =
        Emulator.start(EmulatorSettings.builder().tokenTtlSeconds(1).build())) {
      Http http = new Http(emulator);
      http.get(PROVIDERS, null).assertError(401, "authentication.required");
      Http.Reply basic =
          http.exchange(
              java.net.http.HttpRequest.newBuilder(emulator.url().resolve(PROVIDERS))
                  .header("Authorization", Http.basic("emulator-client", "emulator-secret"))
                  .build());
      basic.assertError(401, "authentication.required");
      http.get(PROVIDERS, "not-a-token").assertError(401, "bad.credentials");
      http.get("/api/v2/tokens/me", "not-a-token").assertError(401, "bad.credentials");
      String token = http.token(emulator);
      assertEquals(
          1,
          http.tokenRequest(
                  Http.basic("emulator-client", "emulator-secret"), "grant_type=client_credentials")
              .json()
              .get("expires_in")
              .asInt());
      assertEquals(200, http.get(PROVIDERS, token).status());
      Thread.sleep(1_100);
      http.get(PROVIDERS, token).assertError(401, "credentials.expired");
      http.get("/api/v2/tokens/me", token).assertError(401, "credentials.expired");
      assertEquals(200, http.get(PROVIDERS, http.token(emulator)).status(), "a new token works");
    }
  }

  @Test
  void eachCallNeedsItsScopeAndWriteDoesNotImplyRead() throws Exception {
    EmulatorSettings settings =
        EmulatorSettings.builder()
            .client(EmulatedClient.of("ci-reader", "reader-secret", "ai:llm:read"))
            .client(EmulatedClient.of("ci-writer", "writer-secret", "ai:llm:write"))
            .client(EmulatedClient.of("nothing", "nothing-secret"))
            .build();
    try (Emulator emulator = Emulator.start(settings)) {
      Http http = new Http(emulator);
      assertEquals("ci-reader", emulator.clientId(), "the first client is the emulator's client");
      assertEquals(
          401,
          http.tokenRequest(
                  Http.basic("emulator-client", "emulator-secret"), "grant_type=client_credentials")
              .status(),
          "given clients replace the default one");

      String reader = http.token("ci-reader", "reader-secret");
      String writer = http.token("ci-writer", "writer-secret");
      String nothing = http.token("nothing", "nothing-secret");

      Http.Reply created = http.post(PROVIDERS, writer, Http.provider("Gateway"));
      assertEquals(201, created.status(), created.body());
      String item = PROVIDERS + "/" + created.json().get("id").asText();

      assertWriteScopeMissing(http.post(PROVIDERS, reader, Http.provider("Other")));
      assertWriteScopeMissing(http.put(item, reader, Http.provider("Gateway").put("version", 1)));
      assertWriteScopeMissing(http.delete(item, reader));
      assertEquals(200, http.get(PROVIDERS, reader).status());
      assertEquals(200, http.get(item, reader).status());

      assertReadScopeMissing(http.get(PROVIDERS, writer));
      assertReadScopeMissing(http.get(item, writer));
      assertEquals(
          200, http.put(item, writer, Http.provider("Gateway").put("version", 1)).status());

      assertReadScopeMissing(http.get(PROVIDERS, nothing));
      assertWriteScopeMissing(http.delete(item, nothing));
      assertEquals(
          200,
          http.get("/api/v2/tokens/me", nothing).status(),
          "any valid token may ask who it is");
      assertEquals(204, http.delete(item, writer).status());
    }
  }

  private static void assertWriteScopeMissing(Http.Reply reply) {
    JsonNode error = reply.assertError(403, "missing.any.permissions");
    assertTrue(
        error
            .get("message")
            .asText()
            .endsWith("at least one of the following scopes assigned: [ai:llm:write]"),
        error.get("message").asText());
  }

  private static void assertReadScopeMissing(Http.Reply reply) {
    JsonNode error = reply.assertError(403, "missing.any.permissions");
    assertTrue(
        error
            .get("message")
            .asText()
            .endsWith("at least one of the following scopes assigned: [ai:llm:read]"),
        error.get("message").asText());
  }

  @Test
  void tokensMeNamesTheOrganizationAndTheClient() throws Exception {
    EmulatorSettings settings =
        EmulatorSettings.builder()
            .organizationName("Acme Production")
            .client(EmulatedClient.of("ci-deployer", "s3cret", "ai:llm:write", "ai:llm:read"))
            .build();
    try (Emulator emulator = Emulator.start(settings)) {
      Http http = new Http(emulator);
      Http.Reply reply = http.get("/api/v2/tokens/me", http.token(emulator));
      assertEquals(200, reply.status());
      JsonNode me = reply.json();
      assertEquals("Acme Production", me.get("organization").get("name").asText());
      assertEquals(settings.organizationId(), me.get("organization").get("id").asText());
      UUID.fromString(me.get("organization").get("id").asText());
      assertEquals(me.get("organization"), me.get("homeOrganization"));
      assertEquals(
          List.of("ai:llm:read", "ai:llm:write"),
          List.of(
              me.get("authorizedScope").get(0).asText(),
              me.get("authorizedScope").get(1).asText()));
      assertEquals("ci-deployer", me.get("OAuthClient").get("id").asText());
      assertTrue(me.get("OAuthClient").get("name").isTextual());
      assertEquals(
          settings.organizationId(),
          EmulatorSettings.builder().organizationName("Acme Production").build().organizationId(),
          "the default organization id is stable across restarts");
    }
  }

  @Test
  void theRateLimitCountsEveryRequestOfAToken() throws Exception {
    try (Emulator emulator =
        Emulator.start(EmulatorSettings.builder().rateLimit(5).rateWindowSeconds(2).build())) {
      Http http = new Http(emulator);
      String token = http.token(emulator);
      for (int i = 0; i < 5; i++) {
        assertEquals(200, http.get(PROVIDERS, token).status(), "request " + (i + 1));
      }
      Http.Reply limited = http.get(PROVIDERS, token);
      JsonNode error = limited.assertError(429, "too.many.requests");
      assertEquals(
          "Rate limit exceeded the maximum [5] requests within [2] seconds",
          error.get("message").asText());
      long retryAfter = Long.parseLong(limited.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
      limited = http.post(PROVIDERS, token, Http.provider("Gateway"));
      limited.assertError(429, "too.many.requests");
      assertEquals(0, emulator.store().size(), "a refused request is not applied");
      assertEquals(
          200, http.get(PROVIDERS, http.token(emulator)).status(), "the limit is per token");
    }
  }

  @Test
  void aSlidingWindowStatesItsLimitAndWindowInThePlatformsWording() throws Exception {
    try (Emulator emulator =
        Emulator.start(
            EmulatorSettings.builder()
                .rateLimit(3)
                .rateWindowSeconds(30)
                .rateWindow(RateWindowKind.SLIDING)
                .build())) {
      Http http = new Http(emulator);
      String token = http.token(emulator);
      for (int i = 0; i < 3; i++) {
        assertEquals(200, http.get(PROVIDERS, token).status(), "request " + (i + 1));
      }
      Http.Reply limited = http.get(PROVIDERS, token);
      JsonNode error = limited.assertError(429, "too.many.requests");
      assertEquals(
          "Rate limit exceeded the maximum [3] requests within [30] seconds",
          error.get("message").asText());
      long retryAfter = Long.parseLong(limited.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
    }
  }

  @Test
  void aRateWindowIsFixedOrSlidingAndNothingElse() {
    assertEquals(RateWindowKind.SLIDING, RateWindowKind.parse(" Sliding "));
    assertEquals(RateWindowKind.FIXED, RateWindowKind.parse("fixed"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RateWindowKind.parse("rolling"));
    assertTrue(e.getMessage().contains("'rolling'"), e.getMessage());
    // by default as Genesys Cloud counts
    assertEquals(RateWindowKind.SLIDING, EmulatorSettings.builder().build().rateWindow());
  }

  @Test
  void theTokenEndpointIsRateLimitedPerClient() throws Exception {
    try (Emulator emulator =
        Emulator.start(EmulatorSettings.builder().rateLimit(2).rateWindowSeconds(30).build())) {
      Http http = new Http(emulator);
      http.token(emulator);
      http.token(emulator);
      Http.Reply limited =
          http.tokenRequest(
              Http.basic("emulator-client", "emulator-secret"), "grant_type=client_credentials");
      assertEquals(429, limited.status());
      assertEquals("too_many_requests", limited.json().get("error").asText());
      assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
    }
  }

  @Test
  void everyResponseCarriesItsOwnCorrelationId() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      Http http = new Http(emulator);
      String token = http.token(emulator);
      Set<String> seen = new HashSet<>();
      List<Http.Reply> replies =
          List.of(
              http.get(PROVIDERS, token),
              http.post(PROVIDERS, token, Http.provider("Gateway")),
              http.get("/api/v2/tokens/me", token),
              http.get("/nowhere", null),
              http.tokenRequest(null, ""));
      for (Http.Reply reply : replies) {
        String id = reply.header("ININ-Correlation-Id");
        UUID.fromString(id);
        assertTrue(seen.add(id), "unique per response");
      }
    }
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      Http http = new Http(emulator);
      String token = http.token(emulator);
      http.get("/api/v2/nothing", token).assertError(404, "not.found");
      http.get("/", null).assertError(404, "not.found");
      http.get(PROVIDERS + "/abc/models", token).assertError(404, "not.found");
      Http.Reply patch = http.send("PATCH", PROVIDERS, token, "{}");
      JsonNode error = patch.assertError(405, "method.not.allowed");
      assertEquals("GET, POST", patch.header("Allow"));
      assertNull(error.get("entityId"));
      assertEquals(
          "GET, PUT, DELETE", http.send("POST", PROVIDERS + "/abc", token, "{}").header("Allow"));
      assertEquals("GET", http.send("DELETE", "/api/v2/tokens/me", token, null).header("Allow"));
    }
  }
}
