package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.CREDENTIALS;
import static io.github.genesysllm.emulator.DataActions.json;
import static io.github.genesysllm.emulator.DataActions.ok;
import static io.github.genesysllm.emulator.Http.idsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Credentials (contract section 3): types, lifecycle, redaction, both listings. */
class DataActionsCredentialsTest extends DataActionsFixture {

  @Test
  void typesAreABareArrayWithTheThreeTypesAndBasicAuthNeedsAUserName() {
    JsonNode types = ok(api.get(CREDENTIALS + "/types"));
    assertTrue(types.isArray());
    List<String> names = new ArrayList<>();
    types.forEach(t -> names.add(t.get("name").asText()));
    assertEquals(List.of("basicAuth", "userDefined", "userDefinedOAuth"), names);
    assertEquals("userName", types.get(0).get("required").get(0).asText());
    assertEquals(0, types.get(1).get("required").size());
  }

  @Test
  void createAnswersCredentialInfoAndGetRedactsEveryValue() {
    Http.Reply created =
        api.post(CREDENTIALS, DataActions.credentialBody("llm-gw-acme", "sk-live-secret-1"));
    JsonNode info = ok(created);
    assertFalse(created.body().contains("sk-live-secret-1"));
    String id = info.get("id").asText();
    assertEquals("llm-gw-acme", info.get("name").asText());
    assertEquals("userDefined", info.get("type").get("name").asText());
    assertEquals(CREDENTIALS + "/" + id, info.get("selfUri").asText());
    assertTrue(info.get("createdDate").asText().endsWith("Z"));
    assertFalse(info.has("credentialFields"));

    Http.Reply got = api.get(CREDENTIALS + "/" + id);
    JsonNode credential = ok(got);
    assertFalse(got.body().contains("sk-live-secret-1"));
    assertTrue(credential.get("credentialFields").has("apiKey"));
    assertTrue(credential.get("credentialFields").get("apiKey").isNull());
    assertEquals("userDefined", credential.get("type").get("name").asText());

    api.get(CREDENTIALS + "/nope").assertError(404, "not.found");
  }

  @Test
  void putReplacesEverythingWithoutVersionAndKeepsTheCreationDate() {
    JsonNode created = ok(api.post(CREDENTIALS, DataActions.credentialBody("a", "sk-1")));
    String path = CREDENTIALS + "/" + created.get("id").asText();
    ObjectNode replacement =
        json("{'name': 'b', 'type': {'name': 'basicAuth'}}")
            .set("credentialFields", json("{'userName': 'u', 'password': 'sk-2'}"));
    JsonNode replaced = ok(api.put(path, replacement));
    assertEquals("b", replaced.get("name").asText());
    assertEquals("basicAuth", replaced.get("type").get("name").asText());
    assertEquals(created.get("createdDate"), replaced.get("createdDate"));
    JsonNode fields = ok(api.get(path)).get("credentialFields");
    assertTrue(fields.has("userName") && fields.has("password") && !fields.has("apiKey"));
    api.put(CREDENTIALS + "/nope", replacement).assertError(404, "not.found");
  }

  @Test
  void bodiesAreCheckedStrictly() {
    api.post(CREDENTIALS, json("{'name': 'x', 'type': {'name': 'oauth2'}}"))
        .assertError(400, "invalid.value");
    api.post(CREDENTIALS, json("{'name': 'x'}")).assertError(400, "bad.request");
    api.post(CREDENTIALS, json("{'name': 'x', 'type': {'name': 'basicAuth'}}"))
        .assertError(400, "bad.request");
    api.post(
            CREDENTIALS,
            json("{'type': {'name': 'basicAuth'}, 'credentialFields': {'password': 'p'}}"))
        .assertError(400, "bad.request");
    api.post(
            CREDENTIALS,
            json("{'type': {'name': 'userDefined'}, 'credentialFields': {'api-key': 'k'}}"))
        .assertError(400, "invalid.value");
    api.post(
            CREDENTIALS,
            json("{'type': {'name': 'userDefined'}, 'credentialFields': {'apiKey': 5}}"))
        .assertError(400, "bad.request");
    api.post(CREDENTIALS, json("{'type': {'name': 'userDefined'}, 'colour': 'red'}"))
        .assertError(400, "invalid.property");
    // read-only fields of a GET are ignored, a name is optional
    JsonNode created =
        ok(
            api.post(
                CREDENTIALS,
                json(
                    "{'id': 'mine', 'selfUri': '/x', 'type': {'name': 'userDefined', 'id': 't'},"
                        + " 'credentialFields': {}}")));
    assertNotEquals("mine", created.get("id").asText());
    assertFalse(created.has("name"));
  }

