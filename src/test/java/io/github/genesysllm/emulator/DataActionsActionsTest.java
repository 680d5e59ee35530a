package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.ACTIONS;
import static io.github.genesysllm.emulator.DataActions.json;
import static io.github.genesysllm.emulator.DataActions.ok;
import static io.github.genesysllm.emulator.Http.idsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Published data actions (contract sections 5.1 to 5.3, 5.5 to 5.9). */
class DataActionsActionsTest extends DataActionsFixture {

  private String integration;

  @BeforeEach
  void createIntegration() {
    integration = api.createIntegration("LLM Gateway acme");
  }

  private ObjectNode body(Consumer<ObjectNode> change) {
    ObjectNode body = DataActions.actionBody(integration, "LLM chat acme gpt-4o-mini");
    change.accept(body);
    return body;
  }

  private void refused(Consumer<ObjectNode> change, String code) {
    api.post(ACTIONS, body(change)).assertError(400, code);
  }

  private void accepted(Consumer<ObjectNode> change) {
    ok(api.post(ACTIONS, body(change)));
  }

  @Test
  void createPublishesVersionOneWithACustomIdAndKeepsSchemasVerbatim() {
    JsonNode created = ok(api.post(ACTIONS, body(b -> {})));
    String id = created.get("id").asText();
    assertTrue(
        id.matches("custom_-_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        id);
    assertEquals(1, created.get("version").asInt());
    assertEquals(integration, created.get("integrationId").asText());
    assertEquals("LLM Gateway acme", created.get("category").asText());
    assertFalse(created.get("secure").asBoolean());
    assertEquals(ACTIONS + "/" + id, created.get("selfUri").asText());
    assertEquals(
        DataActions.inputSchema(), created.get("contract").get("input").get("inputSchema"));
    assertEquals(
        DataActions.successSchema(), created.get("contract").get("output").get("successSchema"));
    JsonNode got = ok(api.get(ACTIONS + "/" + id + "?expand=contract&includeConfig=true"));
    assertEquals(DataActions.inputSchema(), got.get("contract").get("input").get("inputSchema"));
    assertEquals(
        ACTIONS + "/" + id + "/schemas/inputschema.json",
        got.get("contract").get("input").get("inputSchemaUri").asText());
    assertEquals(
        ok(api.get(ACTIONS + "/" + id + "/schemas/successschema.json")),
        DataActions.successSchema());
    // a second action of the same name is accepted: names are not unique
    assertTrue(!api.createAction(integration, "LLM chat acme gpt-4o-mini").equals(id));
  }

  @Test
  void getShowsContractAndConfigOnlyWhenAskedAndTemplatesOnlyByUri() {
    String id = api.createAction(integration, "LLM chat");
    JsonNode plain = ok(api.get(ACTIONS + "/" + id));
    assertFalse(plain.has("contract"));
    assertFalse(plain.has("config"));
    JsonNode full = ok(api.get(ACTIONS + "/" + id + "?expand=contract&includeConfig=true"));
    JsonNode request = full.get("config").get("request");
    assertFalse(request.has("requestTemplate"));
    assertEquals(
        ACTIONS + "/" + id + "/templates/requesttemplate.vm",
        request.get("requestTemplateUri").asText());
    assertEquals(
        "Bearer ${credentials.apiKey}", request.get("headers").get("Authorization").asText());
    assertEquals(
        ACTIONS + "/" + id + "/templates/successtemplate.vm",
        full.get("config").get("response").get("successTemplateUri").asText());
    assertEquals(60, full.get("config").get("timeoutSeconds").asInt());

    Http.Reply template = api.get(ACTIONS + "/" + id + "/templates/requesttemplate.vm");
    assertEquals(200, template.status());
    assertTrue(template.header("Content-Type").startsWith("text/plain"));
    assertEquals(
        DataActions.config().get("request").get("requestTemplate").asText(), template.body());
    assertEquals(
        "{\"answer\": ${answer}}",
        api.get(ACTIONS + "/" + id + "/templates/successtemplate.vm").body());
    api.get(ACTIONS + "/" + id + "/templates/other.vm").assertError(404, "not.found");
    api.get(ACTIONS + "/" + id + "/schemas/errorschema.json").assertError(404, "not.found");
    api.get(ACTIONS + "/" + id + "?expand=config").assertError(400, "invalid.query.param.value");
    api.get(ACTIONS + "/" + id + "?includeConfig=yes")
        .assertError(400, "invalid.query.param.value");
    api.get(ACTIONS + "/custom_-_nope").assertError(404, "not.found");
  }

  @Test
  void flattenJoinsNestedOutputKeys() {
    String id =
        ok(api.post(
                ACTIONS,
                body(
                    b ->
                        ((ObjectNode) b.get("contract").get("output"))
                            .set(
                                "successSchema",
                                json(
                                    "{'type': 'object', 'required': ['usage'], 'properties': {"
                                        + " 'answer': {'type': 'string'}, 'usage': {'type':"
                                        + " 'object', 'required': ['total'], 'properties':"
                                        + " {'total': {'type': 'integer'}}}}}")))))
            .get("id")
            .asText();
    JsonNode output =
        ok(api.get(ACTIONS + "/" + id + "?expand=contract&flatten=true"))
            .get("contract")
            .get("output");
    assertFalse(output.has("successSchema"));
    JsonNode flattened = output.get("successSchemaFlattened");
    assertTrue(flattened.get("properties").has("usage.total"));
    assertEquals("[\"usage.total\"]", flattened.get("required").toString());
    assertTrue(
        ok(api.get(ACTIONS + "/" + id + "/schemas/successschema.json?flatten=true"))
            .get("properties")
            .has("usage.total"));
  }

  @Test
  void namesAndCategoriesAreOneTo256Characters() {
    accepted(b -> b.put("name", "n".repeat(256)));
    refused(b -> b.put("name", "n".repeat(257)), "constraint.validation");
    accepted(b -> b.put("name", "n"));
    refused(b -> b.put("name", ""), "constraint.validation");
    accepted(b -> b.put("category", "c".repeat(256)));
    refused(b -> b.put("category", "c".repeat(257)), "constraint.validation");
    refused(b -> b.put("category", ""), "constraint.validation");
  }

  @Test
  void timeoutSecondsIsOneToSixty() {
    accepted(b -> ((ObjectNode) b.get("config")).put("timeoutSeconds", 1));
    accepted(b -> ((ObjectNode) b.get("config")).put("timeoutSeconds", 60));
    accepted(b -> ((ObjectNode) b.get("config")).remove("timeoutSeconds"));
    refused(b -> ((ObjectNode) b.get("config")).put("timeoutSeconds", 0), "constraint.validation");
    refused(b -> ((ObjectNode) b.get("config")).put("timeoutSeconds", 61), "constraint.validation");
    refused(b -> ((ObjectNode) b.get("config")).put("timeoutSeconds", "60"), "bad.request");
  }

  @Test
  void requiredFieldsTypesAndUnknownProperties() {
    for (String field : List.of("name", "category", "integrationId", "config", "contract")) {
      refused(b -> b.remove(field), "bad.request");
    }
    refused(b -> b.put("secure", "false"), "bad.request");
    refused(b -> b.put("integrationId", "nope"), "bad.request");
    refused(b -> b.put("colour", "red"), "invalid.property");
    refused(b -> ((ObjectNode) b.get("config")).put("retries", 1), "invalid.property");
    refused(
        b -> ((ObjectNode) b.get("config").get("request")).put("requestType", "TRACE"),
        "invalid.value");
    refused(
        b -> ((ObjectNode) b.get("config").get("request")).remove("requestUrlTemplate"),
        "bad.request");
    refused(
        b -> ((ObjectNode) b.get("config").get("response")).set("translationMap", json("{'a': 1}")),
        "bad.request");
    refused(b -> ((ObjectNode) b.get("contract")).remove("output"), "bad.request");
    accepted(b -> b.put("id", "custom_-_mine").put("selfUri", "/x"));
    accepted(
        b ->
            ((ObjectNode) b.get("config").get("request"))
                .put("requestTemplateUri", "/ignored/requesttemplate.vm"));
    Http.Reply notJson = api.http.send("POST", ACTIONS, api.token, "{\"name\": ");
    notJson.assertError(400, "bad.request");
    Http.Reply array = api.http.send("POST", ACTIONS, api.token, "[]");
    array.assertError(400, "bad.request");
  }

  @Test
  void theContractRulesOfSection52AreEnforced() {
    refused(
        b -> input(b).set("properties", json("{'p': {'$ref': '#/definitions/x'}}")),
        "invalid.schema");
    refused(
        b -> input(b).set("properties", json("{'messages': {'type': 'array'}}")), "invalid.schema");
    refused(
        b -> input(b).set("properties", json("{'nested': {'type': 'object'}}")), "invalid.schema");
    refused(
        b -> input(b).set("properties", json("{'rawRequest': {'type': 'string'}}")),
        "invalid.schema");
    refused(b -> input(b).set("properties", json("{'1st': {'type': 'string'}}")), "invalid.schema");
    refused(b -> input(b).put("type", "array"), "invalid.schema");
    refused(
        b ->
            output(b)
                .set("properties", json("{'rows': {'type': 'array', 'items': {'type': 'array'}}}")),
        "invalid.schema");
    accepted(
        b ->
            output(b)
                .set(
                    "properties",
                    json(
                        "{'ids': {'type': 'array', 'items': {'type': 'string'}},"
                            + " 'usage': {'type': 'object', 'properties': {}}}")));
    accepted(b -> input(b).remove("$schema"));
  }

  private static ObjectNode input(ObjectNode body) {
    return (ObjectNode) body.get("contract").get("input").get("inputSchema");
  }

  private static ObjectNode output(ObjectNode body) {
    return (ObjectNode) body.get("contract").get("output").get("successSchema");
  }

  @Test
  void listingSearchesByNameAndFiltersWithoutAnIntegrationFilter() {
    String other = api.createIntegration("other");
    String a = api.createAction(integration, "LLM chat acme gpt-4o-mini");
    String b = api.createAction(other, "LLM chat acme llama");
    String c =
        ok(api.post(
                ACTIONS,
                body(b2 -> b2.put("name", "Weather").put("category", "Tools").put("secure", true))))
            .get("id")
            .asText();
    assertEquals(List.of(a, b, c), idsOf(ok(api.get(ACTIONS))));
    assertEquals(List.of(a, b), idsOf(ok(api.get(ACTIONS + "?name=CHAT%20ACME"))));
    assertEquals(List.of(a), idsOf(ok(api.get(ACTIONS + "?name=mini"))));
    assertEquals(List.of(a, b, c), idsOf(ok(api.get(ACTIONS + "?integrationId=" + integration))));
    assertEquals(List.of(c), idsOf(ok(api.get(ACTIONS + "?category=tools"))));
    assertEquals(List.of(c), idsOf(ok(api.get(ACTIONS + "?secure=true"))));
    assertEquals(List.of(a, b), idsOf(ok(api.get(ACTIONS + "?secure=false"))));
    api.get(ACTIONS + "?secure=yes").assertError(400, "invalid.query.param.value");
    assertEquals(List.of(a, c), idsOf(ok(api.get(ACTIONS + "?ids=" + a + "," + c))));
    StringBuilder fifty = new StringBuilder(a);
    for (int i = 1; i < 50; i++) {
      fifty.append(",x").append(i);
    }
    assertEquals(List.of(a), idsOf(ok(api.get(ACTIONS + "?ids=" + fifty))));
    api.get(ACTIONS + "?ids=" + fifty + ",x50").assertError(400, "invalid.query.param.value");
    assertEquals(List.of(c, b, a), idsOf(ok(api.get(ACTIONS + "?sortBy=name&sortOrder=desc"))));
    api.get(ACTIONS + "?sortBy=colour").assertError(400, "invalid.query.param.value");
    JsonNode page = ok(api.get(ACTIONS + "?pageSize=2&pageNumber=2"));
    assertEquals(List.of(c), idsOf(page));
    assertEquals(3, page.get("total").asInt());
    assertEquals(0, ok(api.get(ACTIONS + "?pageSize=2&pageNumber=3")).get("entities").size());
    assertEquals(100, ok(api.get(ACTIONS + "?pageSize=500")).get("pageSize").asInt());
    JsonNode entity = ok(api.get(ACTIONS)).get("entities").get(0);
    assertFalse(entity.has("config") || entity.has("contract"));
    assertTrue(
        ok(api.get(ACTIONS + "?includeConfig=true"))
            .get("entities")
            .get(0)
            .get("config")
            .get("request")
            .has("requestTemplateUri"));
  }

  @Test
  void patchNeedsTheCurrentVersionAndLeavesContractSecureAndIntegrationAlone() {
    String id = api.createAction(integration, "LLM chat");
    String path = ACTIONS + "/" + id;
    ObjectNode config = DataActions.config();
    ((ObjectNode) config.get("request")).put("requestUrlTemplate", "https://other.example/v1");
    ObjectNode update = json("{'version': 1, 'name': 'LLM chat v2'}");
    update.set("config", config);
    JsonNode patched = ok(api.patch(path, update));
    assertEquals(2, patched.get("version").asInt());
    assertEquals("LLM chat v2", patched.get("name").asText());
    assertEquals("LLM Gateway acme", patched.get("category").asText());
    assertEquals(
        "https://other.example/v1",
        ok(api.get(path + "?includeConfig=true"))
            .get("config")
            .get("request")
            .get("requestUrlTemplate")
            .asText());
    JsonNode stale = api.patch(path, update).assertError(409, "request.conflict");
    assertTrue(stale.get("message").asText().contains("does not match the current version"));
    for (String immutable : List.of("contract", "secure", "integrationId")) {
      ObjectNode body = json("{'version': 2}");
      body.set(immutable, DataActions.actionBody(integration, "x").get(immutable));
      api.patch(path, body).assertError(400, "invalid.property");
    }
    api.patch(path, json("{'name': 'no version'}")).assertError(400, "bad.request");
    api.patch(path, json("{'version': 2, 'name': '" + "n".repeat(257) + "'}"))
        .assertError(400, "constraint.validation");
    assertEquals(2, ok(api.get(path)).get("version").asInt(), "refused patches changed nothing");
    api.patch(ACTIONS + "/custom_-_nope", json("{'version': 1}")).assertError(404, "not.found");
  }

  @Test
  void deleteAnswers204ThenTheActionIsGone() {
    String id = api.createAction(integration, "LLM chat");
    Http.Reply deleted = api.delete(ACTIONS + "/" + id);
    assertEquals(204, deleted.status());
    assertTrue(deleted.body().isEmpty());
    api.get(ACTIONS + "/" + id).assertError(404, "not.found");
    api.get(ACTIONS + "/" + id + "/templates/requesttemplate.vm").assertError(404, "not.found");
    api.delete(ACTIONS + "/" + id).assertError(404, "not.found");
  }
}
