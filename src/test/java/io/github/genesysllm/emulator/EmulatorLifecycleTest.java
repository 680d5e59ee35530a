package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.probe.TrustStoreProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Starting, finding and stopping emulators, and their settings. */
class EmulatorLifecycleTest {

  @Test
  void listensOnAnEphemeralLoopbackPortWithDaemonThreads() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      URI url = emulator.url();
      assertEquals("http", url.getScheme());
      assertEquals("127.0.0.1", url.getHost());
      assertTrue(url.getPort() > 0);
      assertEquals("", url.getPath(), "no trailing slash");
      assertEquals("emulator-client", emulator.clientId());
      assertEquals("emulator-secret", emulator.clientSecret().reveal());
      assertEquals("****", emulator.clientSecret().toString());
      Http http = new Http(emulator);
      assertEquals(200, http.get("/api/v2/tokens/me", http.token(emulator)).status());
      java.util.List<Thread> threads =
          Thread.getAllStackTraces().keySet().stream()
              .filter(
                  t ->
                      t.getName().startsWith("HTTP-Dispatcher")
                          || t.getName().startsWith("genesys-emulator"))
              .collect(java.util.stream.Collectors.toList());
      assertTrue(
          threads.stream().anyMatch(t -> t.getName().startsWith("HTTP-Dispatcher")),
          threads.toString());
      threads.forEach(t -> assertTrue(t.isDaemon(), t.getName() + " must be a daemon thread"));
    }
  }

  @Test
  void aTrustStoreThatCannotBeLoadedFailsOnlyTheDataActionExecutions() throws Exception {
    try (TrustStoreProperties trust =
            new TrustStoreProperties().trustStore("/no/such/dir/truststore.p12");
        Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      Http http = new Http(emulator);
      String token = http.token(emulator);
      assertEquals(200, http.get("/api/v2/tokens/me", token).status());
      assertEquals(200, http.get(EmulatorSettings.DEFAULT_PROVIDERS_PATH, token).status());

      DataActions api = new DataActions(emulator);
      String action = api.createAction(api.readyIntegration("sk-1"), "LLM chat");
      ObjectNode input = DataActions.json("{'prompt': 'hi', 'maxTokens': 1}");
      JsonNode tested =
          DataActions.ok(api.post(DataActions.ACTIONS + "/" + action + "/test", input));
      assertFalse(tested.get("success").asBoolean());
      JsonNode operations = tested.get("operations");
      assertEquals("Execute request", operations.get(operations.size() - 1).get("name").asText());
      assertTrue(
          tested.get("error").get("message").asText().contains("javax.net.ssl.trustStore"),
          tested::toString);
      api.post(DataActions.ACTIONS + "/" + action + "/execute", input)
          .assertError(500, "internal.server.error");
    }
  }

  @Test
  void closeStopsListening() throws Exception {
    Emulator emulator = Emulator.start(EmulatorSettings.builder().build());
    Http http = new Http(emulator);
    emulator.close();
    emulator.close();
    assertTrue(emulator.isClosed());
    assertThrows(UncheckedIOException.class, () -> http.get("/api/v2/tokens/me", null));
  }

  @Test
  void aTakenPortIsExplained() throws Exception {
    try (Emulator first = Emulator.start(EmulatorSettings.builder().build())) {
      IOException error =
          assertThrows(
              IOException.class,
              () -> Emulator.start(EmulatorSettings.builder().port(first.url().getPort()).build()));
      assertTrue(
          error.getMessage().contains(String.valueOf(first.url().getPort())), error.getMessage());
      assertTrue(error.getMessage().contains("choose another port"), error.getMessage());
    }
  }

  @Test
  void anEmulatorServesItsOwnUrlInAnyOfItsSpellingsUntilClosed() throws Exception {
    Emulator emulator = Emulator.start(EmulatorSettings.builder().build());
    try {
      int port = emulator.url().getPort();
      assertTrue(emulator.serves(emulator.url()));
      assertTrue(emulator.serves(URI.create(emulator.url() + "/")));
      assertTrue(emulator.serves(URI.create("http://localhost:" + port)));
      assertTrue(emulator.serves(URI.create("HTTP://127.0.0.1:" + port + "/api/v2")));
      assertFalse(emulator.serves(URI.create("https://127.0.0.1:" + port)));
      assertFalse(emulator.serves(URI.create("http://127.0.0.1:" + (port == 1 ? 2 : port - 1))));
      assertFalse(emulator.serves(URI.create("http://api.mypurecloud.com:" + port)));
      assertFalse(emulator.serves(null));
    } finally {
      emulator.close();
    }
    assertFalse(emulator.serves(emulator.url()), "a stopped emulator serves nothing");
  }

  @Test
  void settingsHaveTheContractsDefaults() {
    EmulatorSettings settings = EmulatorSettings.builder().build();
    assertEquals(0, settings.port());
    assertEquals("127.0.0.1", settings.bindAddress());
    assertEquals(86399, settings.tokenTtlSeconds());
    assertEquals(300, settings.rateLimit());
    assertEquals(60, settings.rateWindowSeconds());
    assertEquals("/api/v2/ai/llm/providers", settings.providersPath());
    assertEquals("Emulated Organization", settings.organizationName());
    assertEquals(1, settings.clients().size());
    assertEquals(
        java.util.Set.of("ai:llm:read", "ai:llm:write", "integrations", "integrations:readonly"),
        settings.clients().get(0).scopes());
    assertEquals(0, settings.searchLagSeconds());
    assertEquals(0, settings.createLagSeconds());
    assertEquals(0, settings.deleteLagSeconds());
    assertTrue(settings.stateFile().isEmpty());
    assertTrue(settings.faultScript().isEmpty());
    assertEquals(0, settings.latencyMillis());
    EmulatorSettings copy = settings.toBuilder().rateLimit(5).build();
    assertEquals(5, copy.rateLimit());
    assertEquals(settings.organizationId(), copy.organizationId());
    assertFalse(settings.clients().get(0).toString().contains("emulator-secret"));
  }

  @Test
  void wrongSettingsAreExplained() {
    assertMessage("port", () -> EmulatorSettings.builder().port(70_000).build());
    assertMessage("rate limit", () -> EmulatorSettings.builder().rateLimit(0).build());
    assertMessage("rate window", () -> EmulatorSettings.builder().rateWindowSeconds(0).build());
    assertMessage("token lifetime", () -> EmulatorSettings.builder().tokenTtlSeconds(0).build());
    assertMessage("latency", () -> EmulatorSettings.builder().latencyMillis(-1).build());
    assertMessage(
        "providers path", () -> EmulatorSettings.builder().providersPath("api/v2").build());
    assertMessage(
        "given twice",
        () ->
            EmulatorSettings.builder()
                .client(EmulatedClient.of("a", "s"))
                .client(EmulatedClient.of("a", "t"))
                .build());
    assertMessage("without ':'", () -> EmulatedClient.of("a:b", "s"));
    assertMessage("non-empty secret", () -> EmulatedClient.of("a", ""));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
    assertTrue(error.getMessage().contains(part), error.getMessage());
  }

  @Test
  void latencyCanChangeWhileRunning() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().latencyMillis(20).build())) {
      Http http = new Http(emulator);
      assertEquals(401, http.get("/api/v2/tokens/me", null).status());
      emulator.setLatencyMillis(0);
      assertEquals(401, http.get("/api/v2/tokens/me", null).status());
      assertThrows(IllegalArgumentException.class, () -> emulator.setLatencyMillis(-5));
    }
  }
}
