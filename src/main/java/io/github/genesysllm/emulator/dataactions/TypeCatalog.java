package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed types of the emulated organization: the credential types of contract section 3.3
 * ({@code basicAuth} needs {@code userName}; {@code userDefined} and {@code userDefinedOAuth} take
 * any fields) and the one integration type, {@code custom-rest-actions} (section 4.1), whose only
 * credential slot is {@code basicAuth}.
 */
final class TypeCatalog {

  static final String INTEGRATION_TYPE = "custom-rest-actions";

  /** Display name, also the default name of a new integration (ASSUMED, section 4.2). */
  static final String INTEGRATION_TYPE_NAME = "Web Services Data Actions";

  /** ASSUMED (section 4.2): integrations of the type one organization may hold. */
  static final int MAX_INTEGRATIONS = 50;

  /** Credential type name → its required fields, in display order. */
  private static final Map<String, List<String>> CREDENTIAL_TYPES = new LinkedHashMap<>();

  static {
    CREDENTIAL_TYPES.put("basicAuth", List.of("userName"));
    CREDENTIAL_TYPES.put("userDefined", List.of());
    CREDENTIAL_TYPES.put("userDefinedOAuth", List.of());
  }

  private TypeCatalog() {}

  static boolean knownCredentialType(String name) {
    return CREDENTIAL_TYPES.containsKey(name);
  }

  static List<String> credentialTypeNames() {
    return List.copyOf(CREDENTIAL_TYPES.keySet());
  }

  static List<String> requiredFields(String credentialType) {
    return CREDENTIAL_TYPES.get(credentialType);
  }

  /** The bare array of {@code GET /credentials/types}. */
  static ArrayNode credentialTypes() {
    ArrayNode types = ProviderJson.MAPPER.createArrayNode();
    for (String name : CREDENTIAL_TYPES.keySet()) {
      ObjectNode type = types.addObject();
      type.put("id", name);
      type.put("name", name);
      ObjectNode properties = type.putObject("properties");
      ArrayNode order = type.putArray("displayOrder");
      ArrayNode required = type.putArray("required");
      if (name.equals("basicAuth")) {
        properties.putObject("userName").put("type", "string").put("title", "User Name");
        properties.putObject("password").put("type", "string").put("title", "Password");
        order.add("userName").add("password");
        required.add("userName");
      }
    }
    return types;
  }

  /** {@code GET /integrations/types/custom-rest-actions}. */
  static ObjectNode integrationType() {
    ObjectNode type = reference();
    type.put("description", "Call web services from Genesys Cloud with data actions");
    type.put("provider", "clientapps");
    type.put("category", "Data Actions");
    ObjectNode slot = type.putObject("credentials").putObject(StoredIntegration.CREDENTIAL_KEY);
    slot.put("required", true);
    slot.put("title", "Credentials");
    ArrayNode accepted = slot.putArray("credentialTypes");
    CREDENTIAL_TYPES.keySet().forEach(accepted::add);
    type.put("nonInstallable", false);
    type.put("maxInstances", MAX_INTEGRATIONS);
    type.putArray("userPermissions");
    type.put("selfUri", DataActionsApi.PREFIX + "/types/" + INTEGRATION_TYPE);
    return type;
  }

  /** The type as an integration shows it. */
  static ObjectNode reference() {
    ObjectNode type = ProviderJson.MAPPER.createObjectNode();
    type.put("id", INTEGRATION_TYPE);
    type.put("name", INTEGRATION_TYPE_NAME);
    return type;
  }

  /** {@code GET /types/custom-rest-actions/configschemas/{properties|advanced}}: both empty. */
  static ObjectNode configSchema(String configType) {
    ObjectNode schema = ProviderJson.MAPPER.createObjectNode();
    schema.put("id", configType);
    schema.put("$schema", "http://json-schema.org/draft-04/schema#");
    schema.put("title", INTEGRATION_TYPE_NAME + " " + configType);
    schema.put("type", "object");
    schema.putObject("properties");
    return schema;
  }
}
