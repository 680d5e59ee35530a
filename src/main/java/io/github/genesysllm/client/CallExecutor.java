package io.github.genesysllm.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.log.BuildLog;
import io.github.genesysllm.secret.Secret;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Sends calls under the client's one retry policy: the bearer token (asked for, cached, renewed),
 * pacing, retries of 429s and transient faults under one {@link RetryPolicy}, never a blind re-send
 * of a POST, and error mapping. Thread-safe: parallel calls share the token, the pacing and the
 * budget.
 */
final class CallExecutor implements Closeable {

  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(500, 502, 503, 504);
  private static final Set<String> RENEWABLE_401_CODES =
      Set.of("credentials.expired", "bad.credentials");
  private static final String TOKEN_PATH = "/oauth/token";
  private static final byte[] GRANT =
      "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);

  /**
   * A token is renewed this long before it expires at most (or 10% of its lifetime, if shorter).
   */
  private static final Duration MAX_RENEWAL_MARGIN = Duration.ofSeconds(60);

  /**
   * Longer lifetimes are read as this one: a run never lasts that long, and nanosecond sums stay in
   * range.
   */
  private static final long MAX_TOKEN_LIFETIME_SECONDS = Duration.ofDays(30).toSeconds();

  private final GenesysHosts hosts;
  private final OAuthCredentials credentials;
  private final ClientOptions options;
  private final BuildLog log;
  private final TimeSource time;
  private final HttpTransport transport;
  private final RetryPolicy retryPolicy;
  private final RequestStats stats = new RequestStats();
  private final Pacing pacing;
  private final Redactor redactor = new Redactor();
  private final ErrorMessages errors;

  /**
   * {@code base64(clientId:clientSecret)} of the token request, or null with a ready access token.
   */
  private final Secret basicCredentials;

  private final Object tokenLock = new Object();
  private Secret token;

  /**
   * Whether the token has a lifetime; if so, {@link #renewAtNanos} is when to ask for a new one.
   */
  private boolean tokenExpires;

  private long renewAtNanos;

  CallExecutor(
      GenesysHosts hosts, OAuthCredentials credentials, ClientOptions options, BuildLog log) {
    this.hosts = hosts;
    this.credentials = credentials;
    this.options = options;
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
    redactor.add(credentials.clientSecret());
    redactor.add(credentials.accessToken());
    // a login that echoes its request shows the secret only in this encoding
    this.basicCredentials =
        credentials.isAccessToken()
            ? null
            : Secret.of(
                Base64.getEncoder()
                    .encodeToString(
                        (credentials.clientId() + ":" + credentials.clientSecret().reveal())
                            .getBytes(StandardCharsets.UTF_8)));
    redactor.add(basicCredentials);
    this.errors = new ErrorMessages(hosts, credentials, options.providersPath(), redactor);
    this.transport = new HttpTransport(options);
  }

  RequestStats stats() {
    return stats;
  }

  ErrorMessages errors() {
    return errors;
  }

  /** Tells whether an attempt of a call that may have been applied was applied after all. */
  @FunctionalInterface
  interface AppliedCheck {
    /**
     * @throws GenesysApiException when it cannot be told
     */
    boolean applied();
  }

  /** Where a call stands across its attempts. */
  private static final class Progress {
    final AppliedCheck appliedCheck;
    int attempts;
    long firstAttemptNanos;
    int retries;
    boolean tokenRenewed;

    /** What happened to an earlier attempt that the server may have applied, or null. */
    String ambiguousEarlier;

    Progress(AppliedCheck appliedCheck) {
      this.appliedCheck = appliedCheck;
    }

    void sent(long nanos) {
      if (attempts++ == 0) {
        firstAttemptNanos = nanos;
      }
    }
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
    Progress progress = new Progress(appliedCheck);
    while (true) {
      Attempt attempt = send(call, progress);
      URI url = attempt.url();
      long start = attempt.start();
      if (attempt.fault() != null) {
        waitAfterFault(call, url, progress, start, attempt.fault());
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
              + ErrorMessages.correlation(errors.correlationId(call, answer, null))
              + ")");
      int status = answer.status();
      if (status / 100 == 2) {
        return answer;
      }
      String code = errors.errorBody(call, answer).code();
      if (status == 401
          && !call.toLogin()
          && !credentials.isAccessToken()
          && !progress.tokenRenewed
          && progress.attempts < RetryPolicy.MAX_ATTEMPTS
          && RENEWABLE_401_CODES.contains(code)) {
        progress.tokenRenewed = true;
        discardToken(attempt.bearer());
        stats.retry();
        log.info(
            "401 "
                + code
                + " on "
                + errors.where(call)
                + ": asking for a new token and sending the request once more");
        continue;
      }
      if (status == 429 || TRANSIENT_STATUSES.contains(status)) {
        waitAfterAnswer(call, answer, progress);
        continue;
      }
      if (progress.ambiguousEarlier != null
          && status == 409
          && ("PUT".equals(call.method()) && "version.mismatch".equals(code)
              || "POST".equals(call.method()) && "general.conflict".equals(code))) {
        throw errors.mayHaveBeenAppliedEarlier(call, answer, progress.ambiguousEarlier);
      }
      if (progress.ambiguousEarlier != null && "DELETE".equals(call.method()) && status == 404) {
        log.info(
            errors.where(call)
                + " answered 404 after an earlier attempt got no clear answer ("
                + progress.ambiguousEarlier
                + "): that attempt deleted it");
        return answer;
      }
      throw errors.refused(call, answer, null);
    }
  }

