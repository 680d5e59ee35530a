package io.github.genesysllm.emulator.execution;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code $encoding} in data-action templates (contract section 6.1). Public only because Velocity
 * calls public methods of public classes.
 */
public final class EncodingHelper {

  /** The Base64 (RFC 4648, with padding) of {@code value}'s UTF-8 bytes; null for null. */
  public String base64(Object value) {
    return value == null
        ? null
        : Base64.getEncoder()
            .encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  }
}
