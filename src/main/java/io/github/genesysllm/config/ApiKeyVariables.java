package io.github.genesysllm.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The environment variable an exported provider's {@code apiKey} placeholder names: {@code
 * <NAME>_API_KEY}, where {@code NAME} is the provider's {@link ProviderSlug} in upper case with
 * {@code _} for {@code -} ("Private Foundation Model Gateway" gives {@code
 * PRIVATE_FOUNDATION_MODEL_GATEWAY_API_KEY}). An empty slug (a name without any letter or digit a-z
 * 0-9) gives {@code PROVIDER}, and one that starts with a digit is prefixed with {@code PROVIDER_},
 * as shells refuse such variable names. When two providers would get the same variable, the later
 * one gets the first free {@code <NAME>_2_API_KEY}, {@code <NAME>_3_API_KEY}, ... that no other
 * provider's own name gives.
 */
final class ApiKeyVariables {

  private static final String KEY_SUFFIX = "_API_KEY";
  private static final String FALLBACK_NAME = "PROVIDER";

  private ApiKeyVariables() {}

  /** The variable of each provider, in order. */
  static List<String> of(List<String> providerNames) {
    List<String> own = providerNames.stream().map(ApiKeyVariables::stem).toList();
    Set<String> ownStems = new HashSet<>(own);
    Set<String> taken = new HashSet<>();
    List<String> variables = new ArrayList<>();
    for (String stem : own) {
      String chosen = stem;
      int n = 1;
      while (!taken.add(chosen)) {
        do {
          n++;
          chosen = stem + "_" + n;
        } while (ownStems.contains(chosen)); // another provider's own name: leave it to that one
      }
      variables.add(chosen + KEY_SUFFIX);
    }
    return variables;
  }

  private static String stem(String providerName) {
    String stem = ProviderSlug.of(providerName).toUpperCase(Locale.ROOT).replace('-', '_');
    if (stem.isEmpty()) {
      return FALLBACK_NAME;
    }
    return Character.isDigit(stem.charAt(0)) ? FALLBACK_NAME + "_" + stem : stem;
  }
}
