package io.github.genesysllm.client;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Setting;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * What an attempt that got no answer comes to: whether the request may have reached the server,
 * what went wrong and how to fix it, should sending again not help.
 */
final class TransportFaults {

  enum Kind {
    /** Nothing reached the server: any call may be sent again. */
    NOT_SENT,
    /** The request may have been applied: only a re-sendable call is sent again. */
    MAYBE_APPLIED,
    /** Sending again cannot help: a configuration to fix, or the build was stopped. */
    FINAL
  }

  /**
   * What went wrong ({@code could not connect to ...}), and how to fix it when it is final or the
   * budget is spent (null when nothing the user does helps).
   */
  record Fault(Kind kind, String description, Fix fix) {}

  private final GenesysHosts hosts;
  private final String timeout;

  TransportFaults(GenesysHosts hosts, ClientOptions options) {
    this.hosts = hosts;
    this.timeout = Seconds.of(options.timeout());
  }

  Fault classify(IOException e, ApiCall call) {
    URI base = call.toLogin() ? hosts.loginUrl() : hosts.apiUrl();
    if (e instanceof UnknownHostException) {
      return new Fault(
          Kind.FINAL,
          "unknown host " + base.getHost(),
          fix(
              call.toLogin() ? ClientHint.CHECK_LOGIN_URL : ClientHint.CHECK_API_URL,
              List.of("Check "),
              urlSettings(call),
              List.of(".")));
    }
    if (e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException && hasCertificateCause(e)) {
      return new Fault(
          Kind.FINAL,
          "the TLS certificate of " + base.getHost() + " is not trusted (" + e.getMessage() + ")",
          fix(
              ClientHint.TRUST_PRIVATE_CA,
              List.of(
                  "If a proxy or a private CA signs it, give the JVM a trust store that holds it"
                      + " (the system properties javax.net.ssl.trustStore and"
                      + " javax.net.ssl.trustStorePassword); otherwise check "),
              urlSettings(call),
              List.of(".")));
    }
    if (e instanceof ConnectTimeoutException) {
      return new Fault(
          Kind.NOT_SENT,
          "could not connect to " + base + " within " + timeout,
          raiseBudgetOrCheck(call));
    }
    if (e instanceof ConnectException) {
      return new Fault(
          Kind.NOT_SENT,
          "could not connect to " + base + " (" + connectProblem(e) + ")",
          raiseBudgetOrCheck(call));
    }
    if (e instanceof ConnectionRequestTimeoutException) {
      return new Fault(
          Kind.NOT_SENT,
          "no free connection in the pool within " + timeout,
          raiseBudget(", or lower ", Setting.CONCURRENCY, "."));
    }
    if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return new Fault(Kind.FINAL, "interrupted: the build was stopped", null);
    }
    if (e instanceof SocketTimeoutException) {
      return new Fault(
          Kind.MAYBE_APPLIED,
          "no answer within the timeout of " + timeout,
          raiseBudget(" or ", Setting.TIMEOUT_SECONDS, "."));
    }
    if (e instanceof NoHttpResponseException) {
      return new Fault(
          Kind.MAYBE_APPLIED,
          "the server closed the connection without answering",
          raiseBudget("."));
    }
    if (e instanceof ConnectionClosedException) {
      return new Fault(
          Kind.MAYBE_APPLIED,
          "the connection closed before the answer was complete (" + e.getMessage() + ")",
          raiseBudget("."));
    }
    return new Fault(
        Kind.MAYBE_APPLIED,
        "the exchange failed ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + ")",
        raiseBudget("."));
  }

  /** The settings that say where {@code call} goes: the login URL, or the region and API URL. */
  private static List<Object> urlSettings(ApiCall call) {
    return call.toLogin()
        ? List.of(Setting.LOGIN_URL)
        : List.of(Setting.REGION, " or ", Setting.API_URL);
  }

  private static Fix raiseBudget(Object... after) {
    return fix(
        ClientHint.RAISE_RETRY_BUDGET,
        List.of("Raise ", Setting.MAX_RETRY_TIME_SECONDS),
        List.of(after));
  }

  private static Fix raiseBudgetOrCheck(ApiCall call) {
    return fix(
        ClientHint.RAISE_RETRY_BUDGET,
        List.of("Raise ", Setting.MAX_RETRY_TIME_SECONDS, ", or check "),
        urlSettings(call),
        List.of(" and the proxy."));
  }

  @SafeVarargs
  private static Fix fix(ClientHint key, List<?>... pieces) {
    List<Object> parts = new ArrayList<>();
    for (List<?> piece : pieces) {
      parts.addAll(piece);
    }
    return new Fix(key, parts);
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
}
