package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.ACTIONS;
import static io.github.genesysllm.emulator.DataActions.DRAFTS;
import static io.github.genesysllm.emulator.DataActions.json;
import static io.github.genesysllm.emulator.DataActions.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.dataactions.ActionRunner;
import io.github.genesysllm.emulator.execution.ExecutionFailure;
import io.github.genesysllm.emulator.execution.ExecutionResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The execution routes (contract section 7): what reaches the engine and how its result is
 * answered, and the request-level refusals that never reach it. The engine is a recording fake
 * here; the engine's own tests run real remote calls.
 */
class DataActionsExecutionTest extends DataActionsFixture {

  private static final String KEY = "sk-live-123";

  /** Records each call and answers {@link #next}. */
  private static final class RecordingRunner implements ActionRunner {
    record Call(
        JsonNode config, JsonNode contract, Map<String, String> credentials, JsonNode input) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile ExecutionResult next;

    @Override
    public ExecutionResult run(
        JsonNode config, JsonNode contract, Map<String, String> credentials, JsonNode input) {
      calls.add(new Call(config, contract, credentials, input));
      return next;
    }
  }

  private final RecordingRunner runner = new RecordingRunner();
  private String integration;
  private String action;

  @Override
  Emulator start(EmulatorSettings settings) throws IOException {
    return Emulator.start(settings, runner);
  }

  @BeforeEach
  void createAction() {
    integration = api.readyIntegration(KEY);
    action = api.createAction(integration, "LLM chat");
  }

  private static ObjectNode input() {
    return json("{'prompt': 'Say \\\"hello\\\"', 'maxTokens': 16}");
  }

  private static ExecutionResult success(JsonNode finalResult) {
    ObjectNode testResult = json("{'operations': [], 'success': true}");
    testResult.set("finalResult", finalResult);
    return new ExecutionResult(testResult, true, finalResult, null);
  }

  @Test
  void testHandsTheStoredActionTheDecryptedCredentialAndTheInputToTheEngine() {
    runner.next = success(json("{'answer': 'Hello!'}"));
    Http.Reply reply = api.post(ACTIONS + "/" + action + "/test", input());
    assertEquals(runner.next.testResult(), ok(reply));
    assertEquals(1, runner.calls.size());
    RecordingRunner.Call call = runner.calls.get(0);
    assertEquals(DataActions.config(), call.config());
    assertEquals(DataActions.inputSchema(), call.contract().get("input").get("inputSchema"));
    assertEquals(DataActions.successSchema(), call.contract().get("output").get("successSchema"));
    assertEquals(Map.of("apiKey", KEY), call.credentials());
    assertEquals(input(), call.input());
  }

  @Test
  void aFunctionalFailureOfTestIsTheEnginesResultWith200AndItsErrorsTheAnswersContextId() {
    ObjectNode failed =
        json(
            "{'operations': [{'step': 5, 'name': 'Execute request', 'success': false,"
                + " 'error': {'message': 'remote 401', 'code': 'bad.request', 'status': 401}}],"
                + " 'error': {'message': 'remote 401', 'code': 'bad.request', 'status': 401},"
                + " 'success': false}");
    runner.next =
        new ExecutionResult(
            failed, false, null, new ExecutionFailure("Execute request", 400, "bad.request", "x"));
    Http.Reply reply = api.post(ACTIONS + "/" + action + "/test", input());
    // section 1.2: every ErrorBody carries contextId, the answer's ININ-Correlation-Id
    String correlationId = reply.header("ININ-Correlation-Id");
    ObjectNode expected = failed.deepCopy();
    ((ObjectNode) expected.get("error")).put("contextId", correlationId);
    ((ObjectNode) expected.get("operations").get(0).get("error")).put("contextId", correlationId);
    assertEquals(expected, ok(reply));
    assertFalse(failed.get("error").has("contextId"), "the engine's result is left as it was");
  }

  @Test
  void draftTestRunsTheDraftNotThePublishedAction() {
    ObjectNode patch = json("{'version': 1}");
    ObjectNode config = DataActions.config();
    ((ObjectNode) config.get("request")).put("requestUrlTemplate", "https://draft.example/v1");
    patch.set("config", config);
    ok(api.post(ACTIONS + "/" + action + "/draft", json("{}")));
    ok(api.patch(ACTIONS + "/" + action + "/draft", patch));
    runner.next = success(json("{'answer': 'draft'}"));
    ok(api.post(ACTIONS + "/" + action + "/draft/test", input()));
    assertEquals(
        "https://draft.example/v1",
        runner.calls.get(0).config().get("request").get("requestUrlTemplate").asText());
  }

