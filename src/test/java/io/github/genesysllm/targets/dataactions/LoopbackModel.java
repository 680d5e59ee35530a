package io.github.genesysllm.targets.dataactions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenAI-compatible model on loopback for the platform-side tests the emulator runs: answers
 * {@code POST /v1/chat/completions} with a completion (or the body it is told), or with 401 once
 * told the key is wrong; keeps each request's Authorization header and body.
 */
final class LoopbackModel implements AutoCloseable {

  record Call(String authorization, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile boolean refuse;
  private volatile String answer =
      "{\"id\": \"c1\", \"object\": \"chat.completion\", \"choices\": [{\"index\": 0,"
          + " \"message\": {\"role\": \"assistant\", \"content\": \"OK\"}, \"finish_reason\":"
          + " \"stop\"}], \"usage\": {\"prompt_tokens\": 9, \"completion_tokens\": 1,"
          + " \"total_tokens\": 10}}";

  LoopbackModel() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>/v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  LoopbackModel refusing(boolean refuse) {
    this.refuse = refuse;
    return this;
  }

  /** Answers {@code body} (with 200) from now on, instead of the default completion. */
  LoopbackModel answering(String body) {
    this.answer = body;
    return this;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(new Call(exchange.getRequestHeaders().getFirst("Authorization"), body));
    String reply = refuse ? "{\"error\": {\"message\": \"invalid api key\"}}" : answer;
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(refuse ? 401 : 200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
