package io.github.genesysllm.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM's trust-store properties for the length of one test: saved when made, set as the test
 * needs, put back as they were on close.
 */
public final class TrustStoreProperties implements AutoCloseable {

  private static final String STORE = "javax.net.ssl.trustStore";
  private static final String PASSWORD = "javax.net.ssl.trustStorePassword";
  private static final String TYPE = "javax.net.ssl.trustStoreType";

  private final Map<String, String> saved = new HashMap<>();

  public TrustStoreProperties() {
    List.of(STORE, PASSWORD, TYPE).forEach(p -> saved.put(p, System.getProperty(p)));
  }

  /** Trust the test certificate of {@link TestModelEndpoint} through its trust store. */
  public TrustStoreProperties trustTestCertificate() {
    System.setProperty(STORE, TestModelEndpoint.trustStore().toString());
    System.setProperty(PASSWORD, TestModelEndpoint.STORE_PASSWORD);
    System.setProperty(TYPE, "PKCS12");
    return this;
  }

  /** No trust-store properties: the JDK's own CA certificates. */
  public TrustStoreProperties cleared() {
    List.of(STORE, PASSWORD, TYPE).forEach(System::clearProperty);
    return this;
  }

  /** Give {@code password} as the trust store's password, leaving path and type as they are. */
  public TrustStoreProperties password(String password) {
    System.setProperty(PASSWORD, password);
    return this;
  }

  /** Name {@code path} as the trust store, leaving password and type as they are. */
  public TrustStoreProperties trustStore(String path) {
    System.setProperty(STORE, path);
    return this;
  }

  @Override
  public void close() {
    saved.forEach(
        (p, value) -> {
          if (value == null) {
            System.clearProperty(p);
          } else {
            System.setProperty(p, value);
          }
        });
  }
}
