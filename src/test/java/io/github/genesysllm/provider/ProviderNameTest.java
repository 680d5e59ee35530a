package io.github.genesysllm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderNameTest {

  @ParameterizedTest(name = "''{0}'' is ''{1}''")
  @CsvSource({
    "Private Gateway, PRIVATE GATEWAY",
    // pairs that Java's toLowerCase folds apart but that are one case pair
    "Straße Gateway, STRASSE GATEWAY",
    "ẞ, ss",
    "ı, I",
    "ı, i",
    "ς, σ",
    "ΟΔΟΣ, οδοσ",
    "ΟΔΟΣ, οδος",
    "ǅ, dž",
    // compatibility forms: the Kelvin sign, full-width letters, a ligature, long s
    "\u212Aelvin, kelvin",
    "Ｇateway, gateway",
    "ﬁle, FILE",
    "ſ, S",
    // composed and decomposed accents; a no-break space
    "Café, Cafe\u0301",
    "A\u00A0B, a b",
  })
  void namesThatAreOneNameByTheRule(String a, String b) {
    assertTrue(ProviderName.same(a, b));
    assertTrue(ProviderName.same(b, a));
  }

  @ParameterizedTest(name = "''{0}'' is not ''{1}''")
  @CsvSource({
    "Café, Cafe",
    "İstanbul, Istanbul",
    "İ, i",
    "'Gateway', 'Gateway '",
    "Gate way, Gateway",
    "Gateway-1, Gateway_1",
  })
  void namesThatDifferByTheRule(String a, String b) {
    assertFalse(ProviderName.same(a, b));
  }

  /**
   * Every code point keys alike with its upper, lower and title case, full (String) and simple
   * (Character) mappings both, but for U+0130, which follows its full mapping; and a key is its own
   * key.
   */
  @Test
  void everyUnicodeCasePairFoldsAlikeAndKeysAreStable() {
    List<String> broken = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (Character.getType(cp) == Character.SURROGATE) {
        continue;
      }
      String c = Character.toString(cp);
      String key = ProviderName.key(c);
      List<String> variants =
          new ArrayList<>(
              List.of(
                  c.toUpperCase(Locale.ROOT),
                  c.toLowerCase(Locale.ROOT),
                  Character.toString(Character.toTitleCase(cp)),
                  Character.toString(Character.toUpperCase(cp))));
      if (cp != 0x130) {
        variants.add(Character.toString(Character.toLowerCase(cp)));
      }
      for (String variant : variants) {
        if (!ProviderName.key(variant).equals(key)) {
          broken.add(String.format("U+%04X and '%s'", cp, variant));
        }
      }
      if (!ProviderName.key(key).equals(key)) {
        broken.add(String.format("the key of U+%04X is not stable", cp));
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void theDottedCapitalIFollowsItsFullLowerCase() {
    assertTrue(ProviderName.same("İ", "i\u0307"));
  }
}