  /**
   * One attempt: waits for the pacer, then takes the token (after the wait, so that it cannot
   * expire during it) and sends. The pacer counts the request from then until its answer.
   */
  private Attempt send(ApiCall call, Progress progress) {
    SlidingWindowPacer.Permit permit = pace(call);
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept", call.accept());
      Secret bearer = null;
      if (call.toLogin()) {
        headers.put("Authorization", "Basic " + basicCredentials.reveal());
        stats.tokenRequest();
      } else {
        bearer = currentToken();
        headers.put("Authorization", "Bearer " + bearer.reveal());
        stats.apiRequest(call.method());
      }
      URI url = URI.create(baseOf(call) + call.pathAndQuery());
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

  /** After an attempt without an answer: throws, or sleeps before the next attempt. */
  private void waitAfterFault(
      ApiCall call, URI url, Progress progress, long attemptStart, IOException e) {
    Fault fault = classify(e, call);
    log.debug(
        call.method()
            + " "
            + url
            + " -> "
            + fault.description
            + " after "
            + millisSince(attemptStart)
            + " ms");
    if (fault.kind == FaultKind.FINAL) {
      throw new GenesysApiException(
          errors.where(call) + ": " + fault.description + ". " + fault.fix, e);
    }
    RetryPolicy.Wait wait = retryPolicy.waitFor(null, progress.retries);
    if (fault.kind == FaultKind.MAYBE_APPLIED) {
      progress.ambiguousEarlier = fault.description;
      if (!call.resendable()) {
        settleBeforeResending(
            call,
            progress,
            wait,
            capitalized(fault.description),
            new OutcomeUnknownException(
                errors.where(call)
                    + ": "
                    + fault.description
                    + " after the request was sent, so the "
                    + call.subject()
                    + " may or may not have been created. It is not sent again blindly: look the "
                    + call.subject()
                    + " up by name to settle it.",
                0,
                null,
                e));
        return;
      }
    }
    String refusal = chargeBudget(progress, wait);
    if (refusal != null) {
      throw new GenesysApiException(
          errors.where(call) + ": " + fault.description + ". " + refusal + " " + fault.fix, e);
    }
    progress.retries++;
    log.warn(
        capitalized(fault.description)
            + " on "
            + errors.where(call)
            + ": waiting "
            + seconds(wait.duration())
            + " (backoff) — retry "
            + progress.retries
            + ", "
            + seconds(retryPolicy.budgetLeft())
            + " of budget left");
    sleep(call, wait.duration());
  }

  /** After a 429 or a transient 5xx: throws, or sleeps before the next attempt. */
  private void waitAfterAnswer(ApiCall call, HttpTransport.Answer answer, Progress progress) {
    int status = answer.status();
    Duration retryAfter =
        status == 429 || status == 503
            ? RetryAfter.parse(answer.header("Retry-After"), time.now())
            : null;
    RetryPolicy.Wait wait = retryPolicy.waitFor(retryAfter, progress.retries);
    if (status == 429) {
      stats.rateLimited();
      // every worker learns from it, whether or not this call is tried again
      pacing.rateLimited(call, errors.errorBody(call, answer).message(), wait.duration());
    } else {
      progress.ambiguousEarlier = "HTTP " + status;
      if (!call.resendable()) {
        settleBeforeResending(
            call,
            progress,
            wait,
            String.valueOf(status),
            errors.createMayHaveApplied(call, answer));
        return;
      }
    }
    String refusal = chargeBudget(progress, wait);
    if (refusal != null) {
      throw errors.refused(call, answer, refusal);
    }
    progress.retries++;
    String line =
        status
            + " on "
            + errors.where(call)
            + ": waiting "
            + seconds(wait.duration())
            + " ("
            + wait.why()
            + ") — retry "
            + progress.retries
            + ", "
            + seconds(retryPolicy.budgetLeft())
            + " of budget left";
    if (status == 429) {
      log.info(line);
    } else {
      log.warn(line);
    }
    sleep(call, wait.duration());
  }

  /**
   * After an attempt of a call that is not re-sendable (a POST) that may have been applied: waits
   * as before any retry, then asks the call's check whether it was applied, and returns (the call
   * is sent again) only when it was not. Throws {@code unknown}, for the caller to settle, when the
   * call has no check, when it was applied, when the budget does not cover the wait, or when the
   * check fails.
   */
  private void settleBeforeResending(
      ApiCall call,
      Progress progress,
      RetryPolicy.Wait wait,
      String what,
      OutcomeUnknownException unknown) {
    if (progress.appliedCheck == null) {
      throw unknown;
    }
    String refusal = chargeBudget(progress, wait);
    if (refusal != null) {
      throw new OutcomeUnknownException(
          unknown.getMessage() + " " + refusal,
          unknown.status(),
          unknown.correlationId(),
          unknown.getCause());
    }
    progress.retries++;
    log.warn(
        what
            + " on "
            + errors.where(call)
            + ": waiting "
            + seconds(wait.duration())
            + " ("
            + wait.why()
            + "), then checking "
            + "whether it was applied before sending it again — retry "
            + progress.retries
            + ", "
            + seconds(retryPolicy.budgetLeft())
            + " of budget left");
    sleep(call, wait.duration());
    boolean applied;
    try {
      applied = progress.appliedCheck.applied();
    } catch (GenesysApiException e) {
      throw new OutcomeUnknownException(
          unknown.getMessage() + " Checking whether it was applied failed too: " + e.getMessage(),
          unknown.status(),
          unknown.correlationId(),
          e);
    }
    if (applied) {
      throw unknown;
    }
    log.info(errors.where(call) + " was not applied: sending it again");
  }

  /**
   * Charges the call's time so far and the wait before its next attempt to the budget. Answers null
   * when the call may be tried again, else the sentence saying why not (nothing charged).
   */
  private String chargeBudget(Progress progress, RetryPolicy.Wait wait) {
    String refusal = retryPolicy.refusal(progress.firstAttemptNanos, progress.attempts, wait);
    if (refusal == null) {
      stats.retry();
    }
    return refusal;
  }

  /**
   * Waits out of the retry budget, for a caller that polls until the server shows a change it made
   * (eventual consistency) or re-reads after a version conflict. Answers false, without waiting,
   * when the budget does not cover the wait.
   */
  boolean pause(Duration wait, String why) {
    if (!retryPolicy.chargeWait(wait)) {
      return false;
    }
    stats.retry();
    log.debug(
        "Waiting "
            + seconds(wait)
            + " ("
            + why
            + "), "
            + seconds(retryPolicy.budgetLeft())
            + " of budget left");
    try {
      time.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenesysApiException("Interrupted while waiting (" + why + ")", e);
    }
    return true;
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
      throw new GenesysApiException("Interrupted while pacing " + errors.where(call), e);
    }
  }

