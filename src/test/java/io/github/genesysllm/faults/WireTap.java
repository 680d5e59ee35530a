package io.github.genesysllm.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * A loopback proxy between the client and the emulator. It relays every exchange as it is (an
 * exchange the emulator drops without an answer is dropped here too), remembers every access token
 * that passes (so that tests can look for them in logs), and tampers with answers by rule: the
 * faults the emulator's fault script cannot make, because its answers are always well-formed JSON
 * with an {@code ININ-Correlation-Id} (a body that is not JSON, a truncated one, a connection cut
 * in the middle of the body, a missing correlation id, a server that echoes what it was sent).
 *
 * <p>Unlike the emulator's {@code respond}, a tampered answer is the emulator's real one spoilt: a
 * create or update behind it was applied.
 */
final class WireTap implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "content-length", "connection", "transfer-encoding", "keep-alive", "date");

  /** What the client sent, as a tamper may need it. */
  record Request(String method, String path, String authorization, byte[] body) {}

  /** An answer as relayed: {@code cutOff} sends only half the body and closes the connection. */
  record Answer(int status, List<Header> headers, byte[] body, boolean cutOff) {

    String header(String name) {
      return headers.stream()
          .filter(h -> h.getName().equalsIgnoreCase(name))
          .map(Header::getValue)
          .findFirst()
          .orElse(null);
    }

    Answer withBody(byte[] newBody, String contentType) {
      List<Header> kept = new ArrayList<>(headers);
      kept.removeIf(h -> h.getName().equalsIgnoreCase("Content-Type"));
      kept.add(new BasicHeader("Content-Type", contentType));
      return new Answer(status, kept, newBody, cutOff);
    }
  }

  /** Spoils an answer. */
  interface Tamper {
    Answer apply(Request request, Answer answer);

    /** This tamper, then {@code next} on its result. */
    default Tamper then(Tamper next) {
      return (request, answer) -> next.apply(request, apply(request, answer));
    }
  }

  /** An HTML page where JSON was due, as a login page or a proxy's error page would be. */
  static final Tamper NOT_JSON =
      (request, answer) ->
          answer.withBody(
              "<html><head><title>Gateway</title></head><body>Please sign in</body></html>"
                  .getBytes(StandardCharsets.UTF_8),
              "text/html");

  /** The first half of the JSON, sent as a complete answer (its Content-Length says half). */
  static final Tamper TRUNCATED_JSON =
      (request, answer) ->
          answer.withBody(
              Arrays.copyOf(answer.body(), answer.body().length / 2), "application/json");

  /** The whole Content-Length announced, half the body sent, then the connection closed. */
  static final Tamper CUT_OFF =
      (request, answer) -> new Answer(answer.status(), answer.headers(), answer.body(), true);

  /** The answer without its {@code ININ-Correlation-Id}. */
  static final Tamper NO_CORRELATION_ID =
      (request, answer) -> {
        List<Header> kept = new ArrayList<>(answer.headers());
        kept.removeIf(h -> h.getName().equalsIgnoreCase("ININ-Correlation-Id"));
        return new Answer(answer.status(), kept, answer.body(), answer.cutOff());
      };

  /**
   * A JSON answer with its body changed by {@code change}, as a server of another shape would
   * answer.
   */
  static Tamper reshaped(UnaryOperator<JsonNode> change) {
    return (request, answer) -> {
      try {
        JsonNode changed = change.apply(ProviderJson.MAPPER.readTree(answer.body()));
        return answer.withBody(ProviderJson.MAPPER.writeValueAsBytes(changed), "application/json");
      } catch (IOException e) {
        throw new IllegalStateException("the emulator's answer is always JSON", e);
      }
    };
  }

  /**
   * A 400 whose ErrorBody echoes everything the request carried (its Authorization header and body,
   * so a provider key or a token), in every text field and in a correlation id header.
   */
  static final Tamper ECHO_SECRETS =
      (request, answer) -> {
        String echo =
            "You sent "
                + request.authorization()
                + " with "
                + new String(request.body(), StandardCharsets.UTF_8);
        var body =
            ProviderJson.MAPPER
                .createObjectNode()
                .put("message", echo)
                .put("code", "bad.request")
                .put("status", 400)
                .put("contextId", echo);
        body.putArray("details")
            .addObject()
            .put("errorCode", "invalid.value")
            .put("fieldName", echo);
        List<Header> headers = new ArrayList<>();
        headers.add(new BasicHeader("ININ-Correlation-Id", echo));
        headers.add(new BasicHeader("Content-Type", "application/json"));
        return new Answer(400, headers, body.toString().getBytes(StandardCharsets.UTF_8), false);
      };

  /**
   * Which answers a tamper spoils: method ({@code *} for any), path (a trailing {@code *} for a
   * prefix).
   */
  private static final class Rule {
    final String method;
    final String path;
    final long every;
    final long times;
    final Tamper tamper;
    long seen;
    long fired;

    Rule(String method, String path, long every, long times, Tamper tamper) {
      this.method = method;
      this.path = path;
      this.every = every;
      this.times = times;
      this.tamper = tamper;
    }

    boolean matches(String requestMethod, String requestPath) {
      boolean pathMatches =
          path.endsWith("*")
              ? requestPath.startsWith(path.substring(0, path.length() - 1))
              : requestPath.equals(path);
      return ("*".equals(method) || method.equals(requestMethod)) && pathMatches;
    }
  }

  private final URI target;
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "wire-tap");
            thread.setDaemon(true);
            return thread;
          });
  private final CloseableHttpClient upstream;
  private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private int tampered;
  private int inFlight;
  private int maxInFlight;

  private WireTap(URI target) throws IOException {
    this.target = target;
    this.upstream =
        HttpClients.custom()
            // the proxy must not hide a fault by retrying, nor meet a stale pooled connection
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .setConnectionReuseStrategy((request, response, context) -> false)
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(64)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
            .build();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", this::relay);
    server.setExecutor(executor);
    server.start();
  }

  /** A proxy to {@code target} (the emulator's URL) on an ephemeral loopback port. */
  static WireTap to(URI target) throws IOException {
    return new WireTap(target);
  }

  /** Where the client should send its calls: {@code http://127.0.0.1:PORT}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Spoils every {@code every}-th matching answer, {@code times} times in all (-1 for no limit).
   */
  void tamper(String method, String path, long every, long times, Tamper tamper) {
    rules.add(new Rule(method, path, every, times, tamper));
  }

  /** Relays everything as it is from now on. */
  void clearTampering() {
    rules.clear();
  }

  /** How many answers were spoilt so far. */
  synchronized int tampered() {
    return tampered;
  }

  /** Every access token seen: bearer tokens the client sent and tokens the login issued. */
  Set<String> accessTokens() {
    return Set.copyOf(accessTokens);
  }

  /**
   * Waits until no request is in flight to the emulator: a request the client gave up on (its
   * timeout) may still be on its way, and what it does there belongs to the run.
   */
  synchronized void awaitIdle() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(inFlight + " requests still in flight after 10 s");
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for requests in flight", e);
    }
  }

  /** The most requests that were at the emulator at once so far. */
  synchronized int maxInFlight() {
    return maxInFlight;
  }

  private synchronized void inFlight(int change) {
    inFlight += change;
    maxInFlight = Math.max(maxInFlight, inFlight);
    notifyAll();
  }

  private void relay(HttpExchange exchange) {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      byte[] body = exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization != null && authorization.startsWith("Bearer ")) {
        accessTokens.add(authorization.substring("Bearer ".length()));
      }
      ClassicRequestBuilder forward =
          ClassicRequestBuilder.create(method)
              .setUri(target + path + (query == null ? "" : "?" + query));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> forward.addHeader(name, value));
                }
              });
      if (body.length > 0) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        forward.setEntity(
            new ByteArrayEntity(
                body,
                type == null ? ContentType.APPLICATION_OCTET_STREAM : ContentType.parse(type)));
      }
      Answer answer;
      inFlight(1);
      try {
        answer =
            upstream.execute(
                forward.build(),
                response ->
                    new Answer(
                        response.getCode(),
                        List.of(response.getHeaders()),
                        response.getEntity() == null
                            ? new byte[0]
                            : EntityUtils.toByteArray(response.getEntity()),
                        false));
      } catch (IOException dropped) {
        return; // the emulator answered nothing: neither does the proxy (closing the exchange drops
        // it)
      } finally {
        inFlight(-1);
      }
      rememberIssuedToken(path, answer);
      send(exchange, tampered(new Request(method, path, authorization, body), answer));
    } catch (IOException clientGone) {
      // the client gave up (its timeout): nothing to answer
    }
  }

  private void rememberIssuedToken(String path, Answer answer) {
    if (path.equals("/oauth/token") && answer.status() == 200) {
      try {
        JsonNode token = ProviderJson.MAPPER.readTree(answer.body()).get("access_token");
        if (token != null && token.isTextual()) {
          accessTokens.add(token.asText());
        }
      } catch (IOException e) {
        throw new IllegalStateException("the emulator's token answer is always JSON", e);
      }
    }
  }

  private Answer tampered(Request request, Answer answer) {
    Rule fired = null;
    synchronized (this) {
      for (Rule rule : rules) {
        if ((rule.times < 0 || rule.fired < rule.times)
            && rule.matches(request.method(), request.path())
            && ++rule.seen % rule.every == 0) {
          rule.fired++;
          tampered++;
          fired = rule;
          break;
        }
      }
    }
    return fired == null ? answer : fired.tamper.apply(request, answer);
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    for (Header header : answer.headers()) {
      if (!HOP_BY_HOP.contains(header.getName().toLowerCase(Locale.ROOT))) {
        headers.add(header.getName(), header.getValue());
      }
    }
    if (answer.body().length == 0) {
      exchange.sendResponseHeaders(answer.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(answer.status(), answer.body().length);
    OutputStream out = exchange.getResponseBody();
    if (answer.cutOff()) {
      out.write(answer.body(), 0, answer.body().length / 2);
      out.flush();
      // closing the exchange with bytes missing makes the server close the connection
      return;
    }
    out.write(answer.body());
    out.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    upstream.close(CloseMode.IMMEDIATE);
  }
}
