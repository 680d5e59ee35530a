package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderSlugTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Private Foundation Model Gateway | private-foundation-model-gateway",
        "gateway                          | gateway",
        "  --Gateway v2.1 (EU)--          | gateway-v2-1-eu",
        "Ünïcode Gätewäy                  | n-code-g-tew-y",
        "A__B  C                          | a-b-c",
        "42                               | 42",
        "日本                             | ''",
      })
  void isLowerCaseWithOneDashForEachRunOfOtherCharacters(String name, String slug) {
    assertEquals(slug, ProviderSlug.of(name));
  }
}