  @Test
  void executeAnswersTheFinalResultFlattenedOnRequest() {
    runner.next = success(json("{'answer': 'Hello!', 'usage': {'total': 3}}"));
    assertEquals(
        json("{'answer': 'Hello!', 'usage': {'total': 3}}"),
        ok(api.post(ACTIONS + "/" + action + "/execute", input())));
    assertEquals(
        json("{'answer': 'Hello!', 'usage.total': 3}"),
        ok(api.post(ACTIONS + "/" + action + "/execute?flatten=true", input())));
    assertEquals(
        json("{'answer': 'Hello!', 'usage.total': 3}"),
        ok(api.post(ACTIONS + "/" + action + "/test?flatten=true", input())).get("finalResult"));
    api.post(ACTIONS + "/" + action + "/execute?flatten=1", input())
        .assertError(400, "invalid.query.param.value");
  }

  @Test
  void aFailedExecuteAnswersTheFailuresStatusAndCodeWithNoCredentialValue() {
    runner.next =
        new ExecutionResult(
            json("{'operations': [], 'success': false}"),
            false,
            null,
            new ExecutionFailure(
                "Execute request", 504, "request.timeout", "timed out calling with " + KEY));
    Http.Reply reply = api.post(ACTIONS + "/" + action + "/execute", input());
    JsonNode error = reply.assertError(504, "request.timeout");
    assertFalse(reply.body().contains(KEY));
    assertTrue(error.get("message").asText().contains("*****"));
  }

  @Test
  void requestLevelProblemsAreRefusedBeforeTheEngine() {
    for (String route : List.of("/test", "/execute", "/draft/test")) {
      api.post(ACTIONS + "/custom_-_nope" + route, input()).assertError(404, "not.found");
    }
    api.post(ACTIONS + "/" + action + "/draft/test", input()).assertError(404, "not.found");
    for (String body : List.of("[]", "\"prompt\"", "7", "{\"prompt\":")) {
      api.http
          .send("POST", ACTIONS + "/" + action + "/test", api.token, body)
          .assertError(400, "bad.request");
    }
    Http.Reply text =
        api.http.exchange(
            HttpRequest.newBuilder(URI.create(emulator.url() + ACTIONS + "/" + action + "/execute"))
                .header("Authorization", "Bearer " + api.token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    text.assertError(415, "unsupported.media.type");

    api.setState(integration, "DISABLED");
    api.post(ACTIONS + "/" + action + "/test", input()).assertError(400, "bad.request");
    api.post(ACTIONS + "/" + action + "/execute", input()).assertError(400, "bad.request");

    String bare = api.createIntegration("no credential");
    api.setState(bare, "ENABLED");
    String orphan = api.createAction(bare, "LLM chat");
    api.post(ACTIONS + "/" + orphan + "/execute", input()).assertError(400, "bad.request");

    api.setState(integration, "ENABLED");
    ObjectNode broken = DataActions.actionBody(integration, "broken");
    ((ObjectNode) broken.get("contract").get("input").get("inputSchema"))
        .set("properties", json("{'messages': {'type': 'array'}}"));
    String draft = ok(api.post(DRAFTS, broken)).get("id").asText();
    api.post(ACTIONS + "/" + draft + "/draft/test", input()).assertError(400, "invalid.schema");

    assertEquals(0, runner.calls.size(), "nothing reached the engine");
  }

  @Test
  void runningNeedsTheWriteScope() throws Exception {
    try (Emulator scoped =
        Emulator.start(
            EmulatorSettings.builder()
                .client(EmulatedClient.of("writer", "w", "integrations"))
                .client(EmulatedClient.of("reader", "r", "integrations:readonly"))
                .build(),
            runner)) {
      DataActions writer = new DataActions(scoped, "writer", "w");
      DataActions reader = new DataActions(scoped, "reader", "r");
      String id = writer.createAction(writer.readyIntegration(KEY), "LLM chat");
      ok(writer.post(ACTIONS + "/" + id + "/draft", json("{}")));
      for (String route : List.of("/test", "/execute", "/draft/test")) {
        reader
            .post(ACTIONS + "/" + id + route, input())
            .assertError(403, "app.not.authorized.for.scope");
      }
      assertEquals(0, runner.calls.size());
    }
  }
}
