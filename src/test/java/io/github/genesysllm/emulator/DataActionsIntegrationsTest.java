package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.ACTIONS;
import static io.github.genesysllm.emulator.DataActions.INTEGRATIONS;
import static io.github.genesysllm.emulator.DataActions.json;
import static io.github.genesysllm.emulator.DataActions.ok;
import static io.github.genesysllm.emulator.Http.idsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Integrations (contract section 4): type, lifecycle, state, versioned config, cascade. */
class DataActionsIntegrationsTest extends DataActionsFixture {

  @Test
  void theTypeHasItsBasicAuthSlotAndEmptyConfigSchemas() {
    JsonNode type = ok(api.get(INTEGRATIONS + "/types/custom-rest-actions"));
    assertEquals("custom-rest-actions", type.get("id").asText());
    JsonNode slot = type.get("credentials").get("basicAuth");
    assertTrue(slot.get("credentialTypes").toString().contains("userDefined"));
    assertEquals(1, type.get("credentials").size());
    JsonNode schema =
        ok(api.get(INTEGRATIONS + "/types/custom-rest-actions/configschemas/properties"));
    assertEquals(0, schema.get("properties").size());
    api.get(INTEGRATIONS + "/types/purecloud-data-actions").assertError(404, "not.found");
    api.get(INTEGRATIONS + "/types/custom-rest-actions/configschemas/other")
        .assertError(404, "not.found");
  }

  @Test
  void createTakesAnOptionalNameAndStartsDisabled() {
    JsonNode unnamed =
        ok(api.post(INTEGRATIONS, json("{'integrationType': {'id': 'custom-rest-actions'}}")));
    assertEquals("Web Services Data Actions", unnamed.get("name").asText());
    assertEquals("DISABLED", unnamed.get("intendedState").asText());
    assertEquals("INACTIVE", unnamed.get("reportedState").get("code").asText());
    assertEquals("custom-rest-actions", unnamed.get("integrationType").get("id").asText());
    String id = unnamed.get("id").asText();
    assertEquals(INTEGRATIONS + "/" + id, unnamed.get("selfUri").asText());
    assertEquals(unnamed, ok(api.get(INTEGRATIONS + "/" + id)));

    String named = api.createIntegration("LLM Gateway acme");
    assertEquals("LLM Gateway acme", ok(api.get(INTEGRATIONS + "/" + named)).get("name").asText());

    api.post(INTEGRATIONS, json("{'integrationType': {'id': 'salesforce'}}"))
        .assertError(400, "invalid.value");
    api.post(INTEGRATIONS, json("{'name': 'x'}")).assertError(400, "bad.request");
    api.post(INTEGRATIONS, json("{'name': ' ', 'integrationType': {'id': 'custom-rest-actions'}}"))
        .assertError(400, "constraint.validation");
    api.post(
            INTEGRATIONS,
            json("{'integrationType': {'id': 'custom-rest-actions'}, 'intendedState': 'ENABLED'}"))
        .assertError(400, "invalid.property");
    api.get(INTEGRATIONS + "/nope").assertError(404, "not.found");
  }

  @Test
  void theFiftyFirstIntegrationIsRefused() {
    for (int i = 0; i < 50; i++) {
      api.createIntegration("i" + i);
    }
    api.post(INTEGRATIONS, json("{'integrationType': {'id': 'custom-rest-actions'}}"))
        .assertError(400, "max.integrations.reached");
  }

