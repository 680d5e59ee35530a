package io.github.genesysllm.client;

import java.net.ProxySelector;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Sets an httpclient5 builder up to follow {@link ProxyRoutes}: each host through its proxy, and a
 * proxy's credentials scoped to that proxy alone (they never go to the host behind it). Shared by
 * the Genesys Cloud client and the model probe.
 */
public final class ProxyRouting {

  private ProxyRouting() {}

  /**
   * @param otherHosts where a host without a route goes: the JVM's proxy selector ({@code
   *     ProxySelector.getDefault()}: {@code https.proxyHost} ...), or null to connect directly
   */
  public static void apply(
      HttpClientBuilder builder, ProxyRoutes routes, ProxySelector otherHosts) {
    builder.setRoutePlanner(
        new SystemDefaultRoutePlanner(otherHosts == null ? ProxySelector.of(null) : otherHosts) {
          @Override
          protected HttpHost determineProxy(HttpHost target, HttpContext context)
              throws HttpException {
            ProxySettings proxy = routes.forHost(target.getHostName());
            return proxy != null ? hostOf(proxy) : super.determineProxy(target, context);
          }
        });
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    boolean any = false;
    for (ProxySettings proxy : routes.proxies()) {
      if (proxy.username() != null) {
        credentials.setCredentials(
            new AuthScope(hostOf(proxy)),
            new UsernamePasswordCredentials(
                proxy.username(),
                proxy.password() == null ? new char[0] : proxy.password().reveal().toCharArray()));
        any = true;
      }
    }
    if (any) {
      builder.setDefaultCredentialsProvider(credentials);
    }
  }

  private static HttpHost hostOf(ProxySettings proxy) {
    return new HttpHost(proxy.scheme(), proxy.host(), proxy.port());
  }
}
