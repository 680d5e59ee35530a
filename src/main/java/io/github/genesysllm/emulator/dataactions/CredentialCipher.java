package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credential values for the state file with AES-256-GCM: each credential's fields as one
 * JSON object, a fresh 12-byte nonce each time, the credential id as associated data (so a value
 * moved to another credential does not decrypt). The key is kept in {@code <state file>.key} beside
 * the state file, created on first use, readable and writable by its owner only ({@code
 * rw-------}); a key file others may read is refused.
 */
final class CredentialCipher {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final SecureRandom random = new SecureRandom();
  private final Path keyFile;
  private SecretKey key;

  CredentialCipher(Path keyFile) {
    this.keyFile = keyFile;
  }

  /** {@code state.json} → {@code state.json.key}, in the same folder. */
  static Path keyFileFor(Path stateFile) {
    Path absolute = stateFile.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".key");
  }

  Path keyFile() {
    return keyFile;
  }

  /** The fields, encrypted: Base64 of nonce and ciphertext. */
  synchronized String encrypt(String credentialId, Map<String, Secret> fields) throws IOException {
    ObjectNode clear = ProviderJson.MAPPER.createObjectNode();
    fields.forEach((name, value) -> clear.put(name, value.reveal()));
    byte[] plain = ProviderJson.MAPPER.writeValueAsBytes(clear);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key(true), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(credentialId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JVM", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * The fields of {@link #encrypt}'s output. @throws IOException naming the key file when it is
   * missing, broken or not the key the value was written with
   */
  synchronized Map<String, Secret> decrypt(String credentialId, String sealedText)
      throws IOException {
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(sealedText);
    } catch (IllegalArgumentException e) {
      throw new IOException("its encrypted fields are not Base64");
    }
    if (sealed.length <= NONCE_BYTES) {
      throw new IOException("its encrypted fields are too short to be AES-GCM output");
    }
    byte[] plain;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE, key(false), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(credentialId.getBytes(StandardCharsets.UTF_8));
      plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IOException(
          "its fields do not decrypt with the key file "
              + keyFile
              + " (another key, or the value was altered or moved); restore the key file written"
              + " with this state file");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JVM", e);
    }
    try {
      JsonNode clear = ProviderJson.MAPPER.readTree(plain);
      Map<String, Secret> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : clear.properties()) {
        fields.put(field.getKey(), Secret.of(field.getValue().asText()));
      }
      return fields;
    } catch (JsonProcessingException e) {
      throw new IOException("its decrypted fields are not a JSON object");
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** The key, read from its file or (when {@code create}) made and written there first. */
  private SecretKey key(boolean create) throws IOException {
    if (key == null) {
      if (!Files.exists(keyFile)) {
        if (!create) {
          throw new IOException(
              "the key file "
                  + keyFile
                  + " that encrypts credential values is missing; restore it, or delete the state"
                  + " file to start empty");
        }
        writeNewKey();
      }
      key = readKey();
    }
    return key;
  }

  /** Creates the key file, owner-only from its first byte; never replaces an existing one. */
  private void writeNewKey() throws IOException {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    byte[] text = Base64.getEncoder().encode(bytes);
    Arrays.fill(bytes, (byte) 0);
    Files.createDirectories(keyFile.getParent());
    FileAttribute<?>[] ownerOnly =
        Files.getFileStore(keyFile.getParent()).supportsFileAttributeView("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    try (SeekableByteChannel channel =
        Files.newByteChannel(
            keyFile,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            ownerOnly)) {
      channel.write(ByteBuffer.wrap(text));
    } catch (FileAlreadyExistsException e) {
      // another emulator on the same state file made it first: its key is the one to use
    } finally {
      Arrays.fill(text, (byte) 0);
    }
  }

  private SecretKey readKey() throws IOException {
    if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
      if (!OWNER_ONLY.containsAll(permissions)) {
        throw new IOException(
            "the key file "
                + keyFile
                + " may be read or changed by others ("
                + PosixFilePermissions.toString(permissions)
                + "); make it owner-only with chmod 600");
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.UTF_8).strip());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != KEY_BYTES) {
      throw new IOException(
          "the key file "
              + keyFile
              + " does not hold a Base64 AES-256 key; restore it, or delete it with the state file"
              + " to start empty");
    }
    SecretKey read = new SecretKeySpec(bytes, "AES");
    Arrays.fill(bytes, (byte) 0);
    return read;
  }
}
