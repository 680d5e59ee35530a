package io.github.genesysllm.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean 'baseUrl'?" for a field name that is not one of the known ones. */
final class FieldSuggestion {

    private FieldSuggestion() {
    }

    /** {@code " (did you mean 'baseUrl'?)"} when a known name is close to {@code unknown}, else "". */
    static String didYouMean(String unknown, Collection<String> known) {
        String typed = normalize(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String name = normalize(candidate);
            int distance = distance(typed, name);
            boolean close = distance <= Math.max(1, Math.min(3, name.length() / 3))
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

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
