package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSuggestionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "timout          | timeout",
        "baseURL         | baseUrl",
        "base_url        | baseUrl",
        "apikey          | apiKey",
        "api-key-env     | apiKeyEnv",
        "apiKeyServer    | apiKeyServerId",
        "model           | models",
        "type            | providerType",
        "nmae            | name",
      })
  void suggestsTheClosestField(String typed, String suggested) {
    assertEquals(
        " (did you mean '" + suggested + "'?)",
        FieldSuggestion.didYouMean(typed, ConfigurationLoader.PROVIDER_FIELDS));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"region", "url", "x", "description"})
  void suggestsNothingWhenNothingIsClose(String typed) {
    assertEquals("", FieldSuggestion.didYouMean(typed, ConfigurationLoader.PROVIDER_FIELDS));
  }
}
