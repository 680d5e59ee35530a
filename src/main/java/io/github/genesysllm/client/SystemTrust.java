package io.github.genesysllm.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust as the JVM is told now: the system property {@code javax.net.ssl.trustStore} (with
 * {@code ...Password} and {@code ...Type}), otherwise the JDK's own CA certificates. For the
 * connections to endpoints the user runs (the model probe, the emulator's data-action calls), where
 * a private CA is common.
 */
public final class SystemTrust {

  /**
   * What a message about a failed TLS handshake tells the user to do, in the JVM's terms: how a
   * build tool passes system properties to its JVM is its own to say.
   */
  public static final String HINT =
      "if its certificate is self-signed or issued by a private CA, add that CA certificate to a"
          + " trust store and start the JVM with the system properties"
          + " javax.net.ssl.trustStore=<file> and javax.net.ssl.trustStorePassword=<password>";

  private SystemTrust() {}

  /**
   * Trust managers built from the trust-store system properties as they are now. Not {@code
   * SSLContext.getDefault()}: the JVM builds that once and keeps it, so a trust store named after
   * it was first used would be ignored.
   *
   * @throws IllegalArgumentException when {@code javax.net.ssl.trustStore} names a file that does
   *     not exist
   * @throws IllegalStateException when the trust store cannot be read (wrong password or type)
   */
  public static SSLContext sslContext() {
    String trustStore = System.getProperty("javax.net.ssl.trustStore");
    if (trustStore != null
        && !trustStore.isEmpty()
        && !"NONE".equals(trustStore)
        && !Files.isRegularFile(Path.of(trustStore))) {
      // The JDK would silently fall back to its own CA certificates and every private endpoint
      // would look untrusted.
      throw new IllegalArgumentException(
          "javax.net.ssl.trustStore names "
              + trustStore
              + ", which is not a file:"
              + " give the path of the trust store that holds your endpoint's CA certificate");
    }
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init((KeyStore) null);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "could not read the trust store "
              + (trustStore == null ? "of the JDK" : trustStore)
              + ": "
              + e.getMessage()
              + " (check the system properties javax.net.ssl.trustStorePassword and"
              + " javax.net.ssl.trustStoreType)",
          e);
    }
  }
}
