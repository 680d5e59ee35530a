package io.github.genesysllm.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSuggestionTest {

  /** The provider fields of the configuration. */
  private static final List<String> PROVIDER_FIELDS =
      List.of(
          "name",
          "providerType",
          "baseUrl",
          "apiKey",
          "apiKeyEnv",
          "apiKeyServerId",
          "apiVersion",
          "timeout",
          "models");

  private static final List<String> REGIONS =
      List.of("us-east-1", "eu-west-1", "eu-west-2", "mypurecloud.ie", "mypurecloud.com.au");

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
        " (did you mean '" + suggested + "'?)", NameSuggestion.didYouMean(typed, PROVIDER_FIELDS));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"region", "url", "x", "description"})
  void suggestsNothingWhenNothingIsClose(String typed) {
    assertEquals("", NameSuggestion.didYouMean(typed, PROVIDER_FIELDS));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "eu-wset-1          | eu-west-1",
        "euwest1            | eu-west-1",
        "us-east1           | us-east-1",
        "mypurecloud.ei     | mypurecloud.ie",
        "mypurecloud.com.u  | mypurecloud.com.au",
      })
  void suggestsTheClosestRegion(String typed, String suggested) {
    assertEquals(" (did you mean '" + suggested + "'?)", NameSuggestion.didYouMean(typed, REGIONS));
  }
}
