package io.github.genesysllm.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries each HTTP exchange: the artificial latency, the fault script, the call of the {@link
 * EmulatedApi}, the answer with its {@code ININ-Correlation-Id}, or no answer at all (closing the
 * exchange before any header is sent closes the connection), and the journal entry.
 */
final class EmulatorHandler implements HttpHandler {

  static final String CORRELATION_HEADER = "ININ-Correlation-Id";

  private final EmulatedApi api;
  private final Journal journal;
  private volatile FaultScript faults;
  private volatile long latencyMillis;

  EmulatorHandler(EmulatedApi api, Journal journal, FaultScript faults, long latencyMillis) {
    this.api = api;
    this.journal = journal;
    this.faults = faults;
    this.latencyMillis = latencyMillis;
  }

  void setFaults(FaultScript faults) {
    this.faults = faults;
  }

  void setLatencyMillis(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long sequence = journal.nextSequence();
    String correlationId = UUID.randomUUID().toString();
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    Optional<FaultScript.Fault> fault = Optional.empty();
    boolean recorded = false;
    try {
      pause(latencyMillis);
      fault = faults.decide(method, path);
      ApiResponse response =
          respond(exchange, method, path, uri.getRawQuery(), correlationId, fault.orElse(null));
      // recorded before the answer goes out, so a caller that got it finds it in the journal
      journal.record(
          entry(
              sequence,
              method,
              pathAndQuery,
              response == null ? null : response.status(),
              fault,
              correlationId));
      recorded = true;
      if (response != null) {
        send(exchange, response, correlationId);
      }
    } catch (IOException e) {
      // the caller went away; the journal keeps what was decided
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!recorded) {
        journal.record(entry(sequence, method, pathAndQuery, null, fault, correlationId));
      }
      exchange.close();
    }
  }

  private static JournalEntry entry(
      long sequence,
      String method,
      String pathAndQuery,
      Integer status,
      Optional<FaultScript.Fault> fault,
      String correlationId) {
    return new JournalEntry(
        sequence,
        method,
        pathAndQuery,
        status,
        fault.map(f -> f.action().jsonName).orElse(null),
        fault.map(FaultScript.Fault::ruleIndex).orElse(null),
        status == null ? null : correlationId);
  }

  /** The answer to send, or null to close the connection without one. */
  private ApiResponse respond(
      HttpExchange exchange,
      String method,
      String path,
      String rawQuery,
      String correlationId,
      FaultScript.Fault fault)
      throws IOException, InterruptedException {
    FaultScript.Action action = fault == null ? null : fault.action();
    if (action == FaultScript.Action.RESET) {
      return null;
    }
    if (action == FaultScript.Action.STATUS) {
      return withRetryAfter(injectedStatus(fault, path, correlationId), fault);
    }
    if (action == FaultScript.Action.RESPOND) {
      return withRetryAfter(ApiResponse.json(fault.status(), fault.body()), fault);
    }
    if (action == FaultScript.Action.DELAY) {
      pause(fault.delayMillis());
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    ApiResponse response =
        api.handle(
            new ApiRequest(
                method, path, rawQuery, exchange.getRequestHeaders(), body, correlationId));
    return action == FaultScript.Action.COMMIT_THEN_DROP ? null : response;
  }

  private static ApiResponse injectedStatus(
      FaultScript.Fault fault, String path, String correlationId) {
    int status = fault.status();
    String message =
        "Fault injected by rule " + fault.ruleIndex() + " of the emulator's fault script";
    if (path.equals(EmulatedApi.TOKEN_PATH)) {
      return ApiResponse.oauthError(
          status, fault.code() != null ? fault.code() : oauthCodeFor(status), message);
    }
    return ApiResponse.error(
        status,
        fault.code() != null ? fault.code() : codeFor(status),
        message,
        null,
        List.of(),
        correlationId);
  }

  private static ApiResponse withRetryAfter(ApiResponse response, FaultScript.Fault fault) {
    return fault.retryAfter() == null
        ? response
        : response.withHeader("Retry-After", fault.retryAfter());
  }

  /** The contract's error code for a status (section 6). */
  static String codeFor(int status) {
    switch (status) {
      case 400:
        return "bad.request";
      case 401:
        return "bad.credentials";
      case 403:
        return "missing.any.permissions";
      case 404:
        return "not.found";
      case 409:
        return "general.conflict";
      case 429:
        return "too.many.requests";
      case 502:
        return "bad.gateway";
      case 503:
        return "service.unavailable";
      case 504:
        return "request.timeout";
      default:
        return status < 500 ? "bad.request" : "internal.server.error";
    }
  }

  /** An OAuth 2.0 error code for a status of the token endpoint. */
  static String oauthCodeFor(int status) {
    switch (status) {
      case 401:
        return "invalid_client";
      case 429:
        return "too_many_requests";
      case 503:
        return "temporarily_unavailable";
      default:
        return status < 500 ? "invalid_request" : "server_error";
    }
  }

  private static void send(HttpExchange exchange, ApiResponse response, String correlationId)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set(CORRELATION_HEADER, correlationId);
    response.headers().forEach(headers::set);
    if (response.body() == null || response.status() == 204 || response.status() == 304) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    if (!response.headers().containsKey("Content-Type")) {
      headers.set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  private static void pause(long millis) throws InterruptedException {
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
