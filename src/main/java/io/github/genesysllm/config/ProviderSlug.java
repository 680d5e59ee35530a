package io.github.genesysllm.config;

import java.util.Locale;

/**
 * The form of a name used in the names derived from it (the build properties that publish a
 * provider's id, {@code providers.<slug>.id}; a data action's; an API key's variable): lower case,
 * each run of characters other than {@code a-z} and {@code 0-9} turned into one {@code -}, no
 * {@code -} at either end. "Private Foundation Model Gateway" gives {@code
 * private-foundation-model-gateway}. A name without any such letter or digit gives the empty
 * string; different names may give the same slug.
 */
public final class ProviderSlug {

  private ProviderSlug() {}

  public static String of(String providerName) {
    String slug = providerName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    int start = slug.startsWith("-") ? 1 : 0;
    int end = slug.endsWith("-") && slug.length() > start ? slug.length() - 1 : slug.length();
    return slug.substring(start, Math.max(start, end));
  }
}
