package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.testing.Fifo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault script: its format, each action as a client sees it, and the after/every/times
 * counting.
 */
class FaultScriptTest {

  private static final String PROVIDERS = "/api/v2/ai/llm/providers";

  @TempDir Path dir;

  private Emulator emulator;
  private Http http;
  private String token;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorSettings.builder().rateLimit(10_000).build());
    http = new Http(emulator);
    token = http.token(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void script(String rules) {
    emulator.setFaultScript(
        FaultScript.parse("{\"rules\": [" + rules.replace('\'', '"') + "]}", "test"));
  }

  private JournalEntry last() {
    List<JournalEntry> journal = emulator.journal();
    return journal.get(journal.size() - 1);
  }

  @Test
  void statusAnswersTheContractsErrorBodyWithRetryAfterVerbatim() {
    script(
        "{'method': 'POST', 'path': '/api/v2/ai/llm/providers', 'action': 'status', 'status': 503,"
            + " 'retryAfter': '1.5', 'times': 1}");
    Http.Reply reply = http.post(PROVIDERS, token, Http.provider("Gateway"));
    JsonNode error = reply.assertError(503, "service.unavailable");
    assertTrue(error.get("message").asText().contains("rule 0"));
    assertEquals("1.5", reply.header("Retry-After"));
    assertEquals(0, emulator.store().size(), "nothing applied");
    assertEquals("status", last().fault());
    assertEquals(0, last().faultRule());
    assertEquals(503, last().status());
    assertEquals(
        201, http.post(PROVIDERS, token, Http.provider("Gateway")).status(), "times 1: fired once");
    assertNull(last().fault());
  }

  @Test
  void statusUsesTheCodeOfEachStatusOrTheGivenOne() {
    int[] statuses = {400, 401, 403, 404, 409, 429, 500, 502, 503, 504};
    String[] codes = {
      "bad.request",
      "bad.credentials",
      "missing.any.permissions",
      "not.found",
      "general.conflict",
      "too.many.requests",
      "internal.server.error",
      "bad.gateway",
      "service.unavailable",
      "request.timeout"
    };
    for (int i = 0; i < statuses.length; i++) {
      script(
          "{'path': '/api/v2/ai/llm/providers', 'action': 'status', 'status': "
              + statuses[i]
              + "}");
      Http.Reply reply = http.get(PROVIDERS, token);
      reply.assertError(statuses[i], codes[i]);
      assertNull(reply.header("Retry-After"));
    }
    script(
        "{'path': '/api/v2/ai/llm/providers', 'action': 'status', 'status': 409, 'code': 'version.mismatch'}");
    http.get(PROVIDERS, token).assertError(409, "version.mismatch");
  }

  @Test
  void statusOnTheTokenEndpointHasTheOAuthShape() {
    script(
        "{'method': 'POST', 'path': '/oauth/token', 'action': 'status', 'status': 429, 'retryAfter': '3'}");
    Http.Reply reply =
        http.tokenRequest(
            Http.basic("emulator-client", "emulator-secret"), "grant_type=client_credentials");
    assertEquals(429, reply.status());
    assertEquals("too_many_requests", reply.json().get("error").asText());
    assertTrue(reply.json().get("error_description").isTextual());
    assertEquals("3", reply.header("Retry-After"));
    assertNotNull(reply.header("ININ-Correlation-Id"));
  }

  @Test
  void respondAnswersTheCannedBody() throws Exception {
    http.post(PROVIDERS, token, Http.provider("Gateway"));
    script(
        "{'method': 'GET', 'path': '/api/v2/ai/llm/providers', 'action': 'respond', 'status': 200,"
            + " 'body': {'entities': [], 'pageSize': 100, 'pageNumber': 1, 'total': 0, 'pageCount': 0}, 'times': 1}");
    Http.Reply reply = http.get(PROVIDERS + "?pageSize=100", token);
    assertEquals(200, reply.status());
    assertEquals(
        ProviderJson.MAPPER.readTree(
            "{\"entities\":[],\"pageSize\":100,\"pageNumber\":1,\"total\":0,\"pageCount\":0}"),
        reply.json());
    assertNotNull(reply.header("ININ-Correlation-Id"));
    assertEquals("respond", last().fault());
    assertEquals(1, http.get(PROVIDERS, token).json().get("total").asInt(), "then normal again");
  }

  @Test
  void resetClosesTheConnectionWithoutAnswerAndAppliesNothing() {
    script("{'method': 'POST', 'path': '/api/v2/ai/llm/providers', 'action': 'reset'}");
    IOException seen =
        http.sendExpectingDrop("POST", PROVIDERS, token, Http.provider("Gateway").toString());
    assertNotNull(seen);
    assertEquals(0, emulator.store().size());
    JournalEntry entry = last();
    assertTrue(entry.dropped());
    assertEquals("reset", entry.fault());
    assertNull(entry.correlationId());
  }

  @Test
  void resetOfAGetIsRetriedOnceByTheJdkClientThenFails() {
    script("{'method': 'GET', 'path': '/api/v2/ai/llm/providers', 'action': 'reset', 'times': -1}");
    int before = emulator.journal().size();
    assertNotNull(http.sendExpectingDrop("GET", PROVIDERS, token, null));
    List<JournalEntry> added = emulator.journal().subList(before, emulator.journal().size());
    // java.net.http re-sends an idempotent GET once when the connection closes without an answer
    assertEquals(2, added.size(), added.toString());
    assertTrue(added.stream().allMatch(e -> e.dropped() && "reset".equals(e.fault())));
  }

  @Test
  void delayAnswersNormallyAfterTheWait() {
    script(
        "{'method': 'GET', 'path': '/api/v2/ai/llm/providers', 'action': 'delay', 'delayMillis': 150, 'times': 1}");
    Http.Reply reply = http.get(PROVIDERS, token);
    assertEquals(200, reply.status());
    assertEquals(0, reply.json().get("total").asInt());
    assertEquals("delay", last().fault());
    assertEquals(200, last().status());
  }

  @Test
  void commitThenDropAppliesTheRequestButSendsNoAnswer() {
    script(
        "{'method': 'POST', 'path': '/api/v2/ai/llm/providers', 'action': 'commitThenDrop'},"
            + "{'method': 'PUT', 'path': '/api/v2/ai/llm/providers/*', 'action': 'commitThenDrop'}");
    http.sendExpectingDrop("POST", PROVIDERS, token, Http.provider("Gateway").toString());
    assertEquals(1, emulator.store().size(), "the create was applied");
    assertTrue(last().dropped());
    assertEquals("commitThenDrop", last().fault());
    String id = emulator.store().list().get(0).id();
    http.sendExpectingDrop(
        "PUT", PROVIDERS + "/" + id, token, Http.provider("Renamed").put("version", 1).toString());
    assertEquals(2, emulator.store().get(id).orElseThrow().version(), "the update was applied");
    assertEquals("Renamed", emulator.store().get(id).orElseThrow().name());
    assertEquals(1, last().faultRule());
  }

  @Test
  void afterEveryAndTimesCountMatchingRequests() {
    script(
        "{'method': 'GET', 'path': '/api/v2/ai/llm/providers*', 'action': 'status', 'status': 500,"
            + " 'after': 2, 'every': 2, 'times': 2}");
    assertEquals(
        List.of(200, 200, 200, 500, 200, 500, 200, 200, 200),
        statuses(9, PROVIDERS + "?pageSize=5"));
  }

  @Test
  void unlimitedTimesFireOnEveryNthMatch() {
    script(
        "{'method': '*', 'path': '/api/v2/ai/llm/providers', 'action': 'status', 'status': 502, 'every': 3, 'times': -1}");
    assertEquals(List.of(200, 200, 502, 200, 200, 502, 200, 200, 502), statuses(9, PROVIDERS));
  }

  @Test
  void theFirstRuleThatFiresDecidesAndLaterRulesDoNotCountIt() {
    script(
        "{'method': 'GET', 'path': '/api/v2/ai/llm/providers', 'action': 'status', 'status': 503},"
            + "{'method': 'GET', 'path': '/api/v2/ai/llm/providers', 'action': 'status', 'status': 500, 'after': 1}");
    assertEquals(List.of(503, 200, 500, 200), statuses(4, PROVIDERS));
  }

  @Test
  void rulesMatchMethodAndPathExactlyOrByPrefix() {
    script(
        "{'method': 'DELETE', 'path': '/api/v2/ai/llm/providers/*', 'action': 'status', 'status': 500, 'times': -1},"
            + "{'method': 'GET', 'path': '/api/v2/ai/llm/provider', 'action': 'status', 'status': 500, 'times': -1}");
    assertEquals(200, http.get(PROVIDERS, token).status(), "no prefix match without '*'");
    String id = http.post(PROVIDERS, token, Http.provider("Gateway")).json().get("id").asText();
    assertEquals(200, http.get(PROVIDERS + "/" + id, token).status(), "other methods pass");
    http.delete(PROVIDERS + "/" + id, token).assertError(500, "internal.server.error");
    assertEquals(1, emulator.store().size());
  }

  @Test
  void theScriptIsReadFromTheSettingsFile() throws Exception {
    Path file = dir.resolve("faults.json");
    Files.writeString(
        file,
        "{\"rules\": [{\"method\": \"GET\", \"path\": \"/api/v2/tokens/me\", \"action\": \"status\","
            + " \"status\": 504}]}");
    try (Emulator faulty = Emulator.start(EmulatorSettings.builder().faultScript(file).build())) {
      Http faultyHttp = new Http(faulty);
      faultyHttp
          .get("/api/v2/tokens/me", faultyHttp.token(faulty))
          .assertError(504, "request.timeout");
    }
  }

  @Test
  void anInvalidScriptNamesTheFileAndTheRule() throws Exception {
    Path file = dir.resolve("faults.json");
    Files.writeString(
        file,
        "{\"rules\": [{\"path\": \"/x\", \"action\": \"reset\"}, {\"path\": \"/x\", \"action\": \"explode\"}]}");
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Emulator.start(EmulatorSettings.builder().faultScript(file).build()));
    assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("rules[1]"), error.getMessage());
    assertTrue(error.getMessage().contains("explode"), error.getMessage());

    IOException missing =
        assertThrows(IOException.class, () -> FaultScript.load(dir.resolve("absent.json")));
    assertTrue(missing.getMessage().contains("absent.json"), missing.getMessage());
  }

  @Test
  void eachMistakeOfTheFormatIsExplained() {
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"{\"rules\": [", "not valid JSON"});
    cases.add(new String[] {"[]", "'rules' list"});
    cases.add(new String[] {"{\"rules\": [3]}", "rules[0] must be an object"});
    cases.add(new String[] {"{\"rules\": [{\"path\": \"/x\"}]}", "'action' must be one of"});
    cases.add(new String[] {"{\"rules\": [{\"action\": \"reset\"}]}", "'path' must be"});
    cases.add(
        new String[] {"{\"rules\": [{\"path\": \"x\", \"action\": \"reset\"}]}", "'path' must be"});
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/a*b\", \"action\": \"reset\"}]}", "'path' must be"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"status\"}]}", "needs 'status'"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"status\", \"status\": 200}]}",
          "'status' must be an integer from 400 to 599"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"respond\", \"status\": 600}]}",
          "from 200 to 599"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"delay\"}]}", "needs 'delayMillis'"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"delay\", \"delayMillis\": -1}]}",
          "'delayMillis'"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"reset\", \"times\": 0}]}",
          "'times' must be at least 1"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"reset\", \"every\": 0}]}", "'every'"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"reset\", \"after\": -1}]}", "'after'"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"reset\", \"time\": 2}]}",
          "'time' is not one"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"reset\", \"status\": 503}]}",
          "'status' is not one"
        });
    cases.add(
        new String[] {
          "{\"rules\": [{\"path\": \"/x\", \"action\": \"reset\", \"method\": \"\"}]}", "'method'"
        });
    for (String[] c : cases) {
      IllegalArgumentException error =
          assertThrows(
              IllegalArgumentException.class, () -> FaultScript.parse(c[0], "f.json"), c[0]);
      assertTrue(
          error.getMessage().startsWith("The emulator fault script f.json"), error.getMessage());
      assertTrue(error.getMessage().contains(c[1]), c[0] + " -> " + error.getMessage());
    }
    assertEquals(
        5,
        FaultScript.parse(
                "{\"rules\": ["
                    + "{\"method\": \"POST\", \"path\": \"/api/v2/ai/llm/providers\", \"action\": \"status\", \"status\": 503, \"retryAfter\": \"2\", \"times\": 1},"
                    + "{\"method\": \"*\", \"path\": \"/api/v2/ai/llm/providers*\", \"action\": \"reset\", \"after\": 2, \"times\": 1},"
                    + "{\"method\": \"GET\", \"path\": \"/api/v2/ai/llm/providers\", \"action\": \"delay\", \"delayMillis\": 1500, \"times\": 3},"
                    + "{\"method\": \"PUT\", \"path\": \"/api/v2/ai/llm/providers/*\", \"action\": \"commitThenDrop\", \"every\": 5, \"times\": -1},"
                    + "{\"method\": \"GET\", \"path\": \"/api/v2/ai/llm/providers\", \"action\": \"respond\", \"status\": 200, \"body\": {\"entities\": []}, \"times\": 1}"
                    + "]}",
                "the documented example")
            .size());
  }

  private List<Integer> statuses(int count, String path) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(http.get(path, token).status());
    }
    return out;
  }

  @Test
  @Timeout(30) // reading the pipe would wait for ever
  void aFaultScriptThatIsAPipeIsRefusedBeforeItIsOpened() throws Exception {
    Path pipe = Fifo.at(dir.resolve("faults.json"));

    IOException e = assertThrows(IOException.class, () -> FaultScript.load(pipe));

    assertTrue(e.getMessage().contains(pipe + " is not a regular file"), e.getMessage());
  }
}
