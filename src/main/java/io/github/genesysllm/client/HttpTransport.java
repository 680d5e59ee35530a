package io.github.genesysllm.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One pooled httpclient5 client that sends a request once and reads the whole answer. It never
 * retries nor follows a redirect on its own: retrying is the caller's one policy, and a redirect
 * would carry credentials to another host.
 */
final class HttpTransport implements Closeable {

  /** Parallel provider changes share the pool; more connections than that are never useful. */
  private static final int MAX_CONNECTIONS = 32;

  private static final String USER_AGENT = "genesys-llm-maven-plugin";

  /** A complete answer: status, headers and the body read to its end. */
  record Answer(int status, Header[] headers, byte[] body) {

    /** The first value of a header (names are case-insensitive), or null. */
    String header(String name) {
      for (Header h : headers) {
        if (h.getName().equalsIgnoreCase(name)) {
          return h.getValue();
        }
      }
      return null;
    }
  }

  private final CloseableHttpClient client;

  HttpTransport(ClientOptions options) {
    Timeout timeout = Timeout.ofMilliseconds(options.timeout().toMillis());
    ConnectionConfig connectionConfig =
        ConnectionConfig.custom()
            .setConnectTimeout(timeout)
            .setSocketTimeout(timeout)
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build();
    RequestConfig requestConfig =
        RequestConfig.custom()
            .setResponseTimeout(timeout)
            .setConnectionRequestTimeout(timeout)
            .setRedirectsEnabled(false)
            .build();
    HttpClientBuilder builder =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    // TLS as the JVM is set up: javax.net.ssl.trustStore, https.protocols, ...
                    .useSystemProperties()
                    .setDefaultConnectionConfig(connectionConfig)
                    .setConnectionFactory(new QuietConnectionFactory())
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .build())
            .setDefaultRequestConfig(requestConfig)
            // its default strategy re-sends POSTs on 429/503 and knows no budget
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .setUserAgent(USER_AGENT);
    // a host the build's proxy selection did not route goes the JVM's way (https.proxyHost ...)
    ProxyRouting.apply(builder, options.proxies(), ProxySelector.getDefault());
    this.client = builder.build();
  }

  /** Sends one request; {@code body} may be null. */
  Answer send(
      String method, URI uri, Map<String, String> headers, byte[] body, ContentType contentType)
      throws IOException {
    ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri);
    headers.forEach(request::addHeader);
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, contentType));
    }
    return client.execute(
        request.build(),
        response ->
            new Answer(
                response.getCode(),
                response.getHeaders(),
                response.getEntity() == null
                    ? new byte[0]
                    : EntityUtils.toByteArray(response.getEntity())));
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
