package io.github.genesysllm.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted HTTP server on 127.0.0.1 (ephemeral port) for the client's tests: each test queues the
 * replies of a route ({@code "GET /path"}, query ignored) in order, and reads back every request
 * the client sent. A request with nothing scripted gets a 599, which no test expects.
 */
public final class StubServer implements AutoCloseable {

  static {
    // as the emulator does: without TCP_NODELAY each answer waits ~40 ms for a delayed ACK
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  public static final String CORRELATION_ID = "corr-stub";
  public static final String BODY_CONTEXT_ID = "ctx-body";

  /**
   * One request as received. {@code uri} is as on the request line (absolute when sent to a proxy).
   */
  public record Request(
      String method,
      String uri,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      String body) {

    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** What to answer to one request. */
  public static final class Reply {
    private enum Mode {
      ANSWER,
      CLOSE_WITHOUT_ANSWER,
      TRUNCATE
    }

    private final int status;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Mode mode = Mode.ANSWER;
    private Duration delay = Duration.ZERO;

    private Reply(int status, String body) {
      this.status = status;
      this.body = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      headers.put("ININ-Correlation-Id", CORRELATION_ID);
    }

    public static Reply json(int status, String body) {
      return new Reply(status, body).header("Content-Type", "application/json");
    }

    public static Reply text(int status, String body) {
      return new Reply(status, body).header("Content-Type", "text/html");
    }

    public static Reply empty(int status) {
      return new Reply(status, null);
    }

    /**
     * The contract's ErrorBody; its contextId differs from the header, so tests see which is used.
     */
    public static Reply error(int status, String code, String message, String... detailFields) {
      StringBuilder details = new StringBuilder();
      for (String field : detailFields) {
        details
            .append(details.length() == 0 ? "" : ",")
            .append("{\"errorCode\":\"invalid.value\",\"fieldName\":\"")
            .append(field)
            .append("\"}");
      }
      return json(
          status,
          "{\"message\":"
              + quote(message)
              + ",\"code\":\""
              + code
              + "\",\"status\":"
              + status
              + ",\"contextId\":\""
              + BODY_CONTEXT_ID
              + "\",\"details\":["
              + details
              + "],\"errors\":[]}");
    }

    public static Reply closeWithoutAnswer() {
      Reply reply = new Reply(0, null);
      reply.mode = Mode.CLOSE_WITHOUT_ANSWER;
      return reply;
    }

    public Reply header(String name, String value) {
      if (value == null) {
        headers.remove(name);
      } else {
        headers.put(name, value);
      }
      return this;
    }

    public Reply withoutCorrelationId() {
      return header("ININ-Correlation-Id", null);
    }

    /** Announces more body than it sends, then closes: a premature end of the answer. */
    public Reply truncated() {
      mode = Mode.TRUNCATE;
      return this;
    }

    /** Answers only after {@code delay} (real time: for response timeouts). */
    public Reply delayed(Duration delay) {
      this.delay = delay;
      return this;
    }

    private void send(HttpExchange exchange) throws IOException, InterruptedException {
      Thread.sleep(delay.toMillis());
      if (mode == Mode.CLOSE_WITHOUT_ANSWER) {
        exchange.close(); // no status line: the client sees the connection close
        return;
      }
      headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      if (mode == Mode.TRUNCATE) {
        exchange.sendResponseHeaders(status, body.length + 100);
        exchange.getResponseBody().write(body);
        exchange.getResponseBody().flush();
        // a handler that throws makes the server close the connection: the answer stops short
        throw new IOException("answer truncated on purpose");
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
  private final Map<String, java.util.function.Supplier<Reply>> fallbacks =
      new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  public static StubServer start() {
    try {
      return new StubServer();
    } catch (IOException e) {
      throw new IllegalStateException("could not start the stub server", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Queues replies for a route, answered in order. */
  public StubServer enqueue(String method, String path, Reply... replies) {
    Deque<Reply> queue = scripted.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(List.of(replies));
    }
    return this;
  }

  /** What a route answers once its queue is empty. */
  public StubServer fallback(String method, String path, java.util.function.Supplier<Reply> reply) {
    fallbacks.put(method + " " + path, reply);
    return this;
  }

  /**
   * The token endpoint grants {@code token-1}, {@code token-2}, ... valid {@code expiresIn}
   * seconds.
   */
  public StubServer grantTokens(long expiresIn) {
    AtomicInteger counter = new AtomicInteger();
    return fallback(
        "POST",
        "/oauth/token",
        () ->
            Reply.json(
                200,
                "{\"access_token\":\"token-"
                    + counter.incrementAndGet()
                    + "\",\"token_type\":\"bearer\",\"expires_in\":"
                    + expiresIn
                    + "}"));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String method, String path) {
    List<Request> matching = new ArrayList<>();
    for (Request r : requests) {
      if (r.method().equals(method) && r.path().equals(path)) {
        matching.add(r);
      }
    }
    return matching;
  }

  /** Requests other than token requests. */
  public List<Request> apiRequests() {
    return requests.stream().filter(r -> !r.path().equals("/oauth/token")).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = exchange.getRequestURI();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            uri.toString(),
            uri.getPath(),
            uri.getRawQuery(),
            headers,
            body));
    String route = exchange.getRequestMethod() + " " + uri.getPath();
    Reply reply = null;
    Deque<Reply> queue = scripted.get(route);
    if (queue != null) {
      synchronized (queue) {
        reply = queue.poll();
      }
    }
    if (reply == null && fallbacks.containsKey(route)) {
      reply = fallbacks.get(route).get();
    }
    if (reply == null) {
      reply = Reply.json(599, "{\"message\":\"nothing scripted for " + route + "\"}");
    }
    try {
      reply.send(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    }
  }

  public static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
