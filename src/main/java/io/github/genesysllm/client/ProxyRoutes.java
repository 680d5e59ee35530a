package io.github.genesysllm.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which proxy each host is reached through, decided beforehand by the caller (the build's own proxy
 * selection, with its protocols and non-proxy hosts), so that the HTTP layer only looks a host up.
 * A host without a route is not sent to any of these proxies.
 */
public final class ProxyRoutes {

  /** No host has a route. */
  public static final ProxyRoutes NONE = new ProxyRoutes(Map.of());

  private final Map<String, ProxySettings> byHost;

  private ProxyRoutes(Map<String, ProxySettings> byHost) {
    this.byHost = byHost;
  }

  /** Routes for the given hosts (compared ignoring case); a null proxy means none for that host. */
  public static ProxyRoutes of(Map<String, ProxySettings> byHost) {
    Map<String, ProxySettings> routes = new LinkedHashMap<>();
    byHost.forEach(
        (host, proxy) -> {
          if (proxy != null) {
            routes.put(host.toLowerCase(Locale.ROOT), proxy);
          }
        });
    return new ProxyRoutes(Collections.unmodifiableMap(routes));
  }

  /** The proxy for {@code host}, or null when it has no route. */
  public ProxySettings forHost(String host) {
    return host == null ? null : byHost.get(host.toLowerCase(Locale.ROOT));
  }

  public boolean isEmpty() {
    return byHost.isEmpty();
  }

  /** Each proxy once, in the order of the hosts given. */
  public List<ProxySettings> proxies() {
    return new ArrayList<>(new LinkedHashSet<>(byHost.values()));
  }

  /**
   * For the build log: each proxy (as its {@code toString}, which holds no password) with the hosts
   * routed through it.
   */
  public Map<String, List<String>> hostsByProxy() {
    Map<String, List<String>> hosts = new LinkedHashMap<>();
    byHost.forEach(
        (host, proxy) -> hosts.computeIfAbsent(proxy.toString(), p -> new ArrayList<>()).add(host));
    return hosts;
  }

  @Override
  public String toString() {
    return byHost.isEmpty() ? "no proxy" : hostsByProxy().toString();
  }
}
