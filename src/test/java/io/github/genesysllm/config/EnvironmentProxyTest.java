package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ProxySettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProxyTest {

  private final Map<String, String> env = new HashMap<>();

  private ProxySettings read() throws ConfigurationException {
    return EnvironmentProxy.read(env::get).orElse(null);
  }

  private List<String> problems() {
    return assertThrows(ConfigurationException.class, this::read).problems();
  }

  @Test
  void noVariablesNoProxy() throws Exception {
    env.put(EnvironmentProxy.HOST, "");

    assertNull(read());
  }

  @Test
  void everyVariableIsRead() throws Exception {
    env.put(EnvironmentProxy.HOST, "proxy.corp.example");
    env.put(EnvironmentProxy.PORT, "8443");
    env.put(EnvironmentProxy.PROTOCOL, "https");
    env.put(EnvironmentProxy.USERNAME, "builder");
    env.put(EnvironmentProxy.PASSWORD, "proxy-pa55");

    ProxySettings proxy = read();

    assertEquals("https", proxy.scheme());
    assertEquals("proxy.corp.example", proxy.host());
    assertEquals(8443, proxy.port());
    assertEquals("builder", proxy.username());
    assertEquals("proxy-pa55", proxy.password().reveal());
    assertEquals("environment variables GENESYSCLOUD_PROXY_*", proxy.source());
    assertFalse(proxy.toString().contains("proxy-pa55"), proxy.toString());
  }

  @Test
  void theProtocolDefaultsToHttpAndThePortToTheProtocols() throws Exception {
    env.put(EnvironmentProxy.HOST, "10.0.0.8");

    assertEquals("http", read().scheme());
    assertEquals(80, read().port());

    env.put(EnvironmentProxy.PROTOCOL, "https");
    assertEquals(443, read().port());
  }

  @Test
  void everyWrongVariableIsListedWithoutThePassword() {
    env.put(EnvironmentProxy.HOST, "http://builder:proxy-pa55@proxy.corp:3128");
    env.put(EnvironmentProxy.PORT, " 3128");
    env.put(EnvironmentProxy.PROTOCOL, "HTTP");
    env.put(EnvironmentProxy.PASSWORD, "proxy-pa55");

    ConfigurationException e = assertThrows(ConfigurationException.class, this::read);

    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).startsWith("GENESYSCLOUD_PROXY_HOST must be a host name alone"));
    assertTrue(e.problems().get(0).contains("put the port in GENESYSCLOUD_PROXY_PORT"));
    assertTrue(e.problems().get(1).startsWith("GENESYSCLOUD_PROXY_PROTOCOL must be http or https"));
    assertTrue(e.problems().get(2).startsWith("GENESYSCLOUD_PROXY_PORT must be a port number"));
    assertTrue(
        e.problems()
            .get(3)
            .startsWith(
                "GENESYSCLOUD_PROXY_AUTH_PASSWORD is set but GENESYSCLOUD_PROXY_AUTH_USERNAME is"
                    + " not"));
    assertFalse(e.getMessage().contains("proxy-pa55"), e.getMessage());
  }

  @Test
  void portsOutOfRangeOrNotDecimalAreRefused() {
    env.put(EnvironmentProxy.HOST, "proxy.corp");
    for (String port : List.of("0", "65536", "99999", "-1", "3128.0", "0x50", "")) {
      env.put(EnvironmentProxy.PORT, port);
      if (port.isEmpty()) {
        continue; // empty counts as not set
      }
      assertEquals(1, problems().size(), port);
    }
  }

  @Test
  void anotherVariableWithoutTheHostIsAnError() {
    env.put(EnvironmentProxy.PORT, "3128");

    assertEquals(
        List.of(
            "GENESYSCLOUD_PROXY_PORT is set but GENESYSCLOUD_PROXY_HOST is not: set the proxy's"
                + " host, or unset GENESYSCLOUD_PROXY_PORT"),
        problems());
  }

  @Test
  void aUsernameWithoutPasswordIsAnError() {
    env.put(EnvironmentProxy.HOST, "proxy.corp");
    env.put(EnvironmentProxy.USERNAME, "builder");

    assertTrue(
        problems()
            .get(0)
            .startsWith(
                "GENESYSCLOUD_PROXY_AUTH_USERNAME is set but GENESYSCLOUD_PROXY_AUTH_PASSWORD is"
                    + " not"));
  }
}
