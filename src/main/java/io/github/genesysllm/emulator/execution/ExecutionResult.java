package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one execution of a data action gave.
 *
 * @param testResult the {@code TestExecutionResult} of the contract's section 7.1 ({@code
 *     operations}, {@code error}, {@code finalResult}, {@code success}), credential values already
 *     masked; the answer of {@code /test} and {@code /draft/test} as it is
 * @param success whether every step succeeded
 * @param finalResult what {@code /execute} answers with 200; null when not {@code success}
 * @param failure why the execution failed, as {@code /execute} answers it; null when {@code
 *     success}
 */
public record ExecutionResult(
    ObjectNode testResult, boolean success, JsonNode finalResult, ExecutionFailure failure) {}
