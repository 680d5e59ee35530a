package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.ACTIONS;
import static io.github.genesysllm.emulator.DataActions.CREDENTIALS;
import static io.github.genesysllm.emulator.DataActions.DRAFTS;
import static io.github.genesysllm.emulator.DataActions.INTEGRATIONS;
import static io.github.genesysllm.emulator.DataActions.ok;
import static io.github.genesysllm.emulator.Http.idsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.FakeTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The eventual-consistency settings (contract section 1.4), on a fake clock. */
class DataActionsLagTest {

  private final FakeTime time = new FakeTime();

  private Emulator start(EmulatorSettings.Builder settings) throws Exception {
    return Emulator.start(settings.timeSource(time).build());
  }

  @Test
  void searchLagHidesNewActionsFromNameSearchOnly() throws Exception {
    try (Emulator emulator = start(EmulatorSettings.builder().searchLagSeconds(10))) {
      DataActions api = new DataActions(emulator);
      String integration = api.createIntegration("LLM");
      String action = api.createAction(integration, "LLM chat");
      String draft = api.createDraft(integration, "LLM chat draft");
      assertEquals(List.of(), idsOf(ok(api.get(ACTIONS + "?name=chat"))));
      assertEquals(List.of(), idsOf(ok(api.get(DRAFTS + "?name=chat"))));
      assertEquals(List.of(action), idsOf(ok(api.get(ACTIONS))));
      assertEquals(List.of(action), idsOf(ok(api.get(ACTIONS + "?ids=" + action))));
      ok(api.get(ACTIONS + "/" + action));
      time.advance(Duration.ofMillis(9_999));
      assertEquals(List.of(), idsOf(ok(api.get(ACTIONS + "?name=chat"))));
      time.advance(Duration.ofMillis(1));
      assertEquals(List.of(action), idsOf(ok(api.get(ACTIONS + "?name=chat"))));
      assertEquals(List.of(draft), idsOf(ok(api.get(DRAFTS + "?name=chat"))));
    }
  }

  @Test
  void createLagAnswers404ToGetByIdForAWhile() throws Exception {
    try (Emulator emulator = start(EmulatorSettings.builder().createLagSeconds(5))) {
      DataActions api = new DataActions(emulator);
      String credential = api.createCredential("k", "sk-1");
      String integration = api.createIntegration("LLM");
      String action = api.createAction(integration, "LLM chat");
      String draft = api.createDraft(integration, "LLM draft");
      List<String> paths =
          List.of(
              CREDENTIALS + "/" + credential,
              INTEGRATIONS + "/" + integration,
              ACTIONS + "/" + action,
              ACTIONS + "/" + draft + "/draft");
      for (String path : paths) {
        api.get(path).assertError(404, "not.found");
      }
      // what is not GET by id works at once
      ok(api.get(INTEGRATIONS + "/" + integration + "/config/current"));
      assertEquals(List.of(action), idsOf(ok(api.get(ACTIONS))));
      time.advance(Duration.ofSeconds(4));
      api.get(paths.get(0)).assertError(404, "not.found");
      time.advance(Duration.ofSeconds(1));
      for (String path : paths) {
        assertEquals(200, api.get(path).status(), path);
      }
    }
  }

  @Test
  void deleteLagKeepsAnsweringGetByIdWithTheLastState() throws Exception {
    try (Emulator emulator = start(EmulatorSettings.builder().deleteLagSeconds(30))) {
      DataActions api = new DataActions(emulator);
      String credential = api.createCredential("k", "sk-1");
      String integration = api.createIntegration("LLM");
      String action = api.createAction(integration, "LLM chat");
      String cascaded = api.createAction(integration, "LLM chat 2");
      assertEquals(204, api.delete(ACTIONS + "/" + action).status());
      assertEquals(200, api.delete(INTEGRATIONS + "/" + integration).status());
      assertEquals(204, api.delete(CREDENTIALS + "/" + credential).status());
      List<String> paths =
          List.of(
              CREDENTIALS + "/" + credential,
              INTEGRATIONS + "/" + integration,
              ACTIONS + "/" + action,
              ACTIONS + "/" + cascaded);
      for (String path : paths) {
        assertEquals(200, api.get(path).status(), path);
      }
      assertEquals("LLM chat", ok(api.get(ACTIONS + "/" + action)).get("name").asText());
      // only GET by id lags: listings and changes see the deletion
      assertEquals(List.of(), idsOf(ok(api.get(ACTIONS))));
      api.delete(ACTIONS + "/" + action).assertError(404, "not.found");
      time.advance(Duration.ofSeconds(29));
      assertEquals(200, api.get(paths.get(1)).status());
      time.advance(Duration.ofSeconds(1));
      for (String path : paths) {
        api.get(path).assertError(404, "not.found");
      }
    }
  }

  @Test
  void lagsAreOffByDefaultAndNeverNegative() throws Exception {
    try (Emulator emulator = start(EmulatorSettings.builder())) {
      DataActions api = new DataActions(emulator);
      String action = api.createAction(api.createIntegration("LLM"), "LLM chat");
      assertEquals(List.of(action), idsOf(ok(api.get(ACTIONS + "?name=chat"))));
      ok(api.get(ACTIONS + "/" + action));
      assertEquals(204, api.delete(ACTIONS + "/" + action).status());
      api.get(ACTIONS + "/" + action).assertError(404, "not.found");
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmulatorSettings.builder().deleteLagSeconds(-1).build());
    assertTrue(e.getMessage().contains("deleteLagSeconds"));
  }
}
