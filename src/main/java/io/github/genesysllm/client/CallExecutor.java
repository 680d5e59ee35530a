package io.github.genesysllm.client;

import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.secret.Secret;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sends calls under the client's one retry policy: each attempt paced and carrying the token
 * ({@link TokenKeeper}); after it, a 2xx is the result, a refused token is renewed once, a 429 or a
 * transient fault is retried ({@link RetryWaits}), never a blind re-send of a POST, and anything
 * else is refused ({@link Refusals}). Thread-safe: parallel calls share the token, the pacing and
 * the budget.
 */
final class CallExecutor implements Closeable {

  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(500, 502, 503, 504);
  private static final Set<String> RENEWABLE_401_CODES =
      Set.of("credentials.expired", "bad.credentials");

  private final GenesysHosts hosts;
  private final BuildLog log;
  private final TimeSource time;
  private final HttpTransport transport;
  private final RequestStats stats = new RequestStats();
  private final Pacing pacing;
  private final ServerText text;
  private final Refusals refusals;
  private final AnswerReader reader;
  private final TransportFaults faults;
  private final RetryWaits waits;
  private final RetryPolicy retryPolicy;
  private final TokenKeeper tokens;

  CallExecutor(
      GenesysHosts hosts, OAuthCredentials credentials, ClientOptions options, BuildLog log) {
    this.hosts = hosts;
    this.log = log;
    this.time = options.timeSource();
    this.retryPolicy = new RetryPolicy(options);
    this.pacing =
        new Pacing(
            options.maxRequestsPerMinute() > 0
                ? RateWindow.perMinute(options.maxRequestsPerMinute())
                : null,
            time,
            stats,
            log);
    Redactor redactor = new Redactor();
    this.text = new ServerText(redactor);
    RefusalFixes fixes = new RefusalFixes(hosts, credentials, options.providersPath());
    this.refusals = new Refusals(hosts, text, fixes);
    this.reader = new AnswerReader(hosts, text, fixes);
    this.faults = new TransportFaults(hosts, options);
    this.waits = new RetryWaits(hosts, retryPolicy, stats, pacing, time, log, text, refusals);
    this.tokens = new TokenKeeper(credentials, time, redactor, reader, log, this::execute);
    this.transport = new HttpTransport(options);
  }

  RequestStats stats() {
    return stats;
  }

  /** Reads the 2xx answers of the calls it sent. */
  AnswerReader reader() {
    return reader;
  }

  /** Tells whether an attempt of a call that may have been applied was applied after all. */
  @FunctionalInterface
  interface AppliedCheck {
    /**
     * @throws GenesysApiException when it cannot be told
     */
    boolean applied();
  }

  /** One attempt: its URL, when it was sent, the token it carried, and its answer or fault. */
  private record Attempt(
      URI url, long start, Secret bearer, HttpTransport.Answer answer, IOException fault) {}

  /**
   * {@link #execute(ApiCall, AppliedCheck)} without a check: a POST that may have been applied is
   * not sent again.
   */
  HttpTransport.Answer execute(ApiCall call) {
    return execute(call, null);
  }

