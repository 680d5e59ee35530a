package io.github.genesysllm.emulator;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The data-actions tests' fixture: a fresh emulator for each test, with a rate limit no test
 * reaches, and the {@link DataActions} client of its default client.
 */
abstract class DataActionsFixture {

  Emulator emulator;
  DataActions api;

  @BeforeEach
  final void startEmulator() throws IOException {
    emulator = start(EmulatorSettings.builder().rateLimit(10_000).build());
    api = new DataActions(emulator);
  }

  @AfterEach
  final void stopEmulator() {
    emulator.close();
  }

  /** Starts each test's emulator; a test of the execution routes gives it its recording engine. */
  Emulator start(EmulatorSettings settings) throws IOException {
    return Emulator.start(settings);
  }
}
