package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.ProxyRoutes;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a probe reaches the configured models: {@code timeout} for each of connecting, the TLS
 * handshake and the answer; {@code proxies} the proxy of each model endpoint's host (the build's
 * own selection; {@link ProxyRoutes#NONE}: direct); {@code sslContext} the TLS trust to use (null:
 * what the JVM's trust settings say). A target whose probe does not reach the models itself (the
 * platform calls them) uses only the timeout.
 */
public record ProbeSettings(Duration timeout, ProxyRoutes proxies, SSLContext sslContext) {

  public ProbeSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(proxies, "proxies");
  }
}
