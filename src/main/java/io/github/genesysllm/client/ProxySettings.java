package io.github.genesysllm.client;

import io.github.genesysllm.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An HTTP proxy to reach Genesys Cloud through (Maven's {@code settings.xml} proxy, typically).
 * {@code username} and {@code password} may be null for a proxy without authentication. {@code
 * nonProxyHosts} are host patterns reached directly, {@code *} matching any characters, as in
 * Maven's and Java's {@code nonProxyHosts} ({@code *.internal}, {@code localhost}).
 */
public record ProxySettings(
    String host, int port, String username, Secret password, List<String> nonProxyHosts) {

  public ProxySettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid proxy: its host is blank; set the proxy's host in settings.xml");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "Invalid proxy port " + port + " for proxy host '" + host + "': a port is 1 to 65535");
    }
    nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
  }

  /**
   * Splits a {@code |}- or {@code ,}-separated list ({@code *.internal|localhost}) into patterns.
   */
  public static List<String> parseNonProxyHosts(String list) {
    List<String> patterns = new ArrayList<>();
    if (list != null) {
      for (String p : list.split("[|,]")) {
        if (!p.isBlank()) {
          patterns.add(p.strip());
        }
      }
    }
    return patterns;
  }

  /** Whether {@code targetHost} is to be reached directly, not through the proxy. */
  public boolean bypasses(String targetHost) {
    String host = targetHost.toLowerCase(Locale.ROOT);
    for (String pattern : nonProxyHosts) {
      if (globToRegex(pattern.toLowerCase(Locale.ROOT)).matcher(host).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern globToRegex(String glob) {
    List<String> quoted = new ArrayList<>();
    for (String part : glob.split("\\*", -1)) {
      quoted.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", quoted));
  }

  @Override
  public String toString() {
    return "proxy " + host + ":" + port + (username == null ? "" : " as '" + username + "'");
  }
}
