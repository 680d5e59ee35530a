package io.github.genesysllm.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a client sent, for the build's summary line. Counters are thread-safe; every HTTP request
 * sent counts, including retries and failed attempts.
 */
public final class RequestStats {

  private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "DELETE");

  private final ConcurrentMap<String, LongAdder> apiRequests = new ConcurrentHashMap<>();
  private final LongAdder tokenRequests = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder waits = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final List<LearnedRateLimit> learned = new CopyOnWriteArrayList<>();

  void apiRequest(String method) {
    apiRequests.computeIfAbsent(method, m -> new LongAdder()).increment();
  }

  void tokenRequest() {
    tokenRequests.increment();
  }

  void retry() {
    retries.increment();
  }

  void waited() {
    waits.increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }

  void learned(LearnedRateLimit limit) {
    learned.add(limit);
  }

  /** Every HTTP request sent: API calls and token requests. */
  public long requests() {
    return apiCalls() + tokenRequests();
  }

  /** API requests per HTTP method (GET, POST, PUT, DELETE), token requests not included. */
  public Map<String, Long> apiRequestsByMethod() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String method : METHOD_ORDER) {
      LongAdder count = apiRequests.get(method);
      if (count != null && count.sum() > 0) {
        counts.put(method, count.sum());
      }
    }
    apiRequests.forEach((method, count) -> counts.putIfAbsent(method, count.sum()));
    return counts;
  }

  /** Requests to the token endpoint. */
  public long tokenRequests() {
    return tokenRequests.sum();
  }

  /** Requests sent again: after a 429, a transient fault or a renewed token. */
  public long retries() {
    return retries.sum();
  }

  /**
   * Pauses before reading again what the platform shows late (eventual consistency) or re-reading
   * after a version conflict: not retries, since no request was sent again.
   */
  public long waits() {
    return waits.sum();
  }

  /** Responses 429 (rate limited). */
  public long rateLimitedResponses() {
    return rateLimited.sum();
  }

  /** The rate limits the server stated in 429s and the client adopted, in the order learned. */
  public List<LearnedRateLimit> learnedLimits() {
    return List.copyOf(learned);
  }

  private long apiCalls() {
    return apiRequests.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /**
   * For example {@code 13 HTTP requests (GET 10, POST 1, PUT 1, token 1), 1 retry, 2 waits to
   * settle, 1 answered 429}.
   */
  public String summary() {
    List<String> parts = new ArrayList<>();
    apiRequestsByMethod().forEach((method, count) -> parts.add(method + " " + count));
    if (tokenRequests() > 0) {
      parts.add("token " + tokenRequests());
    }
    long total = requests();
    StringBuilder line =
        new StringBuilder().append(total).append(total == 1 ? " HTTP request" : " HTTP requests");
    if (!parts.isEmpty()) {
      line.append(" (").append(String.join(", ", parts)).append(')');
    }
    line.append(", ").append(retries()).append(retries() == 1 ? " retry" : " retries");
    if (waits() > 0) {
      line.append(", ")
          .append(waits())
          .append(waits() == 1 ? " wait" : " waits")
          .append(" to settle");
    }
    if (rateLimitedResponses() > 0) {
      line.append(", ").append(rateLimitedResponses()).append(" answered 429");
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
