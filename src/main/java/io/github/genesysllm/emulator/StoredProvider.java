package io.github.genesysllm.emulator;

import io.github.genesysllm.provider.Provider;

/**
 * A provider as the store holds it: its representation and the hash of its key (null when none).
 */
record StoredProvider(Provider provider, ApiKeyHash apiKey) {}
