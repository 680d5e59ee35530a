package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Runs a data action as the platform does (contract sections 6 and 7): validates the input against
 * the contract, renders the request with Velocity, calls the remote service for real, translates
 * the answer and validates it against the contract. Thread-safe.
 */
public final class ActionExecutor {

  /** An executor that calls remote services over HTTP(S), trusting the JVM's trust store. */
  public ActionExecutor() {}

  /**
   * Executes one action.
   *
   * @param config the stored {@code ActionConfig} JSON
   * @param contract the stored contract {@code {input:{inputSchema}, output:{successSchema}}}
   * @param credentials the fields of the credential mapped under {@code basicAuth}; may be empty
   * @param input the request body
   */
  public ExecutionResult run(
      JsonNode config, JsonNode contract, Map<String, String> credentials, JsonNode input) {
    throw new UnsupportedOperationException("the execution engine is not written yet");
  }
}
