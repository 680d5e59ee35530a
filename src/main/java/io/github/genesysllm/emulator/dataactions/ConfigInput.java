package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PUT /integrations/{id}/config/current} (contract section 4.6): all six fields
 * required; {@code credentials} maps the one key {@code basicAuth} to {@code {"id": …}} (the rest
 * of a CredentialInfo copied from a GET is ignored).
 */
record ConfigInput(
    String name,
    int version,
    String notes,
    ObjectNode properties,
    ObjectNode advanced,
    Map<String, String> credentials) {

  private static final String MODEL = "IntegrationConfiguration";

  static ConfigInput parse(ObjectNode body) {
    Bodies.onlyProperties(
        body,
        MODEL,
        Set.of("name", "version", "properties", "advanced", "notes", "credentials"),
        Set.of("id", "selfUri"));
    String name = Bodies.notBlank(Bodies.text(body, "name", "", true), "name");
    int version = Bodies.integer(body, "version", "", true);
    String notes = Bodies.text(body, "notes", "", true);
    ObjectNode properties = Bodies.object(body, "properties", "", true);
    ObjectNode advanced = Bodies.object(body, "advanced", "", true);
    ObjectNode credentialsNode = Bodies.object(body, "credentials", "", true);
    return new ConfigInput(
        name, version, notes, properties, advanced, credentials(credentialsNode));
  }

  private static Map<String, String> credentials(ObjectNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      String where = "credentials." + key;
      if (!key.equals(StoredIntegration.CREDENTIAL_KEY)) {
        throw Bodies.invalidValue(
            where
                + ": "
                + TypeCatalog.INTEGRATION_TYPE
                + " has the one credential key "
                + StoredIntegration.CREDENTIAL_KEY,
            where);
      }
      if (!entry.getValue().isObject()) {
        throw Bodies.badRequest(where + " must be an object {\"id\": \"<credential id>\"}", where);
      }
      Bodies.onlyProperties(
          entry.getValue(),
          "CredentialInfo",
          Set.of("id"),
          Set.of("name", "createdDate", "modifiedDate", "type", "selfUri"));
      out.put(key, Bodies.text(entry.getValue(), "id", where + ".", true));
    }
    return out;
  }

  IntegrationConfig toConfig(int newVersion) {
    return new IntegrationConfig(name, newVersion, notes, properties, advanced, credentials);
  }
}
