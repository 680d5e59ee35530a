package io.github.genesysllm.mojo;

import io.github.genesysllm.client.GenesysHosts;
import io.github.genesysllm.client.ProxyRoutes;
import io.github.genesysllm.client.ProxySettings;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.config.EnvironmentProxy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The proxy of each host a goal talks to, as the build chooses it, logged once per proxy: Maven's
 * choice among the settings.xml proxies ({@link MavenProxies}), and for the Genesys Cloud hosts the
 * {@code GENESYSCLOUD_PROXY_*} environment variables where none applies.
 */
final class ProxyChoice {

  private final MavenProxies maven;
  private final Log log;

  ProxyChoice(MavenProxies maven, Log log) {
    this.maven = maven;
    this.log = log;
  }

  /**
   * The proxy of each Genesys Cloud host: Maven's choice; where none applies, the
   * GENESYSCLOUD_PROXY_* environment variables (as CX as Code reads them), except for loopback
   * hosts (an emulator).
   */
  ProxyRoutes forGenesys(GenesysHosts hosts) throws MojoFailureException, ConfigurationException {
    Optional<ProxySettings> fromEnvironment = EnvironmentProxy.read(System::getenv);
    Map<String, ProxySettings> byHost = new LinkedHashMap<>();
    for (URI url : List.of(hosts.apiUrl(), hosts.loginUrl())) {
      ProxySettings proxy = maven.forUrl(url);
      if (proxy == null && !GenesysHosts.isLoopback(url.getHost())) {
        proxy = fromEnvironment.orElse(null);
      }
      byHost.put(url.getHost(), proxy);
    }
    return logged(ProxyRoutes.of(byHost));
  }

  /** The proxy of each URL's host as Maven chooses it among the settings.xml proxies. */
  ProxyRoutes forUrls(List<URI> urls) throws MojoFailureException {
    Map<String, ProxySettings> byHost = new LinkedHashMap<>();
    for (URI url : urls) {
      byHost.put(url.getHost(), maven.forUrl(url));
    }
    return logged(ProxyRoutes.of(byHost));
  }

  private ProxyRoutes logged(ProxyRoutes routes) {
    routes
        .hostsByProxy()
        .forEach((proxy, hosts) -> log.info("Using " + proxy + " for " + String.join(", ", hosts)));
    return routes;
  }
}
