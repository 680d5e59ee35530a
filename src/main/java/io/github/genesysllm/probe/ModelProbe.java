package io.github.genesysllm.probe;

import io.github.genesysllm.client.ProxyRoutes;
import io.github.genesysllm.client.ProxyRouting;
import io.github.genesysllm.client.ProxySettings;
import io.github.genesysllm.client.QuietConnectionFactory;
import io.github.genesysllm.client.SystemTrust;
import io.github.genesysllm.probe.ProbeResult.Status;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;

/**
 * Asks a provider's private model endpoint which models it serves, as the contract's section 7
 * says: {@code GET {baseUrl}/models} with {@code Authorization: Bearer {apiKey}}, where the key is
 * the provider's own (this class is given nothing else: no Genesys token or client secret can reach
 * it). Every configured model id must be in the answer's {@code data}: this class makes the request
 * and words what kept it from an answer; {@link ModelListAnswer} judges the answer.
 *
 * <p>One request per probe, never retried, redirects never followed (the key would go to another
 * address), within the timeout given. TLS trusts what the JVM is told to trust when the probe is
 * made: the system property {@code javax.net.ssl.trustStore} (with {@code ...Password} and {@code
 * ...Type}), otherwise the JDK's own CA certificates. A probe never throws for what the endpoint
 * does: every outcome is a {@link ProbeResult}, a failure with its problem at the provider's field
 * ({@code baseUrl}, {@code apiKey}, {@code models}) and a {@link ProbeHint}, whose messages never
 * hold the key. Thread-safe; close it when done.
 */
public final class ModelProbe implements AutoCloseable {

  private final Duration timeout;
  private final ProxyRoutes proxies;
  private final CloseableHttpClient client;

  /**
   * A probe that trusts what the JVM's trust settings say now ({@code javax.net.ssl.trustStore} and
   * related system properties, else the JDK's CA certificates).
   *
   * @param timeout for connecting, the TLS handshake and the answer each; positive
   * @param proxies the proxy to tunnel through for each endpoint host that has one (the build's
   *     proxy selection); other hosts are reached directly
   * @throws IllegalArgumentException when {@code javax.net.ssl.trustStore} names a file that does
   *     not exist
   * @throws IllegalStateException when the trust store cannot be read (wrong password or type)
   */
  public ModelProbe(Duration timeout, ProxyRoutes proxies) {
    this(timeout, proxies, SystemTrust.sslContext());
  }

