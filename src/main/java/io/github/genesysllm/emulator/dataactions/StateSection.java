package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/** The data-actions section of the emulator's state file. */
public interface StateSection {

  /** The state file, for messages and to find the credential key file beside it. */
  Path file();

  /** The section as last written or loaded; null when there is none yet. */
  JsonNode read();

  /** Replaces the section and writes the file before returning. */
  void write(JsonNode section) throws IOException;
}
