package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The data-actions tests' client: paths, the bodies of the contract's section 9, and the steps of
 * provisioning, each asserting its 200.
 */
final class DataActions {

  static final String INTEGRATIONS = "/api/v2/integrations";
  static final String CREDENTIALS = INTEGRATIONS + "/credentials";
  static final String ACTIONS = INTEGRATIONS + "/actions";
  static final String DRAFTS = ACTIONS + "/drafts";

  final Http http;
  final String token;

  DataActions(Emulator emulator) {
    this.http = new Http(emulator);
    this.token = http.token(emulator);
  }

  DataActions(Emulator emulator, String clientId, String secret) {
    this.http = new Http(emulator);
    this.token = http.token(clientId, secret);
  }

  Http.Reply get(String path) {
    return http.get(path, token);
  }

  Http.Reply post(String path, JsonNode body) {
    return http.post(path, token, body);
  }

  Http.Reply put(String path, JsonNode body) {
    return http.put(path, token, body);
  }

  Http.Reply patch(String path, JsonNode body) {
    return http.patch(path, token, body);
  }

  Http.Reply delete(String path) {
    return http.delete(path, token);
  }

  /** The JSON of a 200 answer. */
  static JsonNode ok(Http.Reply reply) {
    assertEquals(200, reply.status(), reply::body);
    return reply.json();
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) ProviderJson.MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode credentialBody(String name, String apiKey) {
    return json("{'name': '" + name + "', 'type': {'name': 'userDefined'}}")
        .set("credentialFields", json("{}").put("apiKey", apiKey));
  }

  static ObjectNode inputSchema() {
    return json(
        "{'$schema': 'http://json-schema.org/draft-04/schema#', 'title': 'ChatCompletionInput',"
            + " 'type': 'object', 'required': ['prompt', 'maxTokens'], 'properties': {"
            + " 'prompt': {'type': 'string', 'title': 'prompt', 'description': 'User message'},"
            + " 'maxTokens': {'type': 'integer', 'title': 'maxTokens', 'minimum': 1, 'default': 16}},"
            + " 'additionalProperties': true}");
  }

  static ObjectNode successSchema() {
    return json(
        "{'$schema': 'http://json-schema.org/draft-04/schema#', 'title': 'ChatCompletionOutput',"
            + " 'type': 'object', 'required': ['answer'],"
            + " 'properties': {'answer': {'type': 'string', 'title': 'answer'}},"
            + " 'additionalProperties': true}");
  }

  static ObjectNode config() {
    ObjectNode config = json("{'timeoutSeconds': 60}");
    ObjectNode request = config.putObject("request");
    request.put("requestUrlTemplate", "https://llm.example.com/v1/chat/completions");
    request.put("requestType", "POST");
    request.set(
        "headers",
        json(
            "{'Authorization': 'Bearer ${credentials.apiKey}',"
                + " 'Content-Type': 'application/json'}"));
    request.put(
        "requestTemplate",
        "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\":"
            + " \"$esc.jsonString(${input.prompt})\"}], \"max_tokens\": ${input.maxTokens}}");
    ObjectNode response = config.putObject("response");
    response.set("translationMap", json("{'answer': '$.choices[0].message.content'}"));
    response.putObject("translationMapDefaults");
    response.put("successTemplate", "{\"answer\": ${answer}}");
    return config;
  }

  /** The PostActionInput of section 9 step 5. */
  static ObjectNode actionBody(String integrationId, String name) {
    ObjectNode body = json("{'category': 'LLM Gateway acme', 'secure': false}");
    body.put("name", name);
    body.put("integrationId", integrationId);
    body.set("config", config());
    ObjectNode contract = body.putObject("contract");
    contract.putObject("input").set("inputSchema", inputSchema());
    contract.putObject("output").set("successSchema", successSchema());
    return body;
  }

  String createCredential(String name, String apiKey) {
    return ok(post(CREDENTIALS, credentialBody(name, apiKey))).get("id").asText();
  }

  String createIntegration(String name) {
    ObjectNode body = json("{'integrationType': {'id': 'custom-rest-actions'}}");
    if (name != null) {
      body.put("name", name);
    }
    return ok(post(INTEGRATIONS, body)).get("id").asText();
  }

  /** GET config/current, then PUT it with the credential under basicAuth; the new config. */
  JsonNode configure(String integrationId, String credentialId) {
    String path = INTEGRATIONS + "/" + integrationId + "/config/current";
    ObjectNode config = (ObjectNode) ok(get(path));
    config.set("credentials", json("{'basicAuth': {'id': '" + credentialId + "'}}"));
    return ok(put(path, config));
  }

  JsonNode setState(String integrationId, String intendedState) {
    return ok(
        patch(
            INTEGRATIONS + "/" + integrationId,
            json("{'intendedState': '" + intendedState + "'}")));
  }

  /** Credential, integration, its config and ENABLED: the integration's id. */
  String readyIntegration(String apiKey) {
    String credential = createCredential("llm-gw-acme", apiKey);
    String integration = createIntegration("LLM Gateway acme");
    configure(integration, credential);
    setState(integration, "ENABLED");
    return integration;
  }

  String createAction(String integrationId, String name) {
    return ok(post(ACTIONS, actionBody(integrationId, name))).get("id").asText();
  }

  String createDraft(String integrationId, String name) {
    return ok(post(DRAFTS, actionBody(integrationId, name))).get("id").asText();
  }
}
