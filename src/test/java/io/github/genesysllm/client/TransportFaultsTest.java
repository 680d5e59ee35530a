package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.genesysllm.problem.Setting;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

/** An attempt without an answer: whether it may be sent again, and which fix it suggests. */
class TransportFaultsTest {

  private static final GenesysHosts HOSTS =
      GenesysHosts.resolve(null, "https://api.example.com", null);
  private static final ApiCall GET = ApiCall.api("GET", "/api/v2/x");
  private static final ApiCall LOGIN = ApiCall.login("/oauth/token", new byte[0]);

  private final TransportFaults faults =
      new TransportFaults(HOSTS, ClientOptions.builder().timeout(Duration.ofMillis(1500)).build());

  @Test
  void anUntrustedCertificateIsFinalAndAsksForATrustStoreOrTheUrl() {
    TransportFaults.Fault api = faults.classify(new SSLPeerUnverifiedException("peer"), GET);
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
    handshake.initCause(new CertificateException("unknown CA"));
    TransportFaults.Fault login = faults.classify(handshake, LOGIN);

    assertEquals(TransportFaults.Kind.FINAL, api.kind());
    assertEquals(ClientHint.TRUST_PRIVATE_CA, api.fix().key());
    assertEquals(List.of(Setting.REGION, Setting.API_URL), api.fix().settings());
    assertEquals(TransportFaults.Kind.FINAL, login.kind());
    assertEquals(ClientHint.TRUST_PRIVATE_CA, login.fix().key());
    assertEquals(List.of(Setting.LOGIN_URL), login.fix().settings());
  }

  @Test
  void anUnknownHostIsFinalAndNamesTheSettingsOfItsUrl() {
    TransportFaults.Fault api = faults.classify(new UnknownHostException("x"), GET);
    TransportFaults.Fault login = faults.classify(new UnknownHostException("x"), LOGIN);

    assertEquals(TransportFaults.Kind.FINAL, api.kind());
    assertEquals(ClientHint.CHECK_API_URL, api.fix().key());
    assertEquals("unknown host api.example.com", api.description());
    assertEquals(ClientHint.CHECK_LOGIN_URL, login.fix().key());
    assertEquals(List.of(Setting.LOGIN_URL), login.fix().settings());
  }

  @Test
  void whatNeverReachedTheServerMaySendAnyCallAgain() {
    TransportFaults.Fault refused = faults.classify(new ConnectException("refused"), GET);
    TransportFaults.Fault pool =
        faults.classify(new ConnectionRequestTimeoutException("lease"), GET);

    assertEquals(TransportFaults.Kind.NOT_SENT, refused.kind());
    assertEquals(ClientHint.RAISE_RETRY_BUDGET, refused.fix().key());
    assertEquals(
        List.of(Setting.MAX_RETRY_TIME_SECONDS, Setting.REGION, Setting.API_URL),
        refused.fix().settings());
    assertEquals(TransportFaults.Kind.NOT_SENT, pool.kind());
    assertEquals(
        List.of(Setting.MAX_RETRY_TIME_SECONDS, Setting.CONCURRENCY), pool.fix().settings());
    assertEquals("no free connection in the pool within 1.5 s", pool.description());
  }

  @Test
  void whatMayHaveReachedTheServerMayHaveBeenApplied() {
    for (IOException e :
        List.of(
            new SocketTimeoutException("read"),
            new NoHttpResponseException("closed"),
            new IOException("reset"))) {
      TransportFaults.Fault fault = faults.classify(e, GET);
      assertEquals(TransportFaults.Kind.MAYBE_APPLIED, fault.kind(), e.toString());
      assertEquals(ClientHint.RAISE_RETRY_BUDGET, fault.fix().key(), e.toString());
    }
    assertEquals(
        List.of(Setting.MAX_RETRY_TIME_SECONDS, Setting.TIMEOUT_SECONDS),
        faults.classify(new SocketTimeoutException("read"), GET).fix().settings());
  }

  @Test
  void anInterruptedBuildIsFinalWithNothingToFix() {
    Thread.currentThread().interrupt();
    try {
      TransportFaults.Fault fault = faults.classify(new InterruptedIOException("stop"), GET);
      assertEquals(TransportFaults.Kind.FINAL, fault.kind());
      assertNull(fault.fix());
    } finally {
      Thread.interrupted();
    }
  }
}
