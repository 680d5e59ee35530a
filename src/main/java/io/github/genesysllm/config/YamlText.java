package io.github.genesysllm.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Block-style YAML of an exported configuration, written so that the loader reads back exactly what
 * was written: a string is bare only when YAML cannot read it as anything else, else double-quoted
 * with what is not printable escaped, so that the file stays one value per line and valid UTF-8.
 * Written here rather than by a YAML library, whose plain and quoted styles read back otherwise
 * under YAML 1.1 ({@code yes}, {@code 0x10}, a lone surrogate).
 */
final class YamlText {

  /**
   * A string YAML reads back as the same string when written bare: no indicator, no number, no
   * boolean.
   */
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}$][\\p{L}\\p{N} ._/:()+,${}-]*");

  /** Plain words that YAML 1.1 (SnakeYAML, Jackson) reads as booleans or null. */
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

  private YamlText() {}

  /** The members of the object {@code tree}, as a YAML document. */
  static String of(JsonNode tree) {
    StringBuilder out = new StringBuilder();
    members(out, tree, 0, false);
    return out.toString();
  }

  /**
   * The members of {@code object} at {@code indent}; the first continues the line (after "- ") when
   * inline.
   */
  private static void members(StringBuilder out, JsonNode object, int indent, boolean inline) {
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      if (!(first && inline)) {
        out.append(" ".repeat(indent));
      }
      first = false;
      out.append(member.getKey()).append(':');
      JsonNode value = member.getValue();
      if (value.isArray() && !value.isEmpty()) {
        out.append('\n');
        for (JsonNode item : value) {
          out.append(" ".repeat(indent + 2)).append("- ");
          if (item.isObject() && !item.isEmpty()) {
            members(out, item, indent + 4, true);
          } else {
            out.append(scalar(item)).append('\n');
          }
        }
      } else if (value.isObject() && !value.isEmpty()) {
        out.append('\n');
        members(out, value, indent + 2, false);
      } else {
        out.append(' ').append(scalar(value)).append('\n');
      }
    }
  }

  private static String scalar(JsonNode value) {
    if (!value.isTextual()) {
      return value.toString(); // numbers, booleans, and [] or {}
    }
    String text = value.asText();
    boolean plain =
        PLAIN.matcher(text).matches()
            && !text.endsWith(" ")
            && !text.endsWith(":")
            && !text.contains(": ")
            && !RESERVED.contains(text.toLowerCase(Locale.ROOT));
    return plain ? text : quoted(text);
  }

  /**
   * {@code text} as a double-quoted YAML string that reads back exactly: what is not printable text
   * (controls, line separators, a lone surrogate) is written as an escape.
   */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (printable(text, i)) {
            out.append(c);
          } else {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Whether the char at {@code i} may stand as itself in a YAML stream (YAML's printable set, less
   * line breaks).
   */
  private static boolean printable(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return printableChar(c);
  }

  /** Whether {@code c}, not a surrogate, is in YAML's printable set less line breaks. */
  static boolean printableChar(char c) {
    return (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xFFFD && c != 0x2028 && c != 0x2029 && c != 0xFEFF);
  }
}
