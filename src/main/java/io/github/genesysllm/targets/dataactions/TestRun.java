package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a platform-side test of an action ({@code /test}, {@code /draft/test}) found.
 *
 * @param finalResult what the action returned (null when it failed)
 * @param failedStep the name of the first failing operation ({@code Execute request}), or null
 * @param error the failure's message (the operation's, else the test's), or null
 */
public record TestRun(boolean success, JsonNode finalResult, String failedStep, String error) {}
