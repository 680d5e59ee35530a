package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.genesysllm.provider.PercentEncoding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code $esc} in data-action templates: the escapes of contract section 6.1 the emulator supports.
 * A null argument gives null, so the reference renders as written, as Velocity does for nulls. Any
 * other {@code $esc} method is refused ({@code invalid.substitution}).
 *
 * <p>Public only because Velocity calls public methods of public classes.
 */
public final class EscHelper {

  /**
   * {@code value} escaped for use inside a JSON string literal, without the quotes: {@code "} and
   * {@code \} backslash-escaped, control characters as {@code \n}, {@code \t}, ... or a
   * six-character unicode escape; other characters, non-ASCII included, as they are.
   */
  public String jsonString(Object value) {
    return value == null
        ? null
        : new String(JsonStringEncoder.getInstance().quoteAsString(String.valueOf(value)));
  }

  /** The same as {@link #jsonString}. */
  public String jsonEncode(Object value) {
    return jsonString(value);
  }

  /** The reverse of {@link #jsonString}: the text a JSON string literal's content stands for. */
  public String jsonDecode(Object value) throws JsonProcessingException {
    return value == null
        ? null
        : ActionJson.MAPPER.readValue('"' + String.valueOf(value) + '"', String.class);
  }

  /** URL form encoding (UTF-8, a space as {@code +}), as Velocity Tools' {@code $esc.url}. */
  public String url(Object value) {
    return value == null ? null : URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
  }

  /** The same as {@link #url}. */
  public String urlFormEncode(Object value) {
    return url(value);
  }

  /**
   * Percent-encoding for a URI path segment or query value: every character but the unreserved ones
   * of RFC 3986 ({@code A-Z a-z 0-9 - . _ ~}) as UTF-8 {@code %XX}; a space is {@code %20}.
   */
  public String uriEncode(Object value) {
    if (value == null) {
      return null;
    }
    return PercentEncoding.encode(String.valueOf(value));
  }
}
