package io.github.genesysllm.provider;

/** One model a provider serves, as the contract's {@code models[]} entry describes it. */
public record ModelSettings(String id, String name, int maxTokens, boolean supportsStreaming) {}
