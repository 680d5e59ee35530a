/**
 * The {@code providers} target: Genesys Cloud's custom LLM provider API (the contract {@code
 * llm-providers-api.md}). A configured provider is one resource, matched by name: {@link
 * io.github.genesysllm.targets.providers.ProvidersTarget} observes them all with one listing,
 * {@link io.github.genesysllm.targets.providers.ProviderChange} creates or updates one and settles
 * its races, {@link io.github.genesysllm.targets.providers.ProvidersClient} speaks the resource
 * over the generic {@link io.github.genesysllm.client.GenesysClient}.
 */
package io.github.genesysllm.targets.providers;
