package io.github.genesysllm.emulator.execution;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.genesysllm.probe.TestModelEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A remote web service on loopback (HTTP, or HTTPS with the test certificate) for the engine's
 * tests: records each request and answers what the test set, after an optional delay, optionally
 * dripping the body one byte at a time.
 */
final class RemoteService implements AutoCloseable {

  /** A request as the service received it. */
  record Received(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String body = "{}";
  private volatile String contentType = "application/json";
  private volatile String location;
  private volatile long delayMillis;
  private volatile long dripMillis;
  private final java.util.concurrent.CountDownLatch abandoned =
      new java.util.concurrent.CountDownLatch(1);

  private RemoteService(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static RemoteService http() {
    try {
      return new RemoteService(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RemoteService https() {
    try {
      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(TestModelEndpoint.serverContext()));
      return new RemoteService(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http(s)://127.0.0.1:port} */
  String base() {
    return (server instanceof HttpsServer ? "https" : "http")
        + "://127.0.0.1:"
        + server.getAddress().getPort();
  }

  RemoteService answer(int status, String body) {
    this.status = status;
    this.body = body;
    return this;
  }

  RemoteService contentType(String contentType) {
    this.contentType = contentType;
    return this;
  }

  RemoteService redirectTo(String location) {
    this.location = location;
    return this;
  }

  RemoteService delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  /** Sends the body one byte every {@code millis}. */
  RemoteService drip(long millis) {
    this.dripMillis = millis;
    return this;
  }

  /** Whether a client closed its connection before the answer was sent, waiting up to 10 s. */
  boolean abandonedByClient() throws InterruptedException {
    return abandoned.await(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestBody =
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              requestBody));
      sleep(delayMillis);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      if (location != null) {
        exchange.getResponseHeaders().set("Location", location);
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (dripMillis == 0) {
          out.write(bytes);
          return;
        }
        for (byte b : bytes) {
          out.write(b);
          out.flush();
          sleep(dripMillis);
        }
      }
    } catch (IOException e) {
      abandoned.countDown(); // the client went away (a timeout under test)
    }
  }

  private static void sleep(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
