package io.github.genesysllm.suggest;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean 'baseUrl'?" for a name that is not one of the known ones: a configuration field, a
 * region.
 */
public final class NameSuggestion {

  /** Longer names are no typo of a known name, and comparing them costs length squared. */
  private static final int MAX_COMPARED = 64;

  private NameSuggestion() {}

  /**
   * {@code " (did you mean 'baseUrl'?)"} when a known name is close to {@code unknown}, else "".
   */
  public static String didYouMean(String unknown, Collection<String> known) {
    if (unknown.length() > MAX_COMPARED) {
      return "";
    }
    String typed = normalize(unknown);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      String name = normalize(candidate);
      int distance = distance(typed, name);
      boolean close =
          distance <= Math.max(1, Math.min(3, name.length() / 3))
              // a part of the name: "streaming" for supportsStreaming, "type" for providerType
              || typed.length() >= 4 && name.contains(typed);
      if (close && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** Case, '_', '-' and spaces do not matter: base_url and BaseURL both mean baseUrl. */
  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[_\\- ]", "");
  }

  /**
   * Edits (insert, delete, replace, swap two neighbours) from a to b: optimal string alignment
   * distance.
   */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
