package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.emulator.execution.ActionExecutor;
import io.github.genesysllm.emulator.execution.ExecutionResult;
import java.util.Map;

/**
 * Runs a data action: {@link ActionExecutor#run} in the emulator, a recording fake in the tests of
 * the routes.
 */
@FunctionalInterface
public interface ActionRunner {

  ExecutionResult run(
      JsonNode config, JsonNode contract, Map<String, String> credentials, JsonNode input);
}
