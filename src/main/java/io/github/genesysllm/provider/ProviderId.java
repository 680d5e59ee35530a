package io.github.genesysllm.provider;

/**
 * An id as the server assigns it (a provider's, an integration's, an action's...), put into a
 * request path ({@code .../providers/{id}}): an id that is not a safe path segment ({@code .} or
 * {@code ..}, which a URL resolves to another resource; one holding {@code /}, {@code \}, {@code
 * ?}, {@code #}, a control character or a line separator) is refused, and any other is
 * percent-encoded (RFC 3986: only {@code A-Z a-z 0-9 - . _ ~} stand as themselves).
 */
public final class ProviderId {

  private ProviderId() {}

  /** Why {@code id} cannot be a path segment, or null when it can. */
  public static String problem(String id) {
    if (id == null || id.isEmpty()) {
      return "it is empty";
    }
    if (id.equals(".") || id.equals("..")) {
      return "'" + id + "' names another resource in a URL path";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '/' || c == '\\' || c == '?' || c == '#') {
        return "it holds '" + c + "'";
      }
      if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
        return "it holds a control character or a line break";
      }
    }
    return null;
  }

  /**
   * {@code id} percent-encoded as one path segment.
   *
   * @throws IllegalArgumentException saying why, when it is not a safe path segment
   */
  public static String asPathSegment(String id) {
    String problem = problem(id);
    if (problem != null) {
      throw new IllegalArgumentException(
          "the id the server gave is not a safe URL path segment: " + problem);
    }
    return PercentEncoding.encode(id);
  }
}
