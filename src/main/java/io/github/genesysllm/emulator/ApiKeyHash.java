package io.github.genesysllm.emulator;

import io.github.genesysllm.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the emulator keeps of a provider's API key: a salted SHA-256, enough to answer {@code
 * apiKeyConfigured} and to let tests check which key is stored, never the key itself.
 */
record ApiKeyHash(String salt, String hash) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static ApiKeyHash of(Secret apiKey) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String saltText = Base64.getEncoder().encodeToString(salt);
    return new ApiKeyHash(saltText, digest(salt, apiKey));
  }

  boolean matches(Secret candidate) {
    byte[] expected = Base64.getDecoder().decode(hash);
    byte[] actual = Base64.getDecoder().decode(digest(Base64.getDecoder().decode(salt), candidate));
    return MessageDigest.isEqual(expected, actual);
  }

  private static String digest(byte[] salt, Secret apiKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(apiKey.reveal().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
