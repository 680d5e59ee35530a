package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.ACTIONS;
import static io.github.genesysllm.emulator.DataActions.DRAFTS;
import static io.github.genesysllm.emulator.DataActions.json;
import static io.github.genesysllm.emulator.DataActions.ok;
import static io.github.genesysllm.emulator.Http.idsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The draft workflow and its version semantics (contract section 5.4). */
class DataActionsDraftsTest extends DataActionsFixture {

  private String integration;

  @BeforeEach
  void createIntegration() {
    integration = api.createIntegration("LLM Gateway acme");
  }

  @Test
  void aDraftIsNotPublishedUntilPublishAndThenIsGone() {
    JsonNode draft = ok(api.post(DRAFTS, DataActions.actionBody(integration, "LLM chat")));
    String id = draft.get("id").asText();
    assertTrue(id.startsWith("custom_-_"));
    assertEquals(1, draft.get("version").asInt());
    assertEquals(ACTIONS + "/" + id + "/draft", draft.get("selfUri").asText());
    api.get(ACTIONS + "/" + id).assertError(404, "not.found");
    assertEquals(List.of(), idsOf(ok(api.get(ACTIONS))));
    assertEquals(List.of(id), idsOf(ok(api.get(DRAFTS))));
    assertEquals(List.of(id), idsOf(ok(api.get(DRAFTS + "?name=chat"))));
    assertEquals(
        "{\"answer\": ${answer}}",
        api.get(ACTIONS + "/" + id + "/draft/templates/successtemplate.vm").body());
    assertEquals(
        DataActions.inputSchema(),
        ok(api.get(ACTIONS + "/" + id + "/draft/schemas/inputschema.json")));
    api.get(ACTIONS + "/" + id + "/templates/successtemplate.vm").assertError(404, "not.found");

    String draftPath = ACTIONS + "/" + id + "/draft";
    JsonNode patched = ok(api.patch(draftPath, json("{'version': 1, 'name': 'LLM chat 2'}")));
    assertEquals(2, patched.get("version").asInt());
    api.patch(draftPath, json("{'version': 1, 'name': 'x'}")).assertError(409, "request.conflict");
    api.post(draftPath + "/publish", json("{'version': 1}")).assertError(409, "request.conflict");
    api.post(draftPath + "/publish", json("{}")).assertError(400, "bad.request");
    api.post(draftPath + "/publish", json("{'version': 2, 'force': true}"))
        .assertError(400, "invalid.property");

    JsonNode published = ok(api.post(draftPath + "/publish", json("{'version': 2}")));
    assertEquals(1, published.get("version").asInt(), "first publish is version 1");
    assertEquals("LLM chat 2", published.get("name").asText());
    assertEquals(ACTIONS + "/" + id, published.get("selfUri").asText());
    api.get(draftPath).assertError(404, "not.found");
    assertEquals(List.of(), idsOf(ok(api.get(DRAFTS))));
    assertEquals("LLM chat 2", ok(api.get(ACTIONS + "/" + id)).get("name").asText());
  }

  @Test
  void aDraftOfAPublishedActionStartsAtOneAndPublishesAtThePublishedVersionPlusOne() {
    String id = api.createAction(integration, "LLM chat");
    String path = ACTIONS + "/" + id;
    ok(api.patch(path, json("{'version': 1, 'name': 'v2'}")));
    JsonNode draft = ok(api.post(path + "/draft", json("{}")));
    assertEquals(1, draft.get("version").asInt());
    assertEquals("v2", draft.get("name").asText());
    assertEquals(DataActions.inputSchema(), draft.get("contract").get("input").get("inputSchema"));
    api.post(path + "/draft", json("{}")).assertError(409, "request.conflict");

    // the contract and secure of a published action do not change, not even in its draft
    ObjectNode contract = (ObjectNode) draft.get("contract").deepCopy();
    ((ObjectNode) contract.get("input").get("inputSchema").get("properties"))
        .set("temperature", json("{'type': 'number'}"));
    ObjectNode changeContract = json("{'version': 1}");
    changeContract.set("contract", contract);
    api.patch(path + "/draft", changeContract).assertError(400, "bad.request");
    api.patch(path + "/draft", json("{'version': 1, 'secure': true}"))
        .assertError(400, "bad.request");
    api.patch(path + "/draft", json("{'version': 1, 'integrationId': 'x'}"))
        .assertError(400, "invalid.property");
    // the unchanged contract, as a GET shows it, may be sent back
    ObjectNode same = json("{'version': 1, 'category': 'Tools'}");
    same.set("contract", draft.get("contract"));
    assertEquals(2, ok(api.patch(path + "/draft", same)).get("version").asInt());

    assertEquals(2, ok(api.get(path)).get("version").asInt(), "the published one is untouched");
    JsonNode published = ok(api.post(path + "/draft/publish", json("{'version': 2}")));
    assertEquals(3, published.get("version").asInt());
    assertEquals("Tools", published.get("category").asText());
  }

  @Test
  void validationListsContractProblemsAndPublishRefusesThem() {
    ObjectNode body = DataActions.actionBody(integration, "LLM chat");
    ((ObjectNode) body.get("contract").get("input").get("inputSchema"))
        .set("properties", json("{'messages': {'type': 'array'}}"));
    JsonNode draft = ok(api.post(DRAFTS, body));
    String path = ACTIONS + "/" + draft.get("id").asText() + "/draft";
    JsonNode invalid = ok(api.get(path + "/validation"));
    assertFalse(invalid.get("valid").asBoolean());
    assertEquals(1, invalid.get("errors").size());
    assertEquals("invalid.schema", invalid.get("errors").get(0).get("code").asText());
    assertTrue(invalid.get("errors").get(0).get("message").asText().contains("messages"));
    api.post(path + "/publish", json("{'version': 1}")).assertError(400, "invalid.schema");

    ObjectNode fix = json("{'version': 1}");
    fix.set("contract", DataActions.actionBody(integration, "x").get("contract"));
    ok(api.patch(path, fix));
    JsonNode valid = ok(api.get(path + "/validation"));
    assertTrue(valid.get("valid").asBoolean());
    assertEquals(0, valid.get("errors").size());
    assertEquals(1, ok(api.post(path + "/publish", json("{'version': 2}"))).get("version").asInt());
  }

  @Test
  void deletingTheDraftKeepsThePublishedActionAndDeletingTheActionTakesTheDraft() {
    String id = api.createAction(integration, "LLM chat");
    String path = ACTIONS + "/" + id;
    ok(api.post(path + "/draft", json("{}")));
    Http.Reply deleted = api.delete(path + "/draft");
    assertEquals(204, deleted.status());
    api.get(path + "/draft").assertError(404, "not.found");
    ok(api.get(path));
    api.delete(path + "/draft").assertError(404, "not.found");

    ok(api.post(path + "/draft", json("{}")));
    assertEquals(204, api.delete(path).status());
    api.get(path + "/draft").assertError(404, "not.found");

    String onlyDraft = api.createDraft(integration, "draft only");
    assertEquals(204, api.delete(ACTIONS + "/" + onlyDraft + "/draft").status());
    assertEquals(List.of(), idsOf(ok(api.get(DRAFTS))));
    api.post(ACTIONS + "/" + onlyDraft + "/draft", json("{}")).assertError(404, "not.found");
  }
}