  private void sleep(ApiCall call, Duration wait) {
    try {
      time.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenesysApiException("Interrupted while waiting to retry " + errors.where(call), e);
    }
  }

  private URI baseOf(ApiCall call) {
    return call.toLogin() ? hosts.loginUrl() : hosts.apiUrl();
  }

  // ---- the token ----

  /** The token to send: the ready one, or the cached one, asked for anew when missing or due. */
  private Secret currentToken() {
    if (credentials.isAccessToken()) {
      return credentials.accessToken();
    }
    synchronized (tokenLock) {
      if (token == null || tokenExpires && time.nanoTime() - renewAtNanos >= 0) {
        requestToken();
      }
      return token;
    }
  }

  /** Forgets a token the API refused, unless another thread already replaced it. */
  private void discardToken(Secret refused) {
    synchronized (tokenLock) {
      if (token == refused) {
        token = null;
      }
    }
  }

  private void requestToken() {
    ApiCall call = ApiCall.login(TOKEN_PATH, GRANT);
    long askedAt = time.nanoTime();
    HttpTransport.Answer answer = execute(call);
    JsonNode body = errors.readJson(call, answer, "a token (access_token, expires_in)");
    JsonNode accessToken = body.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isEmpty()) {
      throw errors.badBody(
          call, answer, "a token (access_token, expires_in)", "it has no access_token", null);
    }
    Secret fresh = Secret.of(accessToken.asText());
    redactor.add(fresh);
    JsonNode expiresIn = body.get("expires_in");
    // without a lifetime the token is used until the API refuses it, then renewed once
    tokenExpires = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0;
    if (tokenExpires) {
      Duration lifetime =
          Duration.ofSeconds(Math.min(expiresIn.asLong(), MAX_TOKEN_LIFETIME_SECONDS));
      Duration margin = lifetime.dividedBy(10);
      if (margin.compareTo(MAX_RENEWAL_MARGIN) > 0) {
        margin = MAX_RENEWAL_MARGIN;
      }
      renewAtNanos = askedAt + lifetime.minus(margin).toNanos();
    }
    token = fresh;
    log.debug(
        "Got a token for OAuth client '"
            + credentials.clientId()
            + "'"
            + (tokenExpires ? ", valid for " + expiresIn.asLong() + " s" : ", no lifetime given"));
  }

  // ---- faults without an answer ----

  private enum FaultKind {
    /** Nothing reached the server: any call may be sent again. */
    NOT_SENT,
    /** The request may have been applied: only a re-sendable call is sent again. */
    MAYBE_APPLIED,
    /** Sending again cannot help: a configuration to fix. */
    FINAL
  }

  /**
   * What went wrong, and the sentence saying how to fix it (when it is final or the budget is
   * spent).
   */
  private record Fault(FaultKind kind, String description, String fix) {}

  private Fault classify(IOException e, ApiCall call) {
    URI base = baseOf(call);
    String timeout = seconds(options.timeout());
    String checkUrl =
        call.toLogin()
            ? "check the login URL (loginUrl, property genesys.loginUrl)"
            : "check the region or the API URL (genesys.region, genesys.apiUrl)";
    String raiseBudget = "Raise genesys.maxRetryTimeSeconds";
    if (e instanceof UnknownHostException) {
      return new Fault(
          FaultKind.FINAL, "unknown host " + base.getHost(), capitalized(checkUrl) + ".");
    }
    if (e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException && hasCertificateCause(e)) {
      return new Fault(
          FaultKind.FINAL,
          "the TLS certificate of " + base.getHost() + " is not trusted (" + e.getMessage() + ")",
          "If a proxy or a private CA signs it, give the JVM a trust store that holds it "
              + "(-Djavax.net.ssl.trustStore=... in MAVEN_OPTS); otherwise "
              + checkUrl
              + ".");
    }
    if (e instanceof ConnectTimeoutException) {
      return new Fault(
          FaultKind.NOT_SENT,
          "could not connect to " + base + " within " + timeout,
          raiseBudget + ", or " + checkUrl + " and the proxy.");
    }
    if (e instanceof ConnectException) {
      return new Fault(
          FaultKind.NOT_SENT,
          "could not connect to " + base + " (" + connectProblem(e) + ")",
          raiseBudget + ", or " + checkUrl + " and the proxy.");
    }
    if (e instanceof ConnectionRequestTimeoutException) {
      return new Fault(
          FaultKind.NOT_SENT,
          "no free connection in the pool within " + timeout,
          raiseBudget + ", or lower genesys.concurrency.");
    }
    if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return new Fault(FaultKind.FINAL, "interrupted", "The build was stopped.");
    }
    if (e instanceof SocketTimeoutException) {
      return new Fault(
          FaultKind.MAYBE_APPLIED,
          "no answer within the timeout of " + timeout,
          raiseBudget + " or the timeout.");
    }
    if (e instanceof NoHttpResponseException) {
      return new Fault(
          FaultKind.MAYBE_APPLIED,
          "the server closed the connection without answering",
          raiseBudget + ".");
    }
    if (e instanceof ConnectionClosedException) {
      return new Fault(
          FaultKind.MAYBE_APPLIED,
          "the connection closed before the answer was complete (" + e.getMessage() + ")",
          raiseBudget + ".");
    }
    return new Fault(
        FaultKind.MAYBE_APPLIED,
        "the exchange failed ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + ")",
        raiseBudget + ".");
  }

  /**
   * Why a connection failed ({@code Connection refused}), without httpclient's repetition of the
   * URL.
   */
  private static String connectProblem(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceFirst("^Connect to .* failed: ", "");
  }

  private static boolean hasCertificateCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  // ---- formatting ----

  private long millisSince(long startNanos) {
    return Duration.ofNanos(time.nanoTime() - startNanos).toMillis();
  }

  /** {@code 2 s}, {@code 0.2 s}, {@code 1.5 s}. */
  static String seconds(Duration d) {
    double s = d.toNanos() / 1e9;
    return Math.abs(s - Math.rint(s)) < 0.05
        ? String.format(Locale.ROOT, "%d s", Math.round(s))
        : String.format(Locale.ROOT, "%.1f s", s);
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