  /**
   * Sends the call until it gets a 2xx answer, and returns that. A DELETE that meets a 404 after an
   * earlier attempt that may have been applied returns that 404: the earlier attempt deleted it. A
   * call that is not re-sendable (a POST) whose attempt may have been applied is sent again only
   * when {@code appliedCheck}, asked after the wait any retry makes, says it was not applied.
   *
   * @throws OutcomeUnknownException when a change may or may not have been applied
   * @throws GenesysApiException for any other failure
   */
  HttpTransport.Answer execute(ApiCall call, AppliedCheck appliedCheck) {
    CallProgress progress = new CallProgress(appliedCheck);
    while (true) {
      Attempt attempt = send(call, progress);
      URI url = attempt.url();
      long start = attempt.start();
      if (attempt.fault() != null) {
        TransportFaults.Fault fault = faults.classify(attempt.fault(), call);
        log.debug(
            call.method()
                + " "
                + url
                + " -> "
                + fault.description()
                + " after "
                + millisSince(start)
                + " ms");
        waits.afterFault(call, progress, fault, attempt.fault());
        continue;
      }
      HttpTransport.Answer answer = attempt.answer();
      log.debug(
          call.method()
              + " "
              + url
              + " -> "
              + answer.status()
              + " in "
              + millisSince(start)
              + " ms ("
              + ServerText.correlation(text.correlationId(call, answer, null))
              + ")");
      int status = answer.status();
      if (status / 100 == 2) {
        return answer;
      }
      String code = text.errorBody(call, answer).code();
      if (status == 401
          && !call.toLogin()
          && tokens.renewable()
          && !progress.tokenRenewed
          && progress.attempts < RetryPolicy.MAX_ATTEMPTS
          && RENEWABLE_401_CODES.contains(code)) {
        progress.tokenRenewed = true;
        tokens.discard(attempt.bearer());
        stats.retry();
        log.info(
            "401 "
                + code
                + " on "
                + hosts.where(call)
                + ": asking for a new token and sending the request once more");
        continue;
      }
      if (status == 429 || TRANSIENT_STATUSES.contains(status)) {
        waits.afterAnswer(call, answer, progress);
        continue;
      }
      if (progress.ambiguousEarlier != null
          && status == 409
          && ("PUT".equals(call.method()) && "version.mismatch".equals(code)
              || "POST".equals(call.method()) && "general.conflict".equals(code))) {
        throw refusals.mayHaveBeenAppliedEarlier(call, answer, progress.ambiguousEarlier);
      }
      if (progress.ambiguousEarlier != null && "DELETE".equals(call.method()) && status == 404) {
        log.info(
            hosts.where(call)
                + " answered 404 after an earlier attempt got no clear answer ("
                + progress.ambiguousEarlier
                + "): that attempt deleted it");
        return answer;
      }
      throw refusals.refused(call, answer, null);
    }
  }

  /**
   * One attempt: waits for the pacer, then takes the token (after the wait, so that it cannot
   * expire during it) and sends. The pacer counts the request from then until its answer.
   */
  private Attempt send(ApiCall call, CallProgress progress) {
    SlidingWindowPacer.Permit permit = pace(call);
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept", call.accept());
      Secret bearer = null;
      if (call.toLogin()) {
        headers.put("Authorization", "Basic " + tokens.basicCredentials().reveal());
        stats.tokenRequest();
      } else {
        bearer = tokens.current();
        headers.put("Authorization", "Bearer " + bearer.reveal());
        stats.apiRequest(call.method());
      }
      URI url =
          URI.create((call.toLogin() ? hosts.loginUrl() : hosts.apiUrl()) + call.pathAndQuery());
      long start = time.nanoTime();
      progress.sent(start);
      try {
        return new Attempt(
            url,
            start,
            bearer,
            transport.send(call.method(), url, headers, call.body(), call.contentType()),
            null);
      } catch (IOException e) {
        return new Attempt(url, start, bearer, null, e);
      }
    } finally {
      permit.done();
    }
  }

  /**
   * Waits out of the retry budget, for a caller that polls until the server shows a change it made
   * (eventual consistency) or re-reads after a version conflict. Answers false, without waiting,
   * when the budget does not cover the wait.
   */
  boolean pause(Duration wait, String why) {
    return waits.pause(wait, why);
  }

  /** The budget's total, for messages. */
  Duration budgetTotal() {
    return retryPolicy.budgetTotal();
  }

  /** The wait before retry number {@code retries + 1}: full-jitter exponential backoff. */
  Duration backoff(int retries) {
    return retryPolicy.backoff(retries);
  }

  private SlidingWindowPacer.Permit pace(ApiCall call) {
    try {
      return pacing.acquire(call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenesysApiException(
          Problem.at(hosts.placeOf(call), "interrupted while pacing", null), e);
    }
  }

  private long millisSince(long startNanos) {
    return Duration.ofNanos(time.nanoTime() - startNanos).toMillis();
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
