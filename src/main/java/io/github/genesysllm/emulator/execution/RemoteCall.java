package io.github.genesysllm.emulator.execution;

import io.github.genesysllm.client.QuietConnectionFactory;
import io.github.genesysllm.client.SystemTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The one request of an execution, made for real: to the rendered URL with the rendered method,
 * headers and body, redirects not followed, never retried, over TLS trusting the executor's trust
 * store, and over by the action's deadline whatever the remote does (a connection still open then
 * is closed). The answer is read up to {@value #MAX_RESPONSE_BYTES} bytes.
 */
final class RemoteCall {

  /** ASSUMED limit of a remote answer (contract section 8). */
  static final int MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

  /** Closes a request's connection at its deadline; its thread ends when idle. */
  private static final ScheduledThreadPoolExecutor CANCELLER =
      new ScheduledThreadPoolExecutor(
          1,
          task -> {
            Thread thread = new Thread(task, "data-action-deadline");
            thread.setDaemon(true);
            return thread;
          });

  static {
    CANCELLER.setRemoveOnCancelPolicy(true);
    CANCELLER.setKeepAliveTime(10, TimeUnit.SECONDS);
    CANCELLER.allowCoreThreadTimeOut(true);
  }

  /** What the remote service answered. */
  record Response(int status, String body) {
    boolean success() {
      return status >= 200 && status < 300;
    }
  }

  private final SSLContext sslContext;

  RemoteCall(SSLContext sslContext) {
    this.sslContext = sslContext;
  }

  /**
   * Sends the request and reads the answer.
   *
   * @param body the body to send, or null for none
   * @throws StepFailure when no complete answer came in time (timeout, connection, TLS, size)
   */
  Response send(String method, URI uri, Map<String, String> headers, byte[] body, Deadline deadline)
      throws StepFailure {
    long remaining = deadline.remainingMillis();
    if (remaining <= 0) {
      throw StepFailure.timeout(deadline, "the steps before the request");
    }
    HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
    headers.forEach(request::addHeader);
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, null));
    }
    String where = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    AtomicBoolean cancelled = new AtomicBoolean();
    try (CloseableHttpClient client = client(Timeout.ofMilliseconds(remaining))) {
      ScheduledFuture<?> cancel =
          CANCELLER.schedule(
              () -> {
                cancelled.set(true);
                request.cancel();
              },
              remaining,
              TimeUnit.MILLISECONDS);
      try {
        return client.execute(request, RemoteCall::read);
      } finally {
        cancel.cancel(false);
      }
    } catch (TooLarge e) {
      throw StepFailure.unreachable(
          "response.entity.too.large",
          "The response from the web service is over " + MAX_RESPONSE_BYTES + " bytes.");
    } catch (InterruptedIOException e) {
      throw StepFailure.timeout(deadline, "the request to " + where);
    } catch (IOException e) {
      if (cancelled.get() || deadline.passed()) {
        throw StepFailure.timeout(deadline, "the request to " + where);
      }
      throw StepFailure.unreachable("internal.server.error", reason(e, uri, where));
    }
  }

  private static String reason(IOException e, URI uri, String where) {
    if (e instanceof SSLException) {
      return "The TLS handshake with "
          + where
          + " failed ("
          + e.getMessage()
          + "): "
          + SystemTrust.HINT
          + ".";
    }
    if (e instanceof UnknownHostException) {
      return "Unknown host " + uri.getHost() + ".";
    }
    if (e instanceof ConnectException) {
      return "Could not connect to " + where + " (" + e.getMessage() + ").";
    }
    if (e instanceof ClientProtocolException) {
      return "The answer of " + where + " is not valid HTTP (" + e.getMessage() + ").";
    }
    return "The request to " + where + " failed: " + e + ".";
  }

  private CloseableHttpClient client(Timeout timeout) {
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(
                ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(timeout)
                    .setSocketTimeout(timeout)
                    .build())
            .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(timeout).build())
            .setConnectionFactory(new QuietConnectionFactory())
            .build();
    return HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .setUserAgent("genesys-llm-maven-plugin emulator data action")
        .build();
  }

  private static Response read(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new Response(response.getCode(), "");
    }
    byte[] bytes;
    try (InputStream in = entity.getContent()) {
      bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
    }
    if (bytes.length > MAX_RESPONSE_BYTES) {
      throw new TooLarge();
    }
    Charset charset = StandardCharsets.UTF_8;
    ContentType type = ContentType.parseLenient(entity.getContentType());
    if (type != null && type.getCharset() != null) {
      charset = type.getCharset();
    }
    return new Response(response.getCode(), new String(bytes, charset));
  }

  private static final class TooLarge extends IOException {}
}
