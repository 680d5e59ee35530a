package io.github.genesysllm.client;

import io.github.genesysllm.secret.Secret;
import java.util.Objects;

/**
 * One HTTP proxy: how to reach it ({@code scheme} {@code http}, or {@code https} for TLS to the
 * proxy itself), who to authenticate as ({@code username} and {@code password}, both null for a
 * proxy without authentication), and where it was configured ({@code source}, for log lines and
 * messages: the build tool's proxy 'corp'). The password never shows in {@code toString}.
 */
public record ProxySettings(
    String scheme, String host, int port, String username, Secret password, String source) {

  public ProxySettings {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(source, "source");
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "Invalid proxy protocol '" + scheme + "' (" + source + "): use http or https");
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("Invalid proxy (" + source + "): its host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "Invalid proxy port " + port + " (" + source + "): a port is 1 to 65535");
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException(
          "Invalid proxy (" + source + "): it has a password but no username");
    }
  }

  /** {@code proxy.corp:3128}, or {@code https://proxy.corp:3128} for a TLS proxy. */
  public String address() {
    return (scheme.equals("https") ? "https://" : "") + host + ":" + port;
  }

  @Override
  public String toString() {
    return source + " (" + address() + (username == null ? "" : ", as '" + username + "'") + ")";
  }
}
