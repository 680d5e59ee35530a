package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.ProviderJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request journal: every request in order, what it was answered, never a header value or a
 * body.
 */
class JournalTest {

  private static final String PROVIDERS = "/api/v2/ai/llm/providers";

  @TempDir Path dir;

  @Test
  void recordsEveryRequestInOrderWithoutSecrets() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      Http http = new Http(emulator);
      String token = http.token(emulator);
      String id =
          http.post(PROVIDERS, token, Http.provider("Gateway").put("apiKey", "sk-journal-secret"))
              .json()
              .get("id")
              .asText();
      http.get(PROVIDERS + "?pageSize=100&name=Gateway", token);
      http.get("/nowhere", null);
      emulator.setFaultScript(
          FaultScript.parse(
              "{\"rules\":[{\"method\":\"DELETE\",\"path\":\""
                  + PROVIDERS
                  + "/*\",\"action\":\"reset\"}]}",
              "test"));
      http.sendExpectingDrop("DELETE", PROVIDERS + "/" + id, token, null);

      List<JournalEntry> journal = emulator.journal();
      assertEquals(5, journal.size(), journal.toString());
      assertEntry(journal.get(0), "POST", "/oauth/token", 200);
      assertEntry(journal.get(1), "POST", PROVIDERS, 201);
      assertEntry(journal.get(2), "GET", PROVIDERS + "?pageSize=100&name=Gateway", 200);
      assertEntry(journal.get(3), "GET", "/nowhere", 404);
      JournalEntry dropped = journal.get(4);
      assertEquals("DELETE", dropped.method());
      assertTrue(dropped.dropped());
      assertEquals("reset", dropped.fault());
      assertEquals(0, dropped.faultRule());
      for (int i = 1; i < journal.size(); i++) {
        assertTrue(journal.get(i).sequence() > journal.get(i - 1).sequence());
      }

      Path file = dir.resolve("target/genesys-emulator/journal.json");
      emulator.writeJournal(file);
      String text = Files.readString(file);
      assertFalse(text.contains(token), "no access token");
      assertFalse(text.contains("sk-journal-secret"), "no body");
      assertFalse(text.contains("emulator-secret"), "no client secret");
      assertFalse(text.toLowerCase().contains("authorization"));
      JsonNode requests = ProviderJson.MAPPER.readTree(text).get("requests");
      assertEquals(5, requests.size());
      assertEquals("POST", requests.get(1).get("method").asText());
      assertEquals(201, requests.get(1).get("status").asInt());
      assertFalse(requests.get(1).has("fault"));
      UUID.fromString(requests.get(1).get("correlationId").asText());
      assertEquals("dropped", requests.get(4).get("status").asText());
      assertEquals("reset", requests.get(4).get("fault").asText());
      assertEquals(0, requests.get(4).get("faultRule").asInt());
    }
  }

  private static void assertEntry(JournalEntry entry, String method, String path, int status) {
    assertEquals(method, entry.method());
    assertEquals(path, entry.path());
    assertEquals(status, entry.status());
    assertFalse(entry.dropped());
    assertNull(entry.fault());
    UUID.fromString(entry.correlationId());
  }

  @Test
  void theCorrelationIdOfAnEntryIsTheOneAnswered() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      Http http = new Http(emulator);
      Http.Reply reply = http.get(PROVIDERS, null);
      assertEquals(reply.header("ININ-Correlation-Id"), emulator.journal().get(0).correlationId());
    }
  }
}
