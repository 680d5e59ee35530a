package io.github.genesysllm.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private model endpoint for tests: OpenAI-compatible {@code GET /v1/models} over HTTPS on
 * 127.0.0.1 (an ephemeral port), with the self-signed test certificate of {@code
 * src/test/resources/tls} (see its README). It answers the models it is given to a request with
 * {@code Authorization: Bearer <its key>}, 401 to any other, 404 elsewhere; tests can make it
 * answer something else, redirect, or be slow.
 *
 * <p>Clients trust it through {@link #trustingContext()} or, like a build would, through {@code
 * -Djavax.net.ssl.trustStore=}{@link #trustStore()} {@code
 * -Djavax.net.ssl.trustStorePassword=}{@link #STORE_PASSWORD}. Public so that other packages' tests
 * (and an integration test's setup script, with the test class path) can start one.
 */
public final class TestModelEndpoint implements AutoCloseable {

  /** The password of the key store and of the trust store. */
  public static final String STORE_PASSWORD = "changeit";

  private static final String KEY_STORE = "/tls/model-endpoint.p12";
  private static final String TRUST_STORE = "/tls/model-endpoint-truststore.p12";

  /** A canned answer that replaces the model list. */
  private record Answer(int status, String contentType, String body, String location) {}

  private final String apiKey;
  private final HttpsServer server;
  private final ExecutorService threads;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile List<String> models;
  private volatile Answer answer;
  private volatile Duration delay = Duration.ZERO;

  private TestModelEndpoint(String apiKey, List<String> models) throws IOException {
    this.apiKey = apiKey;
    this.models = List.copyOf(models);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
    threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "test-model-endpoint");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts an endpoint that takes {@code apiKey} and serves {@code modelIds}. */
  public static TestModelEndpoint start(String apiKey, String... modelIds) {
    try {
      return new TestModelEndpoint(apiKey, Arrays.asList(modelIds));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test model endpoint", e);
    }
  }

  /** {@code https://127.0.0.1:<port>/v1}: a provider's {@code baseUrl}. */
  public String baseUrl() {
    return "https://127.0.0.1:" + port() + "/v1";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** From now on, serves these models. */
  public TestModelEndpoint serve(String... modelIds) {
    models = List.of(modelIds);
    answer = null;
    return this;
  }

  /** From now on, answers every request so, whatever its key. */
  public TestModelEndpoint answer(int status, String contentType, String body) {
    answer = new Answer(status, contentType, body, null);
    return this;
  }

  /** From now on, answers every request with a 302 to {@code location}. */
  public TestModelEndpoint redirectTo(String location) {
    answer = new Answer(302, null, "", location);
    return this;
  }

  /** From now on, waits this long before answering. */
  public TestModelEndpoint delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  /**
   * The {@code Authorization} header of every request received ({@code "(none)"} when absent), in
   * order.
   */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  public int requests() {
    return authorizations.size();
  }

  /**
   * The trust store that trusts this endpoint's certificate, as a file (for {@code
   * javax.net.ssl.trustStore}).
   */
  public static Path trustStore() {
    return file(TRUST_STORE);
  }

  /** The endpoint's key store (key and certificate), as a file. */
  public static Path keyStore() {
    return file(KEY_STORE);
  }

  /** An SSL context that trusts this endpoint's certificate and nothing else. */
  public static SSLContext trustingContext() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(TRUST_STORE));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization == null ? "(none)" : authorization);
      exchange.getRequestBody().readAllBytes();
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      Answer canned = answer;
      if (canned != null) {
        if (canned.location() != null) {
          exchange.getResponseHeaders().set("Location", canned.location());
        }
        send(exchange, canned.status(), canned.contentType(), canned.body());
      } else if (!"GET".equals(exchange.getRequestMethod())
          || !"/v1/models".equals(exchange.getRequestURI().getPath())) {
        send(
            exchange,
            404,
            "application/json",
            "{\"error\":{\"message\":\"Not found\",\"type\":\"invalid_request_error\"}}");
      } else if (!("Bearer " + apiKey).equals(authorization)) {
        send(
            exchange,
            401,
            "application/json",
            "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}");
      } else {
        send(
            exchange,
            200,
            "application/json",
            models.stream()
                .map(id -> "{\"id\":\"" + id + "\",\"object\":\"model\",\"owned_by\":\"test\"}")
                .collect(Collectors.joining(",", "{\"object\":\"list\",\"data\":[", "]}")));
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The SSL context of a server that presents this endpoint's certificate. */
  public static SSLContext serverContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(KEY_STORE), STORE_PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore load(String resource) throws GeneralSecurityException {
    try (InputStream in = TestModelEndpoint.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, STORE_PASSWORD.toCharArray());
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A class path resource as a file: itself when it is one, else a temporary copy. */
  private static Path file(String resource) {
    URL url = TestModelEndpoint.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException(resource + " is not on the class path");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return Path.of(url.toURI());
      }
      Path copy = Files.createTempFile("test-model-endpoint", ".p12");
      copy.toFile().deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