  /** A probe that uses {@code sslContext} for TLS (a test's, or one a caller built). */
  public ModelProbe(Duration timeout, ProxyRoutes proxies, SSLContext sslContext) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the probe timeout must be positive, got " + timeout);
    }
    Objects.requireNonNull(sslContext, "sslContext");
    this.timeout = timeout;
    this.proxies = Objects.requireNonNull(proxies, "proxies");
    Timeout each = Timeout.of(timeout);
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(
                ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom().setConnectTimeout(each).setSocketTimeout(each).build())
            .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(each).build())
            .setConnectionFactory(new QuietConnectionFactory())
            .build();
    var builder =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(each)
                    .setResponseTimeout(each)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent("genesys-llm-maven-plugin model probe");
    ProxyRouting.apply(builder, proxies, null);
    this.client = builder.build();
  }

  /**
   * Asks {@code provider}'s endpoint ({@code baseUrl} as configured) with the provider's configured
   * key.
   */
  public ProbeResult probe(DesiredProvider provider) {
    Secret apiKey =
        Objects.requireNonNull(
            provider.apiKey(),
            () -> "provider '" + provider.name() + "' has no API key to probe with");
    String url = provider.settings().baseUrl() + "/models";
    List<String> wanted = provider.settings().models().stream().map(ModelSettings::id).toList();
    return withoutKey(
        ask(new ModelListAnswer(provider.name(), url, wanted), provider.name(), url, apiKey),
        apiKey);
  }

  private ProbeResult ask(ModelListAnswer answer, String provider, String url, Secret apiKey) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return ProbeResult.failedAt(
          Status.UNREACHABLE,
          url,
          provider,
          "baseUrl",
          "not asked: " + url + " is not a valid URL (" + e.getMessage() + ")",
          Fix.of(ProbeHint.FIX_BASE_URL, "correct baseUrl"));
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return ProbeResult.failedAt(
          Status.UNREACHABLE,
          url,
          provider,
          "baseUrl",
          "not asked: "
              + url
              + " is not an https URL with a host, and the API key is sent only over TLS",
          Fix.of(ProbeHint.FIX_BASE_URL, "give baseUrl an https URL with a host"));
    }
    String where =
        uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + via(uri.getHost());
    HttpGet get = new HttpGet(uri);
    get.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey.reveal());
    get.setHeader(HttpHeaders.ACCEPT, "application/json");
    try {
      return client.execute(get, answer::read);
    } catch (ClientProtocolException e) {
      // An answer that breaks HTTP itself (a bad status line, an unreadable entity).
      return ProbeResult.failedAt(
          Status.BAD_RESPONSE,
          url,
          provider,
          "baseUrl",
          "the answer to GET " + url + " is not valid HTTP (" + e.getMessage() + ")",
          Fix.of(
              ProbeHint.POINT_AT_MODELS_ENDPOINT,
              "check that baseUrl names an OpenAI-compatible endpoint"));
    } catch (SSLPeerUnverifiedException e) {
      return ProbeResult.failedAt(
          Status.UNREACHABLE,
          url,
          provider,
          "baseUrl",
          "the TLS certificate of "
              + where
              + " does not name host "
              + uri.getHost()
              + " ("
              + e.getMessage()
              + ")",
          Fix.of(
              ProbeHint.USE_CERTIFIED_HOST,
              "use in baseUrl a host name the certificate was issued for"));
    } catch (SSLException e) {
      return ProbeResult.failedAt(
          Status.UNREACHABLE,
          url,
          provider,
          "baseUrl",
          "the TLS handshake with " + where + " failed (" + e.getMessage() + ")",
          Fix.of(ProbeHint.TRUST_THE_CERTIFICATE, SystemTrust.HINT));
    } catch (UnknownHostException e) {
      return unreachable(
          provider,
          url,
          "unknown host " + uri.getHost() + via(uri.getHost()),
          "check the host of baseUrl and that this machine can resolve it");
    } catch (ConnectException e) {
      return unreachable(
          provider, url, "could not connect to " + where + " (" + e.getMessage() + ")", REACHABLE);
    } catch (InterruptedIOException e) {
      // Connect, handshake and read timeouts all are.
      return ProbeResult.failedAt(
          Status.UNREACHABLE,
          url,
          provider,
          "baseUrl",
          "no answer from "
              + where
              + " within "
              + timeout.toMillis()
              + " ms ("
              + e.getMessage()
              + ")",
          Fix.of(
              ProbeHint.ALLOW_MORE_TIME,
              "check that the endpoint is up and reachable from this machine, or allow the probe"
                  + " more time with ",
              Setting.TIMEOUT_SECONDS));
    } catch (IOException e) {
      return unreachable(
          provider, url, "GET " + url + via(uri.getHost()) + " failed: " + e, REACHABLE);
    }
  }

  private static final String REACHABLE =
      "check baseUrl and that the endpoint is up and reachable from this machine";

  private static ProbeResult unreachable(String provider, String url, String what, String fix) {
    return ProbeResult.failedAt(
        Status.UNREACHABLE,
        url,
        provider,
        "baseUrl",
        what,
        Fix.of(ProbeHint.CHECK_REACHABILITY, fix));
  }

  private String via(String host) {
    ProxySettings proxy = proxies.forHost(host);
    return proxy == null ? "" : " (through the proxy " + proxy.address() + ")";
  }

  /**
   * The result, its details withheld should the endpoint have echoed the key into them: its status,
   * place and fix are the plugin's own, what it found is not.
   */
  private static ProbeResult withoutKey(ProbeResult result, Secret apiKey) {
    if (!apiKey.occursIn(result.message()) && !apiKey.occursIn(result.url())) {
      return result;
    }
    Problem problem = result.problem();
    return ProbeResult.failed(
        result.status(),
        apiKey.occursIn(result.url()) ? "(withheld)" : result.url(),
        result.missingModels(),
        Problem.at(
            problem.where(),
            result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " (the details are withheld: they contained the provider's API key)",
            problem.fix()));
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close the model probe's connections", e);
    }
  }
}
