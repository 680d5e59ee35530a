package io.github.genesysllm.emulator;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as the emulated API sees it; {@code correlationId} is the one its answer will carry.
 */
public record ApiRequest(
    String method,
    String path,
    String rawQuery,
    Headers headers,
    byte[] body,
    String correlationId) {

  /** The first value of each query parameter, decoded. */
  public Map<String, String> query() {
    return decodeForm(rawQuery);
  }

  /** Every value of one query parameter ({@code ids=a&ids=b}), decoded, in order. */
  public List<String> queryValues(String name) {
    List<String> out = new ArrayList<>();
    forEachPair(
        rawQuery,
        (key, value) -> {
          if (key.equals(name)) {
            out.add(value);
          }
        });
    return out;
  }

  /**
   * Decodes {@code a=1&b=x%20y} (a query string or a form body); the first value of a name wins.
   */
  static Map<String, String> decodeForm(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    forEachPair(raw, out::putIfAbsent);
    return out;
  }

  private static void forEachPair(String raw, java.util.function.BiConsumer<String, String> pair) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      pair.accept(
          decode(eq < 0 ? part : part.substring(0, eq)),
          decode(eq < 0 ? "" : part.substring(eq + 1)));
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a broken %-escape: keep the raw text, which then fails whatever rule applies to it
      return text;
    }
  }
}
