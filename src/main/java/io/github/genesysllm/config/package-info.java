/**
 * The build's configuration: which providers it wants and with which API keys, and how the plugin
 * authenticates to Genesys Cloud. Nothing here knows the build tool: its edge hands in the build
 * file's providers ({@link io.github.genesysllm.config.ProviderConfig}), the environment, the
 * properties and the server credentials ({@link io.github.genesysllm.config.ServerSecrets}). Every
 * problem is a {@link io.github.genesysllm.problem.Problem} at its place (a file's line, a provider
 * of the build file, a setting, server credentials) with a {@link
 * io.github.genesysllm.config.ConfigHint}, carried by a {@link
 * io.github.genesysllm.config.ConfigurationException}; the edge words them.
 *
 * <h2>The configuration file</h2>
 * The {@code configFile} setting names a file that is YAML when its name ends in {@code .yaml} or
 * {@code .yml}, JSON when it ends in {@code .json} (any case). It is UTF-8, at most 5 MiB, and holds one
 * object whose only field is {@code providers}, a list of at most 10,000 providers:
 * <pre>
 * providers:
 *   - name: Private Foundation Model Gateway
 *     providerType: CUSTOM                 # optional, the only value, default CUSTOM
 *     baseUrl: https://inference.private-cloud.internal/api/v1
 *     apiKey: ${env.PRIVATE_MODEL_API_KEY} # or apiKeyEnv: NAME, or apiKeyServerId: server-id
 *     apiVersion: v1                       # optional, default v1
 *     timeout: 30000                       # optional, milliseconds, default 30000
 *     models:
 *       - id: private-model-v1
 *         name: Private Model v1
 *         maxTokens: 8192
 *         supportsStreaming: true          # optional, default false
 * </pre>
 * Each provider takes exactly one of {@code apiKey} (the key itself, best as a placeholder),
 * {@code apiKeyEnv} (the name of an environment variable holding it) and {@code apiKeyServerId}
 * (server credentials whose password is the key). A provider written in the build file has the
 * same fields but {@code apiKey}: a build file never holds a key. Unknown fields, keys written twice, wrong types,
 * YAML aliases and more than one document are errors, and every problem names the file and line.
 *
 * <h2>Placeholders</h2>
 * Any string value of the file may hold {@code ${env.NAME}} (the environment variable {@code NAME};
 * not set or empty is an error) and {@code ${name}} (a project or system property; not set is an
 * error). {@code $${} is a literal {@code ${}, and a {@code $} before anything else is itself. A
 * placeholder in {@code timeout}, {@code maxTokens} or {@code supportsStreaming} that resolves to an
 * integer or to {@code true}/{@code false} counts as that, while a quoted literal such as
 * {@code timeout: "30000"} stays a string and is refused, as the contract refuses it.
 */
package io.github.genesysllm.config;
