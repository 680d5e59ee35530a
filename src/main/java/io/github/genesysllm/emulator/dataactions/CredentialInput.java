package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.secret.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST} and {@code PUT /credentials} (contract sections 3.4, 3.6): {@code name}
 * (optional), {@code type.name} (a known credential type) and {@code credentialFields} (string
 * values, names a template can reference, the type's required fields present).
 */
record CredentialInput(String name, String typeName, Map<String, Secret> fields) {

  /** ASSUMED (section 3.2): what {@code ${credentials.<field>}} can name. */
  static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final String MODEL = "Credential";

  static CredentialInput parse(ObjectNode body) {
    Bodies.onlyProperties(
        body,
        MODEL,
        Set.of("name", "type", "credentialFields"),
        Set.of("id", "selfUri", "createdDate", "modifiedDate"));
    String name = Bodies.text(body, "name", "", false);
    ObjectNode type = Bodies.object(body, "type", "", true);
    Bodies.onlyProperties(
        type,
        "CredentialType",
        Set.of("name"),
        Set.of("id", "properties", "displayOrder", "required", "selfUri"));
    String typeName = Bodies.text(type, "name", "type.", true);
    Map<String, String> values = Bodies.stringMap(body, "credentialFields", "");
    Map<String, Secret> fields = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((field, value) -> fields.put(field, Secret.of(value)));
    }
    check(typeName, fields);
    return new CredentialInput(name, typeName, fields);
  }

  /** The rules on the type and the fields, also applied to a state file's credentials. */
  static void check(String typeName, Map<String, Secret> fields) {
    if (!TypeCatalog.knownCredentialType(typeName)) {
      throw Bodies.invalidValue(
          "type.name '"
              + typeName
              + "' is not a credential type; use one of "
              + String.join(", ", TypeCatalog.credentialTypeNames()),
          "type.name");
    }
    for (String field : fields.keySet()) {
      if (!FIELD_NAME.matcher(field).matches()) {
        throw Bodies.invalidValue(
            "credentialFields '"
                + field
                + "' is not a usable field name: templates reference fields as"
                + " ${credentials.<name>}, so use letters, digits and '_', not starting with a"
                + " digit",
            "credentialFields");
      }
    }
    List<String> missing =
        TypeCatalog.requiredFields(typeName).stream()
            .filter(f -> !fields.containsKey(f) || fields.get(f).isEmpty())
            .toList();
    if (!missing.isEmpty()) {
      throw Bodies.badRequest(
          "A " + typeName + " credential needs the credentialFields " + String.join(", ", missing),
          "credentialFields");
    }
  }
}
