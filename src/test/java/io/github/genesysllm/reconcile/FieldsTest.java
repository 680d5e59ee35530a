package io.github.genesysllm.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's comparison, whatever the target: values, groups, order, what one side lacks. */
class FieldsTest {

  private static Fields action(String url, int timeout) {
    return Fields.builder().value("url", url).value("timeout", timeout).build();
  }

  @Test
  void equalFieldsHaveNoDifferenceAndValuesCompareAsText() {
    Fields one = Fields.builder().value("state", "ENABLED").value("timeout", 30).build();
    Fields same = Fields.builder().value("state", "ENABLED").value("timeout", "30").build();

    assertEquals(List.of(), Fields.differences(one, same));
    assertEquals(one, same);
  }

  @Test
  void groupsBothSidesHaveAreComparedEntryByEntryUnderTheirName() {
    Fields desired = Fields.builder().group("actions[gpt]", action("https://a/chat", 60)).build();
    Fields actual = Fields.builder().group("actions[gpt]", action("https://b/chat", 60)).build();

    assertEquals(
        List.of(new Difference("actions[gpt].url", "https://a/chat", "https://b/chat")),
        Fields.differences(desired, actual));
  }

  @Test
  void aGroupOneSideLacksIsOneDifferenceShowingItsValues() {
    Fields desired = Fields.builder().group("actions[new]", action("https://a/chat", 60)).build();
    Fields actual = Fields.builder().group("actions[old]", action("https://a/chat", 30)).build();

    assertEquals(
        List.of(
            new Difference("actions[new]", "url=https://a/chat, timeout=60", Difference.ABSENT),
            new Difference("actions[old]", Difference.ABSENT, "url=https://a/chat, timeout=30")),
        Fields.differences(desired, actual));
  }

  @Test
  void differencesComeInTheDesiredOrderThenWhatOnlyTheOrganizationHasInItsOrder() {
    Fields desired =
        Fields.builder()
            .value("b", 1)
            .group("g[1]", action("u", 1))
            .value("a", 1)
            .value("c", 1)
            .build();
    Fields actual =
        Fields.builder()
            .group("g[3]", action("u", 3))
            .value("c", 2)
            .value("extra", "x")
            .value("a", 2)
            .value("b", 2)
            .build();

    assertEquals(
        List.of("b", "g[1]", "a", "c", "g[3]", "extra"),
        Fields.differences(desired, actual).stream().map(Difference::field).toList());
    assertEquals(
        new Difference("extra", Difference.ABSENT, "x"),
        Fields.differences(desired, actual).get(5));
  }

  @Test
  void aValueOnlyTheConfigurationHasIsAbsentOnTheOtherSide() {
    assertEquals(
        List.of(new Difference("state", "ENABLED", Difference.ABSENT)),
        Fields.differences(
            Fields.builder().value("state", "ENABLED").build(), Fields.builder().build()));
  }

  @Test
  void ofTwoGroupsOfOneNameTheFirstIsComparedButAValueTwiceIsAMistake() {
    Fields actual =
        Fields.builder()
            .group("g[x]", action("first", 1))
            .group("g[x]", action("second", 1))
            .build();

    assertEquals(
        List.of(),
        Fields.differences(Fields.builder().group("g[x]", action("first", 1)).build(), actual));
    assertThrows(
        IllegalArgumentException.class, () -> Fields.builder().value("a", 1).value("a", 2));
  }

  @Test
  void aDifferenceReadsAsOldToNewAndTheKeyRotationShowsNoValue() {
    assertEquals("timeout: 30000 -> 60000", new Difference("timeout", "60000", "30000").describe());
    assertEquals("apiKey: (rotated)", Difference.apiKeyRotated().describe());
    assertEquals(
        "{\"field\":\"timeout\",\"from\":\"30000\",\"to\":\"60000\"}",
        new Difference("timeout", "60000", "30000").toJson().toString());
    assertEquals(
        "{\"field\":\"apiKey\",\"to\":\"(rotated)\"}",
        Difference.apiKeyRotated().toJson().toString());
  }
}
