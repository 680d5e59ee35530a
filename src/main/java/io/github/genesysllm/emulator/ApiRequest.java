package io.github.genesysllm.emulator;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request as the emulated API sees it; {@code correlationId} is the one its answer will carry.
 */
record ApiRequest(
    String method,
    String path,
    String rawQuery,
    Headers headers,
    byte[] body,
    String correlationId) {

  /** The first value of each query parameter, decoded. */
  Map<String, String> query() {
    return decodeForm(rawQuery);
  }

  /**
   * Decodes {@code a=1&b=x%20y} (a query string or a form body); the first value of a name wins.
   */
  static Map<String, String> decodeForm(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a broken %-escape: keep the raw text, which then fails whatever rule applies to it
        out.putIfAbsent(name, value);
      }
    }
    return out;
  }
}
