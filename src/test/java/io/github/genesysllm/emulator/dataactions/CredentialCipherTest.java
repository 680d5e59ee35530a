package io.github.genesysllm.emulator.dataactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {

  @TempDir Path dir;

  private static Map<String, Secret> fields() {
    Map<String, Secret> fields = new LinkedHashMap<>();
    fields.put("apiKey", Secret.of("sk-\"quoted\"\\ and ünïcode"));
    fields.put("empty", Secret.of(""));
    return fields;
  }

  private static Map<String, String> revealed(Map<String, Secret> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, v.reveal()));
    return out;
  }

  @Test
  void roundTripsWithAFreshNonceEachTimeAndAKeyFileBesideTheState() throws Exception {
    Path key = CredentialCipher.keyFileFor(dir.resolve("state.json"));
    assertEquals(dir.resolve("state.json.key").toAbsolutePath(), key);
    CredentialCipher cipher = new CredentialCipher(key);
    String first = cipher.encrypt("id-1", fields());
    String second = cipher.encrypt("id-1", fields());
    assertNotEquals(first, second, "a fresh nonce each time");
    assertFalse(new String(Base64.getDecoder().decode(first)).contains("sk-"));
    assertEquals(revealed(fields()), revealed(cipher.decrypt("id-1", first)));
    // another instance reads the same key file
    assertEquals(revealed(fields()), revealed(new CredentialCipher(key).decrypt("id-1", second)));
  }

  @Test
  void aValueIsBoundToItsCredentialAndToItsBytes() throws Exception {
    CredentialCipher cipher = new CredentialCipher(dir.resolve("k.key"));
    String sealed = cipher.encrypt("id-1", fields());
    assertThrows(IOException.class, () -> cipher.decrypt("id-2", sealed));
    byte[] bytes = Base64.getDecoder().decode(sealed);
    bytes[bytes.length - 1] ^= 1;
    String tampered = Base64.getEncoder().encodeToString(bytes);
    assertThrows(IOException.class, () -> cipher.decrypt("id-1", tampered));
    assertThrows(IOException.class, () -> cipher.decrypt("id-1", "not base64!"));
    assertThrows(IOException.class, () -> cipher.decrypt("id-1", "AAAA"));
  }

  @Test
  void decryptingNeverCreatesAKey() {
    Path key = dir.resolve("k.key");
    IOException e =
        assertThrows(
            IOException.class,
            () -> new CredentialCipher(key).decrypt("id", "AAAAAAAAAAAAAAAAAAAA"));
    assertTrue(e.getMessage().contains("missing"));
    assertFalse(Files.exists(key));
  }
}
