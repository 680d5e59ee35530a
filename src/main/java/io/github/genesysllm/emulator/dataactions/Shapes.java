package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON the data-actions endpoints answer (contract sections 3 to 5): CredentialInfo and the
 * redacted Credential, Integration and IntegrationConfiguration, Action. No credential value is
 * ever written here; templates are referenced by URI, not inlined (section 5.6).
 */
final class Shapes {

  static final String CREDENTIALS = DataActionsApi.PREFIX + "/credentials";
  static final String ACTIONS = DataActionsApi.PREFIX + "/actions";
  static final String REQUEST_TEMPLATE = "requesttemplate.vm";
  static final String SUCCESS_TEMPLATE = "successtemplate.vm";
  static final String INPUT_SCHEMA = "inputschema.json";
  static final String SUCCESS_SCHEMA = "successschema.json";

  private Shapes() {}

  // ---- credentials -----------------------------------------------------------------------------

  /** CredentialInfo: never the fields. */
  static ObjectNode credentialInfo(StoredCredential credential) {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    node.put("id", credential.id());
    if (credential.name() != null) {
      node.put("name", credential.name());
    }
    node.put("createdDate", credential.createdDate());
    node.put("modifiedDate", credential.modifiedDate());
    node.putObject("type").put("name", credential.typeName());
    node.put("selfUri", CREDENTIALS + "/" + credential.id());
    return node;
  }

  /** The Credential of GET by id: the field names, each with a null value (section 3.5). */
  static ObjectNode redactedCredential(StoredCredential credential) {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    node.put("id", credential.id());
    if (credential.name() != null) {
      node.put("name", credential.name());
    }
    node.putObject("type").put("name", credential.typeName());
    ObjectNode fields = node.putObject("credentialFields");
    credential.fields().keySet().forEach(fields::putNull);
    node.put("selfUri", CREDENTIALS + "/" + credential.id());
    return node;
  }

  // ---- integrations ----------------------------------------------------------------------------

  /**
   * An Integration; {@code credentials} resolves the config's credential ids (for {@code
   * expand=config.current}, null without it).
   */
  static ObjectNode integration(
      StoredIntegration integration, Map<String, StoredCredential> credentials) {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    node.put("id", integration.id());
    node.put("name", integration.config().name());
    node.set("integrationType", TypeCatalog.reference());
    node.put("notes", integration.config().notes());
    node.put("intendedState", integration.intendedState());
    if (credentials != null) {
      node.putObject("config").set("current", config(integration, credentials));
    }
    String code = integration.reportedState();
    ObjectNode reported = node.putObject("reportedState");
    reported.put("code", code);
    reported.put("effective", code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT));
    if (code.equals("ERROR")) {
      reported
          .putObject("detail")
          .put(
              "message",
              "No credential is configured under '"
                  + StoredIntegration.CREDENTIAL_KEY
                  + "'; set one with PUT config/current");
    }
    reported.put("lastUpdated", integration.stateChanged());
    node.putObject("attributes");
    node.put("selfUri", DataActionsApi.PREFIX + "/" + integration.id());
    return node;
  }

  /** IntegrationConfiguration, its credentials as CredentialInfo. */
  static ObjectNode config(
      StoredIntegration integration, Map<String, StoredCredential> credentials) {
    IntegrationConfig config = integration.config();
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    node.put("id", integration.id());
    node.put("name", config.name());
    node.put("version", config.version());
    node.set("properties", config.properties().deepCopy());
    node.set("advanced", config.advanced().deepCopy());
    node.put("notes", config.notes());
    ObjectNode slots = node.putObject("credentials");
    credentials.forEach((key, credential) -> slots.set(key, credentialInfo(credential)));
    node.put("selfUri", DataActionsApi.PREFIX + "/" + integration.id() + "/config/current");
    return node;
  }

  // ---- actions ---------------------------------------------------------------------------------

  /** Which parts of an Action to show (section 5.6). */
  record ActionView(boolean contract, boolean config, boolean flatten) {
    static final ActionView FULL = new ActionView(true, true, false);
  }

  /** The published action ({@code draft} false) or the draft. */
  static ObjectNode action(
      String id,
      String integrationId,
      ActionDefinition definition,
      boolean draft,
      ActionView view) {
    String self = actionUri(id, draft);
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    node.put("id", id);
    node.put("name", definition.name());
    node.put("integrationId", integrationId);
    node.put("category", definition.category());
    if (view.contract()) {
      ObjectNode contract = node.putObject("contract");
      ObjectNode input = contract.putObject("input");
      input.set(
          view.flatten() ? "inputSchemaFlattened" : "inputSchema",
          view.flatten()
              ? Flattening.schema(definition.inputSchema())
              : definition.inputSchema().deepCopy());
      input.put("inputSchemaUri", self + "/schemas/" + INPUT_SCHEMA);
      ObjectNode output = contract.putObject("output");
      output.set(
          view.flatten() ? "successSchemaFlattened" : "successSchema",
          view.flatten()
              ? Flattening.schema(definition.successSchema())
              : definition.successSchema().deepCopy());
      output.put("successSchemaUri", self + "/schemas/" + SUCCESS_SCHEMA);
    }
    node.put("version", definition.version());
    node.put("secure", definition.secure());
    if (view.config()) {
      node.set("config", configWithUris(definition.config(), self));
    }
    node.put("selfUri", self);
    return node;
  }

  /** The config with each template replaced by its URI. */
  private static ObjectNode configWithUris(JsonNode stored, String self) {
    ObjectNode config = stored.deepCopy();
    ObjectNode request = (ObjectNode) config.get("request");
    if (request.remove("requestTemplate") != null) {
      request.put("requestTemplateUri", self + "/templates/" + REQUEST_TEMPLATE);
    }
    if (config.get("response") instanceof ObjectNode response
        && response.remove("successTemplate") != null) {
      response.put("successTemplateUri", self + "/templates/" + SUCCESS_TEMPLATE);
    }
    return config;
  }

  static String actionUri(String id, boolean draft) {
    return ACTIONS + "/" + id + (draft ? "/draft" : "");
  }
}
