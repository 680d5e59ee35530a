package io.github.genesysllm.emulator.execution;

/**
 * The step at which an execution failed and the error {@code /execute} answers for it (section 7.2,
 * mapping of section 6.2 item 6): its HTTP {@code status} and ErrorBody {@code code}. The {@code
 * message} has credential values masked.
 *
 * @param step the operation name of section 7.1, e.g. {@code "Execute request"}
 */
public record ExecutionFailure(String step, int status, String code, String message) {}
