package io.github.genesysllm.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.ProxyRoutes;
import io.github.genesysllm.client.ProxyRouting;
import io.github.genesysllm.client.ProxySettings;
import io.github.genesysllm.client.QuietConnectionFactory;
import io.github.genesysllm.client.SystemTrust;
import io.github.genesysllm.probe.ProbeResult.Status;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Asks a provider's private model endpoint which models it serves, as the contract's section 7
 * says: {@code GET {baseUrl}/models} with {@code Authorization: Bearer {apiKey}}, where the key is
 * the provider's own (this class is given nothing else: no Genesys token or client secret can reach
 * it). Every configured model id must be in the answer's {@code data}.
 *
 * <p>One request per probe, never retried, redirects never followed (the key would go to another
 * address), within the timeout given. TLS trusts what the JVM is told to trust when the probe is
 * made: the system property {@code javax.net.ssl.trustStore} (with {@code ...Password} and {@code
 * ...Type}), otherwise the JDK's own CA certificates. A probe never throws for what the endpoint
 * does: every outcome is a {@link ProbeResult}, whose messages never hold the key. Thread-safe;
 * close it when done.
 */
public final class ModelProbe implements AutoCloseable {

  /** More than any model list: an endpoint that answers more is not a model endpoint. */
  private static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

  /** How much of an unexpected answer a message quotes. */
  private static final int EXCERPT_CHARS = 200;

