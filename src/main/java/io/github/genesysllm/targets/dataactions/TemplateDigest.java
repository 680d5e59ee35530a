package io.github.genesysllm.targets.dataactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A template the plugin did not write, in one line for a difference: {@code a template of 412
 * characters not written by the plugin (sha256 1a2b3c4d5e6f)}. Equal texts give equal lines, so a
 * comparison of these lines is a comparison of the texts.
 */
final class TemplateDigest {

  private TemplateDigest() {}

  static String of(String template) {
    if (template == null) {
      return "none";
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(template.getBytes(StandardCharsets.UTF_8));
      return "a template of "
          + template.length()
          + " characters not written by the plugin (sha256 "
          + HexFormat.of().formatHex(hash, 0, 6)
          + ")";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
