/**
 * The configured provider and the provider API's model, shared by the configuration, the core,
 * every target and the emulator. Each provider type has one job; this is the one place that says
 * which, from the build file to the wire and back:
 *
 * <table>
 *   <caption>The provider types</caption>
 *   <tr><th>type</th><th>package</th><th>what it is for</th></tr>
 *   <tr><td>{@code ProviderConfig}, {@code ModelConfig}</td><td>config</td>
 *       <td>the build file's {@code <provider>} and {@code <model>}, as the build tool binds them (mutable beans,
 *       null for a field left out, no key); read once by the loader</td></tr>
 *   <tr><td>{@code ProviderEntry}</td><td>config (internal)</td>
 *       <td>one configured provider as raw JSON with where it was written, so that the build file's and the
 *       file's go through the same checks and every problem names file:line</td></tr>
 *   <tr><td>{@link io.github.genesysllm.provider.ProviderSettings},
 *       {@link io.github.genesysllm.provider.ModelSettings}</td><td>provider</td>
 *       <td>the writable fields but the key, defaults applied: what a configuration asks for, what a
 *       provider holds, what a PUT replaces, what export writes</td></tr>
 *   <tr><td>{@link io.github.genesysllm.provider.DesiredProvider}</td><td>provider</td>
 *       <td>a checked configured provider: its settings, its key and where it was configured; what
 *       the core and every target take as input</td></tr>
 *   <tr><td>{@link io.github.genesysllm.provider.Provider}</td><td>provider</td>
 *       <td>the provider API's representation (id, settings, key stored or not, version, dates,
 *       selfUri): what the {@code providers} target reads and the emulator serves</td></tr>
 *   <tr><td>{@code ExportedProvider}</td><td>config</td>
 *       <td>a provider a target read back for {@code export}: its settings and the id of what it
 *       was read from</td></tr>
 *   <tr><td>{@code StoredProvider}</td><td>emulator (internal)</td>
 *       <td>the emulator's row: a representation and the hash of its key, which the API never
 *       shows</td></tr>
 *   <tr><td>{@code Observed<R>}</td><td>reconcile</td>
 *       <td>what a target found for one provider, as the core sees it (fields to compare, ids to
 *       show, the target's own {@code R} to act on)</td></tr>
 * </table>
 *
 * <p>{@link io.github.genesysllm.provider.ProviderJson} maps settings and representations to and
 * from the API's JSON, {@link io.github.genesysllm.provider.ProviderRules} holds the API's field
 * rules (the plugin checks its configuration by them before any call, the emulator checks request
 * bodies), {@link io.github.genesysllm.provider.ProviderName} is the one rule by which a name in
 * the organization is a configured provider's, and {@link io.github.genesysllm.provider.ProviderId}
 * puts a server's id into a request path safely.
 */
package io.github.genesysllm.provider;
