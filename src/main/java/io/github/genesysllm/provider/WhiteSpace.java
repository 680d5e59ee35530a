package io.github.genesysllm.provider;

/**
 * What the API's white-space rules ("not blank", "no leading or trailing white space") count as
 * white space: every Unicode {@code White_Space} character (space, tab, the line breaks, NEL
 * U+0085, the no-break spaces U+00A0, U+2007 and U+202F, the other space separators U+1680,
 * U+2000-U+200A, U+205F and U+3000, the line and paragraph separators U+2028 and U+2029), and the
 * information separators U+001C-U+001F that Java counts too. Java's own {@link String#isBlank()}
 * and {@link String#strip()} miss NEL and the no-break spaces, so a name of them passed the check
 * and failed at the server.
 */
public final class WhiteSpace {

  private WhiteSpace() {}

  public static boolean is(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || codePoint == 0x85;
  }

  /** Whether {@code text} is empty or white space only. */
  public static boolean isBlank(String text) {
    return text.codePoints().allMatch(WhiteSpace::is);
  }

  /** Whether {@code text} starts or ends with white space. */
  public static boolean isPadded(String text) {
    return !text.isEmpty() && (is(text.codePointAt(0)) || is(text.codePointBefore(text.length())));
  }
}
