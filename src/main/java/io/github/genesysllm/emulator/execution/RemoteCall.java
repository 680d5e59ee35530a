package io.github.genesysllm.emulator.execution;

import io.github.genesysllm.client.SystemTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The one request of an execution, made for real: to the rendered URL with the rendered method,
 * headers and body, HTTP/1.1, redirects not followed, never retried, through no proxy, over TLS
 * trusting the executor's trust store (loaded at the first call), and abandoned (its exchange
 * cancelled) at the action's deadline whatever the remote does. The answer is read up to {@value
 * #MAX_RESPONSE_BYTES} bytes.
 *
 * <p>The JDK's client, not httpclient5: httpclient5 logs each request line at debug level, which a
 * build's debug output shows, and a data action's URL may hold a credential ({@code
 * ?key=${credentials.apiKey}}); the JDK's client logs nothing unless asked by its own properties.
 */
final class RemoteCall {

  /** ASSUMED limit of a remote answer (contract section 8). */
  static final int MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

  /** What the remote service answered. */
  record Response(int status, String body) {
    boolean success() {
      return status >= 200 && status < 300;
    }
  }

  private final Supplier<SSLContext> trust;
  private volatile HttpClient client;

  /**
   * @param trust the TLS trust, asked for at the first call (not when the emulator starts, so a
   *     broken trust store fails the executions, not the emulator); it may throw, saying why
   */
  RemoteCall(Supplier<SSLContext> trust) {
    this.trust = trust;
  }

  /**
   * The client, made once, at the first call that can make it; a trust that cannot be loaded fails
   * that call and is asked for again at the next.
   */
  private HttpClient client() throws StepFailure {
    HttpClient made = client;
    if (made != null) {
      return made;
    }
    synchronized (this) {
      if (client == null) {
        SSLContext context;
        try {
          context = trust.get();
        } catch (RuntimeException e) {
          throw StepFailure.unreachable(
              "internal.server.error",
              "The emulator could not load the TLS trust for its remote calls: "
                  + (e.getMessage() == null ? e.toString() : e.getMessage())
                  + ".");
        }
        client =
            HttpClient.newBuilder()
                .sslContext(context)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(ActionConfigFields.MAX_TIMEOUT_SECONDS))
                .build();
      }
      return client;
    }
  }

  /**
   * Sends the request and reads the answer.
   *
   * @param body the body to send, or null for none
   * @throws StepFailure when no complete answer came in time (timeout, connection, TLS, size) or
   *     the TLS trust cannot be loaded
   */
  Response send(String method, URI uri, Map<String, String> headers, byte[] body, Deadline deadline)
      throws StepFailure {
    long remaining = deadline.remainingMillis();
    if (remaining <= 0) {
      throw StepFailure.timeout(deadline, "the steps before the request");
    }
    String where = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMillis(remaining))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (headers.keySet().stream().noneMatch("user-agent"::equalsIgnoreCase)) {
      request.header("User-Agent", "genesys-llm-maven-plugin emulator data action");
    }
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client().sendAsync(request.build(), info -> new CappedBody());
    try {
      HttpResponse<byte[]> response = exchange.get(remaining, TimeUnit.MILLISECONDS);
      return new Response(response.statusCode(), new String(response.body(), charset(response)));
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw StepFailure.timeout(deadline, "the request to " + where);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw StepFailure.timeout(deadline, "the request to " + where);
    } catch (ExecutionException e) {
      throw failure(e.getCause(), uri, where, deadline);
    }
  }

  private static StepFailure failure(Throwable cause, URI uri, String where, Deadline deadline) {
    if (cause instanceof TooLarge) {
      return StepFailure.unreachable(
          "response.entity.too.large",
          "The response from the web service is over " + MAX_RESPONSE_BYTES + " bytes.");
    }
    if (cause instanceof HttpTimeoutException || deadline.passed()) {
      return StepFailure.timeout(deadline, "the request to " + where);
    }
    return StepFailure.unreachable("internal.server.error", reason(cause, uri, where));
  }

  private static String reason(Throwable e, URI uri, String where) {
    if (e instanceof SSLException) {
      return "The TLS handshake with "
          + where
          + " failed ("
          + e.getMessage()
          + "): "
          + SystemTrust.HINT
          + ".";
    }
    if (e instanceof ConnectException && !(e instanceof HttpConnectTimeoutException)) {
      Throwable root = e.getCause() == null ? e : e.getCause();
      return "Could not connect to " + where + " (" + root + ").";
    }
    if (e instanceof IOException && e.getMessage() != null) {
      return "The request to " + where + " failed: " + e.getMessage() + ".";
    }
    return "The request to " + uri.getHost() + " failed: " + e + ".";
  }

  private static Charset charset(HttpResponse<?> response) {
    Matcher m = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
    try {
      return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** Collects the body, giving up (and cancelling the exchange) past the size cap. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > MAX_RESPONSE_BYTES) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super("the answer is over " + MAX_RESPONSE_BYTES + " bytes");
    }
  }
}
