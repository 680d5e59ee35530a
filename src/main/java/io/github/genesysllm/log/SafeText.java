package io.github.genesysllm.log;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one function that makes a text safe to print on one line of the build log, used for every log
 * line and every message: a name or a server's text cannot break the line (and so forge a {@code
 * [INFO] BUILD SUCCESS} line of its own), nor show a password written in a URL.
 *
 * <ul>
 *   <li>Control characters (Unicode category Cc: {@code \n}, {@code \r}, {@code \t}, ESC, NEL...),
 *       the line and paragraph separators U+2028 and U+2029, and the bidirectional formatting
 *       characters (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069, which reorder what a
 *       terminal shows) are written as escapes: {@code \n}, {@code \r}, {@code \t}, else {@code
 *       \}{@code uXXXX}.
 *   <li>The user info of a URL ({@code https://user:password@host}) is written {@code
 *       https://****@host}.
 * </ul>
 */
public final class SafeText {

  /** A scheme, {@code ://}, then user info up to the last {@code @} of the authority. */
  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s]*@");

  private SafeText() {}

  /** {@code text} with user info masked and control characters escaped; null stays null. */
  public static String of(CharSequence text) {
    if (text == null) {
      return null;
    }
    String masked = maskUserInfo(text);
    StringBuilder out = null;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (!mustEscape(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(masked.length() + 16).append(masked, 0, i);
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out == null ? masked : out.toString();
  }

  /**
   * {@code text} with the user info of every URL in it masked, and nothing else changed: for values
   * kept whole (reports, an exported file) that must not show a password; null stays null.
   */
  public static String maskUserInfo(CharSequence text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1****@");
  }

  private static boolean mustEscape(char c) {
    return Character.getType(c) == Character.CONTROL
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
