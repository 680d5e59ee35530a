package io.github.genesysllm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file: providers survive a restart, API keys only as salted hashes, broken files are
 * named.
 */
class PersistenceTest {

  private static final String PROVIDERS = "/api/v2/ai/llm/providers";

  @TempDir Path dir;

  @Test
  void providersSurviveARestartAndKeysAreOnlyHashed() throws Exception {
    Path state = dir.resolve("sub/state.json");
    EmulatorSettings settings = EmulatorSettings.builder().stateFile(state).build();
    JsonNode first;
    JsonNode second;
    try (Emulator emulator = Emulator.start(settings)) {
      Http http = new Http(emulator);
      String token = http.token(emulator);
      first =
          http.post(PROVIDERS, token, Http.provider("First").put("apiKey", "sk-very-secret-key-1"))
              .json();
      second =
          http.post(PROVIDERS, token, Http.provider("Second").put("apiKey", "sk-very-secret-key-2"))
              .json();
      String secondPath = PROVIDERS + "/" + second.get("id").asText();
      second =
          http.put(
                  secondPath,
                  token,
                  Http.provider("Second v2")
                      .put("version", 1)
                      .put("apiKey", "sk-very-secret-key-3"))
              .json();
      JsonNode third = http.post(PROVIDERS, token, Http.provider("Third")).json();
      assertEquals(204, http.delete(PROVIDERS + "/" + third.get("id").asText(), token).status());
    }
    String text = Files.readString(state);
    assertFalse(text.contains("sk-very-secret-key"), "no API key in clear in the state file");
    assertTrue(text.contains("sha256"));
    try (Stream<Path> files = Files.list(state.getParent())) {
      assertEquals(
          List.of("state.json", "state.json.lock"),
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          "no temporary file left behind; the lock file stays");
    }

    try (Emulator restarted = Emulator.start(settings)) {
      Http http = new Http(restarted);
      String token = http.token(restarted);
      JsonNode listing = http.get(PROVIDERS, token).json();
      assertEquals(2, listing.get("total").asInt());
      assertEquals(
          first,
          listing.get("entities").get(0),
          "same id, fields, version and dates, in creation order");
      assertEquals(second, listing.get("entities").get(1));
      assertTrue(
          restarted
              .store()
              .apiKeyMatches(second.get("id").asText(), Secret.of("sk-very-secret-key-3")));
      assertFalse(
          restarted
              .store()
              .apiKeyMatches(second.get("id").asText(), Secret.of("sk-very-secret-key-2")));
      http.post(PROVIDERS, token, Http.provider("first")).assertError(409, "general.conflict");
      assertEquals(
          3,
          http.put(
                  PROVIDERS + "/" + second.get("id").asText(),
                  token,
                  Http.provider("Second v2").put("version", 2))
              .json()
              .get("version")
              .asLong());
    }
  }

