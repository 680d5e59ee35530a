package io.github.genesysllm.emulator;

import static io.github.genesysllm.emulator.DataActions.ACTIONS;
import static io.github.genesysllm.emulator.DataActions.CREDENTIALS;
import static io.github.genesysllm.emulator.DataActions.INTEGRATIONS;
import static io.github.genesysllm.emulator.DataActions.json;
import static io.github.genesysllm.emulator.DataActions.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.execution.ExecutionResult;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-actions state across restarts: everything kept, credential values only encrypted with an
 * owner-only key beside the state file and usable again after a restart; broken state refused at
 * start with where and how to fix it.
 */
class DataActionsPersistenceTest {

  private static final String SECRET = "sk-very-secret-value-1";
  private static final String PASSWORD = "hunter2-very-secret";

  @TempDir Path dir;

  private final List<Map<String, String>> credentialsSeen = new ArrayList<>();

  private Emulator start(Path state) throws IOException {
    return Emulator.start(
        EmulatorSettings.builder().stateFile(state).build(),
        (config, contract, credentials, input) -> {
          credentialsSeen.add(credentials);
          ObjectNode result = json("{'success': true, 'finalResult': {'answer': 'ok'}}");
          return new ExecutionResult(result, true, result.get("finalResult"), null);
        });
  }

  private static boolean posix(Path folder) throws IOException {
    return Files.getFileStore(folder).supportsFileAttributeView("posix");
  }

  /**
   * A state file with a provider, two credentials, an enabled integration, an action and a draft.
   */
  private Map<String, String> populate(Path state) throws IOException {
    try (Emulator emulator = start(state)) {
      DataActions api = new DataActions(emulator);
      assertEquals(
          201,
          api.http.post("/api/v2/ai/llm/providers", api.token, Http.provider("Kept")).status());
      String credential = api.createCredential("llm-gw-acme", SECRET);
      ok(
          api.post(
              CREDENTIALS,
              json("{'name': 'basic', 'type': {'name': 'basicAuth'}}")
                  .set(
                      "credentialFields",
                      json("{'userName': 'u', 'password': '" + PASSWORD + "'}"))));
      String integration = api.createIntegration("LLM Gateway acme");
      api.configure(integration, credential);
      api.setState(integration, "ENABLED");
      String action = api.createAction(integration, "LLM chat");
      ok(api.patch(ACTIONS + "/" + action, json("{'version': 1, 'name': 'LLM chat v2'}")));
      String draft = api.createDraft(integration, "LLM draft");
      return Map.of(
          "credential", credential, "integration", integration, "action", action, "draft", draft);
    }
  }

  @Test
  void everythingSurvivesARestartAndCredentialValuesAreOnlyEncrypted() throws Exception {
    Path state = dir.resolve("sub/state.json");
    Map<String, String> ids = populate(state);

    String text = Files.readString(state);
    assertFalse(text.contains(SECRET), "no credential value in clear in the state file");
    assertFalse(text.contains(PASSWORD), "no credential value in clear in the state file");
    assertFalse(text.contains(Base64.getEncoder().encodeToString(SECRET.getBytes())));
    JsonNode root = ProviderJson.MAPPER.readTree(text);
    assertEquals(1, root.get("providers").size(), "the providers section is kept beside");
    assertEquals(2, root.get("dataActions").get("credentials").size());
    Path key = dir.resolve("sub/state.json.key");
    assertTrue(Files.isRegularFile(key), "the key file is beside the state file");
    if (posix(dir)) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }
    try (var files = Files.list(state.getParent())) {
      assertEquals(
          List.of("state.json", "state.json.key", "state.json.lock"),
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          "state, key and lock, no temporary file left behind");
    }

