package io.github.genesysllm.provider;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of RFC 3986 for a URI path segment or query value: every character but the
 * unreserved ones ({@code A-Z a-z 0-9 - . _ ~}) as UTF-8 {@code %XX}, upper-case hex; a space is
 * {@code %20}. One rule for the ids the plugin puts into request paths and for the templates'
 * {@code $esc.uriEncode} the emulator renders.
 */
public final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** {@code text}, percent-encoded. */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }
}
