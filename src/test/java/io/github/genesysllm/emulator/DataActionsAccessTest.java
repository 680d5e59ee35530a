package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.ACTIONS;
import static io.github.genesysllm.emulator.DataActions.CREDENTIALS;
import static io.github.genesysllm.emulator.DataActions.INTEGRATIONS;
import static io.github.genesysllm.emulator.DataActions.json;
import static io.github.genesysllm.emulator.DataActions.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scopes (contract section 2), the token, routing (404, 405), fault scripts and the journal on the
 * data-actions paths.
 */
class DataActionsAccessTest {

  private static EmulatorSettings clients() {
    return EmulatorSettings.builder()
        .client(EmulatedClient.of("admin", "a", "integrations"))
        .client(EmulatedClient.of("reader", "r", "integrations:readonly"))
        .client(EmulatedClient.of("providers", "p", "ai:llm:read", "ai:llm:write"))
        .build();
  }

  @Test
  void readOnlyReadsAndOnlyTheIntegrationsScopeWrites() throws Exception {
    try (Emulator emulator = Emulator.start(clients())) {
      DataActions admin = new DataActions(emulator, "admin", "a");
      DataActions reader = new DataActions(emulator, "reader", "r");
      DataActions providers = new DataActions(emulator, "providers", "p");
      String credential = admin.createCredential("k", "sk-1");
      String integration = admin.createIntegration("LLM");
      String action = admin.createAction(integration, "LLM chat");
      List<String> reads =
          List.of(
              CREDENTIALS + "/types",
              CREDENTIALS + "/listing",
              CREDENTIALS,
              CREDENTIALS + "/" + credential,
              INTEGRATIONS,
              INTEGRATIONS + "/" + integration,
              INTEGRATIONS + "/" + integration + "/config/current",
              INTEGRATIONS + "/types/custom-rest-actions",
              ACTIONS,
              ACTIONS + "/drafts",
              ACTIONS + "/" + action,
              ACTIONS + "/" + action + "/templates/requesttemplate.vm",
              ACTIONS + "/" + action + "/schemas/inputschema.json");
      for (String path : reads) {
        assertEquals(200, reader.get(path).status(), path);
        JsonNode denied = providers.get(path).assertError(403, "app.not.authorized.for.scope");
        assertTrue(
            denied.get("message").asText().endsWith("[integrations, integrations:readonly]"));
      }
      reader
          .post(CREDENTIALS, DataActions.credentialBody("k", "sk-2"))
          .assertError(403, "app.not.authorized.for.scope");
      reader
          .post(INTEGRATIONS, json("{'integrationType': {'id': 'custom-rest-actions'}}"))
          .assertError(403, "app.not.authorized.for.scope");
      reader
          .patch(INTEGRATIONS + "/" + integration, json("{'intendedState': 'ENABLED'}"))
          .assertError(403, "app.not.authorized.for.scope");
      JsonNode denied =
          reader.delete(ACTIONS + "/" + action).assertError(403, "app.not.authorized.for.scope");
      assertTrue(denied.get("message").asText().endsWith("[integrations]"));
      assertEquals(200, reader.get(ACTIONS + "/" + action).status(), "nothing was deleted");
      // the providers API keeps its own scopes
      assertEquals(200, providers.http.get("/api/v2/ai/llm/providers", providers.token).status());
      admin
          .http
          .get("/api/v2/ai/llm/providers", admin.token)
          .assertError(403, "missing.any.permissions");
    }
  }

  @Test
  void theTokenIsNeededAndUnknownPathsOrMethodsAreRefusedBeforeIt() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      Http http = new Http(emulator);
      http.get(INTEGRATIONS, null).assertError(401, "authentication.required");
      http.get(ACTIONS, "not-a-token").assertError(401, "bad.credentials");
      http.get(INTEGRATIONS + "/a/b/c", null).assertError(404, "not.found");
      http.get(ACTIONS + "/x/draft/other", null).assertError(404, "not.found");
      http.get(INTEGRATIONS + "//", null).assertError(404, "not.found");
      Http.Reply put = http.send("PUT", ACTIONS + "/x", null, "{}");
      put.assertError(405, "method.not.allowed");
      assertEquals("GET, PATCH, DELETE", put.header("Allow"));
      assertEquals(
          "GET, PATCH, DELETE, POST",
          http.send("PUT", ACTIONS + "/x/draft", null, "{}").header("Allow"));
      assertEquals(
          "GET, PUT", http.delete(INTEGRATIONS + "/x/config/current", null).header("Allow"));
      // POST /actions/{id}/draft takes no body
      DataActions api = new DataActions(emulator);
      String id = api.createAction(api.createIntegration("LLM"), "LLM chat");
      assertEquals(200, http.send("POST", ACTIONS + "/" + id + "/draft", api.token, null).status());
    }
  }

  @Test
  void aClientWithAScopeTheEmulatorDoesNotKnowIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EmulatedClient.of("c", "s", "integration"));
    assertTrue(e.getMessage().contains("integrations:readonly"), e.getMessage());
  }

  @Test
  void faultScriptsApplyToTheNewPathsAndTheJournalRecordsThem() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
      DataActions api = new DataActions(emulator);
      String integration = api.createIntegration("LLM");
      emulator.setFaultScript(
          FaultScript.parse(
              ("{'rules': [{'method': 'POST', 'path': '/api/v2/integrations/actions', 'action':"
                      + " 'status', 'status': 400, 'times': 1},"
                      + " {'method': 'GET', 'path': '/api/v2/integrations/actions/*', 'action':"
                      + " 'status', 'status': 503, 'retryAfter': '1', 'times': 1},"
                      + " {'method': 'DELETE', 'path': '/api/v2/integrations/*', 'action':"
                      + " 'commitThenDrop', 'times': 1}]}")
                  .replace('\'', '"'),
              "test"));
      // section 1.4: a create that transiently fails with 400, then succeeds
      api.post(ACTIONS, DataActions.actionBody(integration, "LLM chat"))
          .assertError(400, "bad.request");
      String action = api.createAction(integration, "LLM chat");
      Http.Reply unavailable = api.get(ACTIONS + "/" + action);
      unavailable.assertError(503, "service.unavailable");
      assertEquals("1", unavailable.header("Retry-After"));
      ok(api.get(ACTIONS + "/" + action));
      api.http.sendExpectingDrop("DELETE", ACTIONS + "/" + action, api.token, null);
      api.get(ACTIONS + "/" + action).assertError(404, "not.found");

      List<JournalEntry> journal = emulator.journal();
      List<JournalEntry> faulted = journal.stream().filter(e -> e.fault() != null).toList();
      assertEquals(3, faulted.size());
      assertEquals("POST", faulted.get(0).method());
      assertEquals(ACTIONS, faulted.get(0).path());
      assertEquals(0, faulted.get(0).faultRule());
      assertEquals(ACTIONS + "/" + action, faulted.get(1).path());
      assertEquals(503, faulted.get(1).status());
      assertTrue(faulted.get(2).dropped());
      assertEquals("commitThenDrop", faulted.get(2).fault());
      JournalEntry last = journal.get(journal.size() - 1);
      assertEquals(ACTIONS + "/" + action, last.path());
      assertEquals(404, last.status());
    }
  }
}