  /** How many served ids a message about missing models names. */
  private static final int SERVED_SHOWN = 20;

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
    return withoutKey(ask(url, apiKey, wanted), apiKey);
  }

  private ProbeResult ask(String url, Secret apiKey, List<String> wanted) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return fail(
          Status.UNREACHABLE,
          url,
          "not asked: " + url + " is not a valid URL (" + e.getMessage() + "): check baseUrl");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return fail(
          Status.UNREACHABLE,
          url,
          "not asked: "
              + url
              + " is not an https URL with a host, and the API key"
              + " is sent only over TLS: check baseUrl");
    }
    String where =
        uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + via(uri.getHost());
    HttpGet get = new HttpGet(uri);
    get.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey.reveal());
    get.setHeader(HttpHeaders.ACCEPT, "application/json");
    try {
      return client.execute(get, response -> answer(url, wanted, response));
    } catch (ClientProtocolException e) {
      // An answer that breaks HTTP itself (a bad status line, an unreadable entity).
      return fail(
          Status.BAD_RESPONSE,
          url,
          "the answer to GET "
              + url
              + " is not valid HTTP ("
              + e.getMessage()
              + "): check that baseUrl names an OpenAI-compatible endpoint");
    } catch (SSLPeerUnverifiedException e) {
      return fail(
          Status.UNREACHABLE,
          url,
          "the TLS certificate of "
              + where
              + " does not name host "
              + uri.getHost()
              + " ("
              + e.getMessage()
              + "): use in baseUrl a host name the certificate was issued for");
    } catch (SSLException e) {
      return fail(
          Status.UNREACHABLE,
          url,
          "the TLS handshake with "
              + where
              + " failed ("
              + e.getMessage()
              + "): "
              + SystemTrust.HINT);
    } catch (UnknownHostException e) {
      return fail(
          Status.UNREACHABLE,
          url,
          "unknown host "
              + uri.getHost()
              + via(uri.getHost())
              + ": check the host of baseUrl and that this machine can resolve it");
    } catch (ConnectException e) {
      return fail(
          Status.UNREACHABLE,
          url,
          "could not connect to "
              + where
              + " ("
              + e.getMessage()
              + "): check baseUrl and that the endpoint is up and reachable from this machine");
    } catch (InterruptedIOException e) {
      // Connect, handshake and read timeouts all are.
      return fail(
          Status.UNREACHABLE,
          url,
          "no answer from "
              + where
              + " within "
              + timeout.toMillis()
              + " ms ("
              + e.getMessage()
              + "): check that the endpoint is up and reachable from this machine, or allow"
              + " the probe more time");
    } catch (IOException e) {
      return fail(
          Status.UNREACHABLE,
          url,
          "GET "
              + url
              + via(uri.getHost())
              + " failed: "
              + e
              + ": check baseUrl and that the endpoint is up and reachable from this machine");
    }
  }

  private ProbeResult answer(String url, List<String> wanted, ClassicHttpResponse response)
      throws IOException, ParseException {
    int code = response.getCode();
    String body = body(response);
    if (code == 401 || code == 403) {
      return fail(
          Status.UNAUTHORIZED,
          url,
          "the endpoint refused the API key (HTTP "
              + code
              + " to GET "
              + url
              + excerpt(body)
              + "): check the provider's API key, the key of the model endpoint itself"
              + " (not a Genesys Cloud credential), and that it may list models");
    }
    if (code >= 300 && code < 400) {
      Header location = response.getFirstHeader(HttpHeaders.LOCATION);
      return fail(
          Status.BAD_RESPONSE,
          url,
          "GET "
              + url
              + " was redirected (HTTP "
              + code
              + ") to "
              + (location == null ? "(no Location)" : location.getValue())
              + ", not followed so the key is not"
              + " sent elsewhere: set baseUrl to the address where the endpoint serves /models itself");
    }
    if (code != 200) {
      return fail(
          Status.BAD_RESPONSE,
          url,
          "HTTP "
              + code
              + " to GET "
              + url
              + excerpt(body)
              + ": check that baseUrl names an OpenAI-compatible endpoint (one that answers GET {baseUrl}/models)");
    }
    JsonNode list;
    try {
      list = ProviderJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      list = null;
    }
    if (list == null || list.isMissingNode()) {
      Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
      return fail(
          Status.BAD_RESPONSE,
          url,
          "the answer to GET "
              + url
              + " is not JSON (Content-Type "
              + (type == null ? "none" : type.getValue())
              + excerpt(body)
              + "): check that baseUrl names an"
              + " OpenAI-compatible endpoint, not a web page or a gateway's login");
    }
    JsonNode data = list.path("data");
    if (!data.isArray()) {
      return fail(
          Status.BAD_RESPONSE,
          url,
          "the answer to GET "
              + url
              + " is JSON but not a model list (no 'data'"
              + " list"
              + excerpt(body)
              + "): an OpenAI-compatible endpoint answers"
              + " {\"object\":\"list\",\"data\":[{\"id\":\"...\",\"object\":\"model\"}]}");
    }
    Set<String> served = new LinkedHashSet<>();
    for (int i = 0; i < data.size(); i++) {
      JsonNode id = data.get(i).path("id");
      if (!id.isTextual()) {
        return fail(
            Status.BAD_RESPONSE,
            url,
            "the answer to GET "
                + url
                + " is not a model list: data["
                + i
                + "] has no string 'id'"
                + excerpt(body));
      }
      served.add(id.asText());
    }
    List<String> missing = wanted.stream().filter(id -> !served.contains(id)).toList();
    if (missing.isEmpty()) {
      return new ProbeResult(
          Status.OK,
          url,
          List.of(),
          "the endpoint lists all "
              + wanted.size()
              + (wanted.size() == 1 ? " configured model" : " configured models")
              + " (it serves "
              + served.size()
              + ")");
    }
    return new ProbeResult(
        Status.MODELS_MISSING,
        url,
        missing,
        "the endpoint does not list "
            + String.join(", ", missing)
            + "; it serves "
            + shown(served)
            + ": check the model ids in the"
            + " configuration, or deploy the models on the endpoint");
  }

  /** The body as text, whatever the status; cut at {@link #MAX_BODY_CHARS}. */
  private static String body(ClassicHttpResponse response) throws IOException, ParseException {
    return response.getEntity() == null
        ? ""
        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8, MAX_BODY_CHARS);
  }

  /** {@code , answered: <start of the body>} for a message, or nothing for an empty body. */
  private static String excerpt(String body) {
    String text = body.replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "";
    }
    return ", answered: "
        + (text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text);
  }

  private static String shown(Set<String> served) {
    if (served.isEmpty()) {
      return "no models";
    }
    List<String> first = new ArrayList<>(served).subList(0, Math.min(SERVED_SHOWN, served.size()));
    return String.join(", ", first)
        + (served.size() > SERVED_SHOWN ? " and " + (served.size() - SERVED_SHOWN) + " more" : "");
  }

  private String via(String host) {
    ProxySettings proxy = proxies.forHost(host);
    return proxy == null ? "" : " (through the proxy " + proxy.address() + ")";
  }

  private static ProbeResult fail(Status status, String url, String message) {
    return new ProbeResult(status, url, List.of(), message);
  }

  /** The result, its message withheld should the endpoint have echoed the key into it. */
  private static ProbeResult withoutKey(ProbeResult result, Secret apiKey) {
    if (!apiKey.occursIn(result.message()) && !apiKey.occursIn(result.url())) {
      return result;
    }
    return new ProbeResult(
        result.status(),
        apiKey.occursIn(result.url()) ? "(withheld)" : result.url(),
        result.missingModels(),
        result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + " (the details are withheld: they contained the provider's API key)");
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
