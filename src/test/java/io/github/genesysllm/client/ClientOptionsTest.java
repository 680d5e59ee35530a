package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Setting;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A setting out of its range is a problem at that setting, quoting the value given. */
class ClientOptionsTest {

  @Test
  void aNegativeRetryBudgetIsRefusedAtItsSetting() {
    assertRefusedAt(
        Setting.MAX_RETRY_TIME_SECONDS, "-1 s", b -> b.maxRetryTime(Duration.ofSeconds(-1)));
  }

  @Test
  void aNegativePaceIsRefusedAtItsSetting() {
    assertRefusedAt(Setting.MAX_REQUESTS_PER_MINUTE, "-5", b -> b.maxRequestsPerMinute(-5));
  }

  @Test
  void noTimeoutIsRefusedAtItsSetting() {
    assertRefusedAt(Setting.TIMEOUT_SECONDS, "0 ms", b -> b.timeout(Duration.ZERO));
  }

  @Test
  void aProvidersPathWithoutItsSlashIsRefusedAtItsSetting() {
    assertRefusedAt(Setting.PROVIDERS_PATH, "'api/v2'", b -> b.providersPath("api/v2"));
  }

  @Test
  void zeroTurnsRetriesAndPacingOff() {
    ClientOptions options =
        ClientOptions.builder().maxRetryTime(Duration.ZERO).maxRequestsPerMinute(0).build();
    assertEquals(Duration.ZERO, options.maxRetryTime());
    assertEquals(0, options.maxRequestsPerMinute());
  }

  private static void assertRefusedAt(
      Setting setting, String quoted, Consumer<ClientOptions.Builder> wrong) {
    ClientOptions.Builder builder = ClientOptions.builder();
    wrong.accept(builder);
    InvalidSettingException e = assertThrows(InvalidSettingException.class, builder::build);
    assertEquals(new Place.OfSetting(setting), e.problem().where());
    assertEquals(ClientHint.SET_A_VALID_VALUE, e.problem().hint());
    // the value the user gave, for them to find it
    assertTrue(e.problem().what().contains(quoted), e.getMessage());
  }
}