  @Test
  void reportedStateFollowsTheIntendedStateAndTheCredential() {
    String id = api.createIntegration("LLM");
    JsonNode enabled = api.setState(id, "ENABLED");
    assertEquals("ENABLED", enabled.get("intendedState").asText());
    assertEquals("ERROR", enabled.get("reportedState").get("code").asText());

    api.setState(id, "DISABLED");
    api.configure(id, api.createCredential("k", "sk-1"));
    assertEquals(
        "INACTIVE", ok(api.get(INTEGRATIONS + "/" + id)).get("reportedState").get("code").asText());
    assertEquals(
        "ACTIVATING", api.setState(id, "ENABLED").get("reportedState").get("code").asText());
    assertEquals(
        "ACTIVATING",
        ok(api.get(INTEGRATIONS + "/" + id)).get("reportedState").get("code").asText());
    assertEquals(
        "ACTIVE", ok(api.get(INTEGRATIONS + "/" + id)).get("reportedState").get("code").asText());

    String path = INTEGRATIONS + "/" + id;
    api.patch(path, json("{'intendedState': 'DELETED'}")).assertError(400, "invalid.value");
    api.patch(path, json("{'intendedState': 'enabled'}")).assertError(400, "invalid.value");
    api.patch(path, json("{}")).assertError(400, "bad.request");
    api.patch(path, json("{'intendedState': 'ENABLED', 'colour': 1}"))
        .assertError(400, "invalid.property");
    // read-only fields of a GET are ignored
    ObjectNode whole = (ObjectNode) ok(api.get(path));
    whole.put("name", "renamed").put("intendedState", "DISABLED");
    JsonNode disabled = ok(api.patch(path, whole));
    assertEquals("INACTIVE", disabled.get("reportedState").get("code").asText());
    assertEquals("LLM", disabled.get("name").asText());
    api.patch(INTEGRATIONS + "/nope", json("{'intendedState': 'ENABLED'}"))
        .assertError(404, "not.found");
  }

  @Test
  void configCurrentIsVersionedAndShowsItsCredentialAsCredentialInfo() {
    String id = api.createIntegration("LLM");
    String path = INTEGRATIONS + "/" + id + "/config/current";
    JsonNode fresh = ok(api.get(path));
    assertEquals(1, fresh.get("version").asInt());
    assertEquals("LLM", fresh.get("name").asText());
    assertEquals("", fresh.get("notes").asText());
    for (String field : List.of("properties", "advanced", "credentials")) {
      assertEquals(0, fresh.get(field).size(), field);
    }
    String credential = api.createCredential("llm-gw-acme", "sk-live-123");
    ObjectNode update =
        json(
            "{'name': 'LLM Gateway acme', 'version': 1, 'notes': 'managed', 'properties': {},"
                + " 'advanced': {'x': 1}}");
    update.set("credentials", json("{'basicAuth': {'id': '" + credential + "'}}"));
    Http.Reply put = api.put(path, update);
    JsonNode stored = ok(put);
    assertFalse(put.body().contains("sk-live-123"));
    assertEquals(2, stored.get("version").asInt());
    JsonNode info = stored.get("credentials").get("basicAuth");
    assertEquals(credential, info.get("id").asText());
    assertEquals("llm-gw-acme", info.get("name").asText());
    assertEquals(1, stored.get("advanced").get("x").asInt());
    assertEquals(stored, ok(api.get(path)));
    JsonNode integration = ok(api.get(INTEGRATIONS + "/" + id));
    assertEquals("LLM Gateway acme", integration.get("name").asText());
    assertEquals("managed", integration.get("notes").asText());
    assertFalse(integration.has("config"));
    assertEquals(
        2,
        ok(api.get(INTEGRATIONS + "/" + id + "?expand=config.current"))
            .get("config")
            .get("current")
            .get("version")
            .asInt());

    // the stale version is a conflict; the GET's own answer can be sent back as it is
    api.put(path, update).assertError(409, "version.conflict");
    ObjectNode again = (ObjectNode) stored.deepCopy();
    assertEquals(3, ok(api.put(path, again)).get("version").asInt());

    ObjectNode missing = (ObjectNode) ok(api.get(path)).deepCopy();
    missing.remove("notes");
    api.put(path, missing).assertError(400, "bad.request");
    ObjectNode unknownCredential = (ObjectNode) ok(api.get(path)).deepCopy();
    unknownCredential.set("credentials", json("{'basicAuth': {'id': 'nope'}}"));
    api.put(path, unknownCredential).assertError(400, "invalid.value");
    ObjectNode otherKey = (ObjectNode) ok(api.get(path)).deepCopy();
    otherKey.set("credentials", json("{'oauth': {'id': '" + credential + "'}}"));
    api.put(path, otherKey).assertError(400, "invalid.value");
    ObjectNode unknownField = (ObjectNode) ok(api.get(path)).deepCopy();
    unknownField.put("colour", "red");
    api.put(path, unknownField).assertError(400, "invalid.property");
    assertEquals(3, ok(api.get(path)).get("version").asInt(), "refused updates changed nothing");
    api.get(INTEGRATIONS + "/nope/config/current").assertError(404, "not.found");
  }

