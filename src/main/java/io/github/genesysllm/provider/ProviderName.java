package io.github.genesysllm.provider;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The plugin's one rule for when two provider names are the same name: wherever a configured
 * provider is matched with the server's (plan, adoption after a 409, lookups, verify, unregister,
 * export) and wherever configured names must differ. Two names are the same when their {@link #key
 * keys} are equal:
 *
 * <ol>
 *   <li>Unicode normalization NFKC (compatibility forms count as their plain letters: full-width
 *       {@code Ｇ} is {@code G}, the ligature {@code ﬁ} is {@code fi}, the Kelvin sign is {@code K},
 *       a no-break space is a space; composed and decomposed accents are equal);
 *   <li>full case folding: lower case, then upper case, then lower case again, with the full
 *       (one-to-many) Unicode case mappings and no locale ({@code Locale.ROOT}), so that every case
 *       pair folds alike: {@code ß}, {@code ẞ} and {@code SS}; {@code ı}, {@code I} and {@code i};
 *       {@code ς}, {@code σ} and {@code Σ}. The one letter whose simple and full lower cases
 *       differ, {@code İ} (U+0130), follows its full mapping ({@code i} + U+0307), as Unicode's
 *       default caseless matching does: it is not {@code i};
 *   <li>NFKC again, so that the result is normalized whatever the case mappings produced.
 * </ol>
 *
 * Nothing else is ignored: accents ({@code é} is not {@code e}), white space and punctuation count.
 */
public final class ProviderName {

  private ProviderName() {}

  /** The form under which names are compared; equal keys are the same name. */
  public static String key(String name) {
    String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC);
    String folded =
        normalized.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC);
  }

  /** Whether {@code a} and {@code b} are the same name by the rule. */
  public static boolean same(String a, String b) {
    return key(a).equals(key(b));
  }
}
