package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.SystemTrust;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Runs a data action as the platform does (contract sections 6 and 7): validates the input against
 * the contract, renders the request with Velocity, calls the remote service for real, translates
 * the answer with JSONPath and validates it against the contract, all within the action's {@code
 * timeoutSeconds}. What the remote service or the action's templates do never throws: every outcome
 * is an {@link ExecutionResult}, with credential values masked. Thread-safe.
 */
public final class ActionExecutor {

  private final TemplateRenderer renderer = new TemplateRenderer();
  private final RemoteCall remote;

  /**
   * An executor that calls remote services over HTTP(S), trusting what the JVM's trust settings say
   * at its first remote call ({@code javax.net.ssl.trustStore} and related system properties, else
   * the JDK's CA certificates), so a private CA works as with the model probe. Made without reading
   * them: a trust store that cannot be loaded fails each execution at its request step, saying why,
   * and never the emulator's start.
   */
  public ActionExecutor() {
    this.remote = new RemoteCall(SystemTrust::sslContext);
  }

  /** An executor that uses {@code sslContext} for TLS (a test's). */
  ActionExecutor(SSLContext sslContext) {
    Objects.requireNonNull(sslContext, "sslContext");
    this.remote = new RemoteCall(() -> sslContext);
  }

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
    return new ActionRun(config, contract, credentials, input, renderer, remote).execute();
  }
}