  @Test
  void deleteAnswers204AndIsRefusedWhileAnIntegrationUsesTheCredential() {
    String credential = api.createCredential("k", "sk-1");
    String integration = api.createIntegration("LLM");
    api.configure(integration, credential);
    JsonNode conflict =
        api.delete(CREDENTIALS + "/" + credential).assertError(409, "request.conflict");
    assertEquals(integration, conflict.get("entityId").asText());
    assertEquals(200, api.delete(DataActions.INTEGRATIONS + "/" + integration).status());
    Http.Reply deleted = api.delete(CREDENTIALS + "/" + credential);
    assertEquals(204, deleted.status());
    assertTrue(deleted.body().isEmpty());
    api.get(CREDENTIALS + "/" + credential).assertError(404, "not.found");
    api.delete(CREDENTIALS + "/" + credential).assertError(404, "not.found");
  }

  @Test
  void cursorListingGoesAfterTheLastIdInAStableOrderUpTo200APage() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(api.createCredential("c" + i, "sk-" + i));
    }
    ids.sort(null);
    JsonNode first = ok(api.get(CREDENTIALS + "/listing?pageSize=2"));
    assertEquals(List.of(ids.get(0), ids.get(1)), idsOf(first));
    assertTrue(first.get("nextUri").asText().contains("after=" + ids.get(1)));
    assertFalse(first.toString().contains("sk-"));
    JsonNode second = ok(api.get(CREDENTIALS + "/listing?pageSize=2&after=" + ids.get(1)));
    assertEquals(List.of(ids.get(2), ids.get(3)), idsOf(second));
    assertTrue(second.get("previousUri").asText().contains("before=" + ids.get(2)));
    // the cursor need not exist any more: the page starts where it would be
    assertEquals(204, api.delete(CREDENTIALS + "/" + ids.get(3)).status());
    assertEquals(
        List.of(ids.get(4)),
        idsOf(ok(api.get(CREDENTIALS + "/listing?pageSize=2&after=" + ids.get(3)))));
    JsonNode past = ok(api.get(CREDENTIALS + "/listing?pageSize=2&after=" + ids.get(4)));
    assertEquals(0, past.get("entities").size());
    assertFalse(past.has("nextUri"));
    JsonNode before = ok(api.get(CREDENTIALS + "/listing?pageSize=2&before=" + ids.get(2)));
    assertEquals(List.of(ids.get(0), ids.get(1)), idsOf(before));
    // bounds: 200 and more are one page of 200; below 1 and non-numbers are refused
    assertTrue(
        ok(api.get(CREDENTIALS + "/listing?pageSize=200"))
            .get("selfUri")
            .asText()
            .contains("pageSize=200"));
    assertTrue(
        ok(api.get(CREDENTIALS + "/listing?pageSize=201"))
            .get("selfUri")
            .asText()
            .contains("pageSize=200"));
    api.get(CREDENTIALS + "/listing?pageSize=0").assertError(400, "invalid.query.param.value");
    api.get(CREDENTIALS + "/listing?pageSize=ten").assertError(400, "invalid.query.param.value");
    api.get(CREDENTIALS + "/listing?after=a&before=b")
        .assertError(400, "invalid.query.param.value");
  }

  @Test
  void deprecatedListingPagesByNumberUpTo100() {
    for (int i = 0; i < 3; i++) {
      api.createCredential("c" + i, "sk-" + i);
    }
    JsonNode page = ok(api.get(CREDENTIALS + "?pageSize=2&pageNumber=2"));
    assertEquals(1, page.get("entities").size());
    assertEquals(3, page.get("total").asInt());
    assertEquals(2, page.get("pageCount").asInt());
    assertTrue(page.get("previousUri").asText().endsWith("pageSize=2&pageNumber=1"));
    assertFalse(page.has("nextUri"));
    assertEquals(0, ok(api.get(CREDENTIALS + "?pageNumber=3&pageSize=2")).get("entities").size());
    assertEquals(100, ok(api.get(CREDENTIALS + "?pageSize=100")).get("pageSize").asInt());
    assertEquals(100, ok(api.get(CREDENTIALS + "?pageSize=101")).get("pageSize").asInt());
    assertEquals(25, ok(api.get(CREDENTIALS)).get("pageSize").asInt());
    api.get(CREDENTIALS + "?pageNumber=0").assertError(400, "invalid.query.param.value");
    assertFalse(ok(api.get(CREDENTIALS)).toString().contains("sk-"));
  }
}