    try (Emulator emulator = start(state)) {
      DataActions api = new DataActions(emulator);
      JsonNode credential = ok(api.get(CREDENTIALS + "/" + ids.get("credential")));
      assertEquals("llm-gw-acme", credential.get("name").asText());
      assertTrue(credential.get("credentialFields").get("apiKey").isNull());
      JsonNode config =
          ok(api.get(INTEGRATIONS + "/" + ids.get("integration") + "/config/current"));
      assertEquals(2, config.get("version").asInt());
      assertEquals(
          ids.get("credential"), config.get("credentials").get("basicAuth").get("id").asText());
      JsonNode integration = ok(api.get(INTEGRATIONS + "/" + ids.get("integration")));
      assertEquals("ENABLED", integration.get("intendedState").asText());
      assertEquals("ACTIVE", integration.get("reportedState").get("code").asText());
      JsonNode action = ok(api.get(ACTIONS + "/" + ids.get("action") + "?expand=contract"));
      assertEquals(2, action.get("version").asInt());
      assertEquals("LLM chat v2", action.get("name").asText());
      assertEquals(
          DataActions.inputSchema(), action.get("contract").get("input").get("inputSchema"));
      assertEquals(
          "{\"answer\": ${answer}}",
          api.get(ACTIONS + "/" + ids.get("action") + "/templates/successtemplate.vm").body());
      ok(api.get(ACTIONS + "/" + ids.get("draft") + "/draft"));
      assertEquals(1, ok(api.get("/api/v2/ai/llm/providers")).get("total").asInt());

      // the decrypted value reaches the engine after the restart
      ok(
          api.post(
              ACTIONS + "/" + ids.get("action") + "/execute",
              json("{'prompt': 'hi', 'maxTokens': 1}")));
      assertEquals(Map.of("apiKey", SECRET), credentialsSeen.get(0));

      // a rotated key is written encrypted too
      ok(
          api.put(
              CREDENTIALS + "/" + ids.get("credential"),
              DataActions.credentialBody("r", "sk-rotated-value")));
    }
    assertFalse(Files.readString(state).contains("sk-rotated-value"));
  }

  @Test
  void theKeyFileIsMadeOnlyWhenACredentialIsStored() throws Exception {
    Path state = dir.resolve("state.json");
    try (Emulator emulator = start(state)) {
      new DataActions(emulator).createIntegration("LLM");
    }
    assertTrue(Files.exists(state));
    assertFalse(Files.exists(dir.resolve("state.json.key")));
  }

  @Test
  void aMissingOrLooseOrOtherKeyIsRefusedAtStart() throws Exception {
    Path state = dir.resolve("state.json");
    populate(state);
    Path key = dir.resolve("state.json.key");
    byte[] original = Files.readAllBytes(key);

    Files.move(key, dir.resolve("elsewhere.key"));
    assertStartFails(state, "is missing");
    Files.move(dir.resolve("elsewhere.key"), key);

    if (posix(dir)) {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
      assertStartFails(state, "chmod 600");
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
    assertStartFails(state, "do not decrypt");
    Files.writeString(key, "short");
    assertStartFails(state, "AES-256 key");

    Files.write(key, original);
    start(state).close();
  }

  @Test
  void anEncryptedValueMovedToAnotherCredentialDoesNotDecrypt() throws Exception {
    Path state = dir.resolve("state.json");
    populate(state);
    edit(
        state,
        data -> {
          ArrayNode credentials = (ArrayNode) data.get("credentials");
          JsonNode first = credentials.get(0).get("fields");
          ((ObjectNode) credentials.get(0)).set("fields", credentials.get(1).get("fields"));
          ((ObjectNode) credentials.get(1)).set("fields", first);
        });
    String message = assertStartFails(state, "do not decrypt");
    assertTrue(message.contains("dataActions.credentials[0]"), message);
  }

  @Test
  void brokenStateIsRefusedSayingWhere() throws Exception {
    Path state = dir.resolve("state.json");
    populate(state);
    String original = Files.readString(state);

    edit(state, data -> data.put("colour", "red"));
    assertStartFails(state, "unknown field 'colour'");
    Files.writeString(state, original);

    edit(state, data -> ((ObjectNode) data.get("actions").get(0)).put("id", "custom_-_1"));
    assertStartFails(state, "dataActions.actions[0]");
    Files.writeString(state, original);

    edit(state, data -> ((ObjectNode) data.get("actions").get(0)).put("integrationId", "gone"));
    assertStartFails(state, "names no integration");
    Files.writeString(state, original);

    edit(
        state,
        data ->
            ((ObjectNode) data.get("actions").get(0).get("published").get("contract").get("input"))
                .set(
                    "inputSchema",
                    json("{'type': 'object', 'properties': {'m': {'type': 'array'}}}")));
    assertStartFails(state, "contract.input.inputSchema.properties.m");
    Files.writeString(state, original);

    edit(
        state,
        data ->
            ((ObjectNode) data.get("integrations").get(0).get("config").get("credentials"))
                .set("basicAuth", json("{'id': 'gone'}")));
    assertStartFails(state, "dataActions.integrations[0]");
    Files.writeString(state, original);

    edit(
        state,
        data -> ((ObjectNode) data.get("actions").get(0).get("published")).put("version", 0));
    assertStartFails(state, "published.version");
    Files.writeString(state, original);

    start(state).close();
  }

  private static void edit(Path state, Consumer<ObjectNode> change) throws IOException {
    ObjectNode root = (ObjectNode) ProviderJson.MAPPER.readTree(Files.readString(state));
    change.accept((ObjectNode) root.get("dataActions"));
    Files.writeString(state, root.toString());
  }

  private String assertStartFails(Path state, String expected) {
    IOException e = assertThrows(IOException.class, () -> start(state).close());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(state.toString()), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET));
    return e.getMessage();
  }
}
