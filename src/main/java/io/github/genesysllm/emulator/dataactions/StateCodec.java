package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.emulator.execution.ContractRules;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data-actions section of the state file:
 *
 * <pre>{@code
 * {"credentials": [{"id","name","type","createdDate","modifiedDate","fields": "<AES-GCM, Base64>"}],
 *  "integrations": [{"id","integrationType","intendedState","createdDate","stateChanged",
 *                    "config": {"name","version","notes","properties","advanced","credentials":{"basicAuth":{"id"}}}}],
 *  "actions": [{"id","integrationId","published": definition, "draft": definition}]}
 * }</pre>
 *
 * A definition is {@code {"name","category","secure","version","config","contract"}}. Loading
 * checks everything with the API's own rules (and references between entities), so a hand-edited
 * file cannot hold what the API would refuse.
 */
final class StateCodec {

  static final Pattern ACTION_ID =
      Pattern.compile(
          "custom_-_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  private static final String CREDENTIALS = "credentials";
  private static final String INTEGRATIONS = "integrations";
  private static final String ACTIONS = "actions";

  private final Path file;
  private final CredentialCipher cipher;

  StateCodec(Path file, CredentialCipher cipher) {
    this.file = file;
    this.cipher = cipher;
  }

  ObjectNode encode(DataActionsState state) throws IOException {
    ObjectNode root = ProviderJson.MAPPER.createObjectNode();
    ArrayNode credentials = root.putArray(CREDENTIALS);
    for (StoredCredential c : state.credentials.values()) {
      ObjectNode node = credentials.addObject();
      node.put("id", c.id());
      if (c.name() != null) {
        node.put("name", c.name());
      }
      node.put("type", c.typeName());
      node.put("createdDate", c.createdDate());
      node.put("modifiedDate", c.modifiedDate());
      node.put("fields", cipher.encrypt(c.id(), c.fields()));
    }
    ArrayNode integrations = root.putArray(INTEGRATIONS);
    for (StoredIntegration i : state.integrations.values()) {
      ObjectNode node = integrations.addObject();
      node.put("id", i.id());
      node.put("integrationType", i.typeId());
      node.put("intendedState", i.intendedState());
      node.put("createdDate", i.createdDate());
      node.put("stateChanged", i.stateChanged());
      IntegrationConfig config = i.config();
      ObjectNode configNode = node.putObject("config");
      configNode.put("name", config.name());
      configNode.put("version", config.version());
      configNode.put("notes", config.notes());
      configNode.set("properties", config.properties().deepCopy());
      configNode.set("advanced", config.advanced().deepCopy());
      ObjectNode slots = configNode.putObject("credentials");
      config.credentials().forEach((key, id) -> slots.putObject(key).put("id", id));
    }
    ArrayNode actions = root.putArray(ACTIONS);
    for (StoredAction a : state.actions.values()) {
      ObjectNode node = actions.addObject();
      node.put("id", a.id());
      node.put("integrationId", a.integrationId());
      if (a.published() != null) {
        node.set("published", definition(a.published()));
      }
      if (a.draft() != null) {
        node.set("draft", definition(a.draft()));
      }
    }
    return root;
  }

  private static ObjectNode definition(ActionDefinition d) {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    node.put("name", d.name());
    node.put("category", d.category());
    node.put("secure", d.secure());
    node.put("version", d.version());
    node.set("config", d.config().deepCopy());
    node.set("contract", d.contract().deepCopy());
    return node;
  }

  /** Fills the empty {@code state} from {@code root}. @throws IOException saying what is broken */
  void decode(JsonNode root, DataActionsState state) throws IOException {
    String where = "dataActions";
    try {
      if (!root.isObject()) {
        throw new IllegalArgumentException("must be an object");
      }
      only(root, Set.of(CREDENTIALS, INTEGRATIONS, ACTIONS));
      int index = 0;
      for (JsonNode node : list(root, CREDENTIALS)) {
        where = "dataActions.credentials[" + index++ + "]";
        StoredCredential c = credential(node);
        unique(state.credentials.put(c.id(), c), c.id());
      }
      index = 0;
      for (JsonNode node : list(root, INTEGRATIONS)) {
        where = "dataActions.integrations[" + index++ + "]";
        StoredIntegration i = integration(node, state.credentials);
        unique(state.integrations.put(i.id(), i), i.id());
      }
      index = 0;
      for (JsonNode node : list(root, ACTIONS)) {
        where = "dataActions.actions[" + index++ + "]";
        StoredAction a = action(node, state.integrations);
        unique(state.actions.put(a.id(), a), a.id());
      }
    } catch (IllegalArgumentException | ApiError | IOException e) {
      throw new IOException(
          "The emulator state file "
              + file
              + " has a broken "
              + where
              + ": "
              + e.getMessage()
              + "; fix it, or delete it and "
              + cipher.keyFile().getFileName()
              + " to start empty",
          e);
    }
  }

  private StoredCredential credential(JsonNode node) throws IOException {
    only(node, Set.of("id", "name", "type", "createdDate", "modifiedDate", "fields"));
    String id = text(node, "id");
    Map<String, Secret> fields = cipher.decrypt(id, text(node, "fields"));
    String type = text(node, "type");
    CredentialInput.check(type, fields);
    String name = node.has("name") ? text(node, "name") : null;
    return new StoredCredential(
        id, name, type, fields, text(node, "createdDate"), text(node, "modifiedDate"));
  }

  private static StoredIntegration integration(
      JsonNode node, Map<String, StoredCredential> credentials) {
    only(
        node,
        Set.of("id", "integrationType", "intendedState", "createdDate", "stateChanged", "config"));
    if (!TypeCatalog.INTEGRATION_TYPE.equals(text(node, "integrationType"))) {
      throw new IllegalArgumentException("integrationType must be " + TypeCatalog.INTEGRATION_TYPE);
    }
    String intended = text(node, "intendedState");
    if (!Set.of(StoredIntegration.ENABLED, StoredIntegration.DISABLED).contains(intended)) {
      throw new IllegalArgumentException("intendedState must be ENABLED or DISABLED");
    }
    if (!node.path("config").isObject()) {
      throw new IllegalArgumentException("config must be an object");
    }
    ConfigInput config = ConfigInput.parse((ObjectNode) node.get("config"));
    if (config.version() < 1) {
      throw new IllegalArgumentException("config.version must be 1 or more");
    }
    config
        .credentials()
        .values()
        .forEach(
            id -> {
              if (!credentials.containsKey(id)) {
                throw new IllegalArgumentException("config names the unknown credential " + id);
              }
            });
    return new StoredIntegration(
        text(node, "id"),
        TypeCatalog.INTEGRATION_TYPE,
        intended,
        false,
        text(node, "createdDate"),
        text(node, "stateChanged"),
        config.toConfig(config.version()));
  }

  private static StoredAction action(JsonNode node, Map<String, StoredIntegration> integrations) {
    only(node, Set.of("id", "integrationId", "published", "draft"));
    String id = text(node, "id");
    if (!ACTION_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be custom_-_<uuid4>, got '" + id + "'");
    }
    String integrationId = text(node, "integrationId");
    if (!integrations.containsKey(integrationId)) {
      throw new IllegalArgumentException("integrationId names no integration of the file");
    }
    ActionDefinition published = definition(node.get("published"), integrationId, "published");
    ActionDefinition draft = definition(node.get("draft"), integrationId, "draft");
    if (published == null && draft == null) {
      throw new IllegalArgumentException("needs a published definition, a draft, or both");
    }
    if (published != null) {
      List<String> problems = ContractRules.check(published.contract());
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("published: " + String.join("; ", problems));
      }
    }
    return new StoredAction(id, integrationId, published, draft);
  }

  private static ActionDefinition definition(JsonNode node, String integrationId, String name) {
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(name + " must be an object");
    }
    ObjectNode asPosted = node.deepCopy();
    JsonNode version = asPosted.remove("version");
    if (version == null || !version.canConvertToInt() || version.intValue() < 1) {
      throw new IllegalArgumentException(name + ".version must be a whole number from 1 up");
    }
    asPosted.put("integrationId", integrationId);
    ActionDefinition posted = ActionInput.post(asPosted).definition();
    return posted.withVersion(version.intValue());
  }

  private static Iterable<JsonNode> list(JsonNode root, String name) {
    JsonNode list = root.get(name);
    if (list == null) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException(name + " must be a list");
    }
    return list;
  }

  private static void only(JsonNode node, Set<String> allowed) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("has the unknown field '" + name + "'");
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(field + " must be a non-empty string");
    }
    return value.asText();
  }

  private static void unique(Object previous, String id) {
    if (previous != null) {
      throw new IllegalArgumentException("the id " + id + " is there twice");
    }
  }
}