  @Test
  void listingFiltersAndPages() {
    String credential = api.createCredential("k", "sk-1");
    String a = api.createIntegration("a");
    String b = api.createIntegration("b");
    String c = api.createIntegration("c");
    api.configure(b, credential);
    api.setState(b, "ENABLED");
    api.setState(c, "ENABLED");
    assertEquals(List.of(a, b, c), idsOf(ok(api.get(INTEGRATIONS))));
    assertEquals(
        List.of(a, b, c),
        idsOf(ok(api.get(INTEGRATIONS + "?integrationType=custom-rest-actions"))));
    assertEquals(List.of(), idsOf(ok(api.get(INTEGRATIONS + "?integrationType=other"))));
    assertEquals(List.of(c), idsOf(ok(api.get(INTEGRATIONS + "?reportedState=error"))));
    assertEquals(List.of(a), idsOf(ok(api.get(INTEGRATIONS + "?reportedState=INACTIVE"))));
    api.get(INTEGRATIONS + "?reportedState=SLEEPING").assertError(400, "invalid.query.param.value");
    assertEquals(List.of(b), idsOf(ok(api.get(INTEGRATIONS + "?credentialId=" + credential))));
    assertEquals(List.of(a, c), idsOf(ok(api.get(INTEGRATIONS + "?ids=" + a + "&ids=" + c))));
    assertEquals(List.of(a, c), idsOf(ok(api.get(INTEGRATIONS + "?ids=" + a + "," + c))));
    StringBuilder hundred = new StringBuilder(a);
    for (int i = 1; i < 100; i++) {
      hundred.append(",x").append(i);
    }
    assertEquals(List.of(a), idsOf(ok(api.get(INTEGRATIONS + "?ids=" + hundred))));
    api.get(INTEGRATIONS + "?ids=" + hundred + ",x100")
        .assertError(400, "invalid.query.param.value");
    JsonNode page = ok(api.get(INTEGRATIONS + "?pageSize=2&pageNumber=2"));
    assertEquals(List.of(c), idsOf(page));
    assertEquals(2, page.get("pageCount").asInt());
    assertEquals(100, ok(api.get(INTEGRATIONS + "?pageSize=101")).get("pageSize").asInt());
    api.get(INTEGRATIONS + "?pageSize=0").assertError(400, "invalid.query.param.value");
    assertTrue(
        ok(api.get(INTEGRATIONS + "?expand=config.current"))
            .get("entities")
            .get(1)
            .get("config")
            .get("current")
            .get("credentials")
            .has("basicAuth"));
    api.get(INTEGRATIONS + "?expand=everything").assertError(400, "invalid.query.param.value");
  }

  @Test
  void deleteAnswersTheIntegrationAndTakesItsActionsAndDraftsAlong() {
    String id = api.readyIntegration("sk-1");
    String other = api.readyIntegration("sk-2");
    String action = api.createAction(id, "LLM chat acme");
    String draft = api.createDraft(id, "LLM chat draft");
    String kept = api.createAction(other, "LLM chat other");
    Http.Reply deleted = api.delete(INTEGRATIONS + "/" + id);
    JsonNode body = ok(deleted);
    assertEquals(id, body.get("id").asText());
    assertEquals("LLM Gateway acme", body.get("name").asText());
    api.get(INTEGRATIONS + "/" + id).assertError(404, "not.found");
    api.get(ACTIONS + "/" + action).assertError(404, "not.found");
    api.get(ACTIONS + "/" + draft + "/draft").assertError(404, "not.found");
    api.delete(ACTIONS + "/" + action).assertError(404, "not.found");
    assertEquals(List.of(kept), idsOf(ok(api.get(ACTIONS))));
    assertEquals(List.of(), idsOf(ok(api.get(DataActions.DRAFTS))));
    api.delete(INTEGRATIONS + "/" + id).assertError(404, "not.found");
  }
}
