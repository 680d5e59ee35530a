package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.ACTIONS;
import static io.github.genesysllm.emulator.DataActions.CREDENTIALS;
import static io.github.genesysllm.emulator.DataActions.DRAFTS;
import static io.github.genesysllm.emulator.DataActions.INTEGRATIONS;
import static io.github.genesysllm.emulator.DataActions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The wire conventions of contract section 1.1 on every kind of data-actions answer: each carries
 * its own {@code ININ-Correlation-Id} (JSON, {@code text/plain} template files, empty 204s, errors,
 * whose {@code contextId} is the same value); every create, update, publish and test is 200, never
 * 201; the deletes of an action, a draft and a credential are 204 with an empty body, that of an
 * integration 200 with it.
 */
class DataActionsWireTest extends DataActionsFixture {

  private final Set<String> correlationIds = new HashSet<>();

  /** The reply, after checking it has a correlation id of its own. */
  private Http.Reply correlated(Http.Reply reply) {
    String id = reply.header("ININ-Correlation-Id");
    assertTrue(
        id != null, () -> "no ININ-Correlation-Id on " + reply.status() + " " + reply.body());
    UUID.fromString(id);
    assertTrue(correlationIds.add(id), "unique per answer");
    return reply;
  }

  private void json200(Http.Reply reply) {
    correlated(reply);
    assertEquals(200, reply.status(), reply::body);
    assertTrue(reply.header("Content-Type").startsWith("application/json"));
  }

  private void empty204(Http.Reply reply) {
    correlated(reply);
    assertEquals(204, reply.status(), reply::body);
    assertEquals("", reply.body());
    assertNull(reply.header("Content-Type"));
  }

  @Test
  void everyAnswerCarriesItsOwnCorrelationIdWithTheContractsStatuses() {
    Http.Reply credential =
        api.post(CREDENTIALS, DataActions.credentialBody("llm-gw-acme", "sk-wire-1"));
    json200(credential);
    String credentialId = credential.json().get("id").asText();
    json200(api.put(CREDENTIALS + "/" + credentialId, DataActions.credentialBody("k", "sk-2")));
    Http.Reply integration =
        api.post(INTEGRATIONS, json("{'integrationType': {'id': 'custom-rest-actions'}}"));
    json200(integration);
    String integrationId = integration.json().get("id").asText();
    String config = INTEGRATIONS + "/" + integrationId + "/config/current";
    json200(
        api.put(
            config,
            ((ObjectNode) DataActions.ok(api.get(config)))
                .set("credentials", json("{'basicAuth': {'id': '" + credentialId + "'}}"))));
    json200(api.patch(INTEGRATIONS + "/" + integrationId, json("{'intendedState': 'ENABLED'}")));
    Http.Reply action = api.post(ACTIONS, DataActions.actionBody(integrationId, "LLM chat"));
    json200(action);
    String actionId = action.json().get("id").asText();
    String actionPath = ACTIONS + "/" + actionId;
    json200(api.patch(actionPath, json("{'version': 1, 'name': 'LLM chat 2'}")));
    json200(api.post(actionPath + "/draft", json("{}")));
    json200(api.post(actionPath + "/draft/publish", json("{'version': 1}")));
    Http.Reply draft = api.post(DRAFTS, DataActions.actionBody(integrationId, "LLM draft"));
    json200(draft);
    String draftPath = ACTIONS + "/" + draft.json().get("id").asText() + "/draft";

    for (String file : List.of("requesttemplate.vm", "successtemplate.vm")) {
      Http.Reply template = correlated(api.get(actionPath + "/templates/" + file));
      assertEquals(200, template.status());
      assertTrue(template.header("Content-Type").startsWith("text/plain"));
      Http.Reply draftTemplate = correlated(api.get(draftPath + "/templates/" + file));
      assertEquals(200, draftTemplate.status());
      assertTrue(draftTemplate.header("Content-Type").startsWith("text/plain"));
    }

    // errors: contextId is the answer's correlation id (Http.Reply.assertError checks it)
    correlated(api.get(actionPath + "/templates/other.vm")).assertError(404, "not.found");
    correlated(api.get(ACTIONS + "?pageSize=0")).assertError(400, "invalid.query.param.value");
    correlated(api.patch(actionPath, json("{'version': 1}"))).assertError(409, "request.conflict");
    correlated(api.http.send("PUT", actionPath, api.token, "{}"))
        .assertError(405, "method.not.allowed");
    correlated(api.http.get(ACTIONS, null)).assertError(401, "authentication.required");

    empty204(api.delete(draftPath));
    empty204(api.delete(actionPath));
    Http.Reply deletedIntegration = api.delete(INTEGRATIONS + "/" + integrationId);
    json200(deletedIntegration);
    assertEquals(integrationId, deletedIntegration.json().get("id").asText());
    empty204(api.delete(CREDENTIALS + "/" + credentialId));
  }
}