  @Test
  void aMissingStateFileStartsEmpty() throws Exception {
    Path state = dir.resolve("absent.json");
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().stateFile(state).build())) {
      assertEquals(0, emulator.store().size());
      assertFalse(Files.exists(state), "written only after a change");
    }
  }

  @Test
  void aBrokenStateFileIsNamedWithTheFix() throws IOException {
    Path state = dir.resolve("state.json");
    Files.writeString(state, "{\"providers\": [");
    IOException notJson =
        assertThrows(
            IOException.class,
            () -> Emulator.start(EmulatorSettings.builder().stateFile(state).build()));
    assertTrue(
        notJson.getMessage().contains(state.toString())
            && notJson.getMessage().contains("delete it"),
        notJson.getMessage());

    Files.writeString(state, "{\"providers\": [{\"id\": \"x\"}]}");
    IOException broken =
        assertThrows(
            IOException.class,
            () -> Emulator.start(EmulatorSettings.builder().stateFile(state).build()));
    assertTrue(broken.getMessage().contains("providers[0]"), broken.getMessage());
  }

  @Test
  void aSecondEmulatorOnOneStateFileFailsNamingTheFirstUntilItStops() throws Exception {
    Path state = dir.resolve("state.json");
    EmulatorSettings settings = EmulatorSettings.builder().stateFile(state).build();
    try (Emulator first = Emulator.start(settings)) {
      IOException e = assertThrows(IOException.class, () -> Emulator.start(settings));
      assertTrue(
          e.getMessage().contains("is in use by another emulator at " + first.url()),
          e.getMessage());
      assertTrue(e.getMessage().contains(state + ".lock"), e.getMessage());
      Http http = new Http(first);
      assertEquals(201, http.post(PROVIDERS, http.token(first), Http.provider("Kept")).status());
    }
    try (Emulator second = Emulator.start(settings)) {
      assertEquals(1, second.store().size(), "the first one's provider, whole");
    }
  }

  @Test
  void theStateIsWrittenWholeAndAtomically() throws Exception {
    Path state = dir.resolve("state.json");
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().stateFile(state).build())) {
      Http http = new Http(emulator);
      String token = http.token(emulator);
      for (int i = 0; i < 20; i++) {
        http.post(PROVIDERS, token, Http.provider("Gateway " + i));
        JsonNode read = ProviderJson.MAPPER.readTree(state.toFile());
        assertEquals(i + 1, read.get("providers").size());
      }
    }
  }

  @Test
  void aStatePathThatIsADirectoryIsNamed() throws Exception {
    Path state = Files.createDirectory(dir.resolve("state.json"));
    IOException e =
        assertThrows(
            IOException.class,
            () -> Emulator.start(EmulatorSettings.builder().stateFile(state).build()));
    assertTrue(e.getMessage().contains(state + " is a directory"), e.getMessage());
  }

  @Test
  void aStoredProviderThatBreaksTheApisRulesIsRefusedAtStart() throws IOException {
    Path state = dir.resolve("state.json");
    String valid =
        "{\"id\": \"a\", \"name\": \"Fine\", \"providerType\": \"CUSTOM\","
            + " \"baseUrl\": \"https://h.example/v1\", \"version\": 1,"
            + " \"models\": [{\"id\": \"m\", \"name\": \"M\", \"maxTokens\": 1}]}";
    for (String broken :
        List.of(
            valid.replace("\"Fine\"", "\"\\u00a0\""),
            valid.replace("[{\"id\": \"m\", \"name\": \"M\", \"maxTokens\": 1}]", "[]"),
            valid.replace("https://h.example/v1", "http://h.example/v1"),
            valid.replace("\"maxTokens\": 1", "\"maxTokens\": 0"),
            valid.replace("\"version\": 1", "\"version\": 0"),
            valid.replace("\"id\": \"a\"", "\"id\": \"..\""))) {
      Files.writeString(
          state,
          "{\"providers\": ["
              + valid.replace("\"a\"", "\"b\"").replace("Fine", "Other")
              + ", "
              + broken
              + "]}");

      IOException e =
          assertThrows(
              IOException.class,
              () -> Emulator.start(EmulatorSettings.builder().stateFile(state).build()),
              broken);

      assertTrue(e.getMessage().contains("providers[1]"), e.getMessage());
      assertTrue(e.getMessage().contains(state.toString()), e.getMessage());
    }
  }

  @Test
  void aFailedWriteLeavesMemoryAndFileAgreeing() throws Exception {
    Path state = dir.resolve("state.json");
    try (Emulator emulator = Emulator.start(EmulatorSettings.builder().stateFile(state).build())) {
      // a folder, not empty, where the file is to be renamed: the write fails
      Files.writeString(Files.createDirectory(state).resolve("blocker"), "x");
      Http http = new Http(emulator);
      String token = http.token(emulator);
      http.post(PROVIDERS, token, Http.provider("Gateway"))
          .assertError(500, "internal.server.error");
      assertEquals(0, emulator.store().size(), "the change is undone when it cannot be written");
    }
  }
}
