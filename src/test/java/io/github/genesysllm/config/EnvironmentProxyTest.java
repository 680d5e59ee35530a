package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ProxySettings;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProxyTest {

  private final Map<String, String> env = new HashMap<>();

  private ProxySettings read() throws ConfigurationException {
    return EnvironmentProxy.read(env::get).orElse(null);
  }

  private List<Problem> problems() {
    return assertThrows(ConfigurationException.class, this::read).problems();
  }

  /** The variable a problem is about: no place names a variable, so the problem starts with it. */
  private static String variable(Problem problem) {
    return problem.what().substring(0, problem.what().indexOf(' '));
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

    assertEquals(
        List.of(
            EnvironmentProxy.HOST,
            EnvironmentProxy.PROTOCOL,
            EnvironmentProxy.PORT,
            EnvironmentProxy.PASSWORD),
        e.problems().stream().map(EnvironmentProxyTest::variable).toList(),
        e.getMessage());
    assertEquals(
        List.of(
            ConfigHint.FOLLOW_FIELD_RULE,
            ConfigHint.FOLLOW_FIELD_RULE,
            ConfigHint.FOLLOW_FIELD_RULE,
            ConfigHint.SET_BOTH_OR_NEITHER),
        e.problems().stream().map(Problem::hint).toList());
    assertTrue(
        e.problems().get(0).fix().render(Wording.PLAIN).contains(EnvironmentProxy.PORT),
        "a URL's parts each have their variable");
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

    List<Problem> problems = problems();
    assertEquals(
        List.of(EnvironmentProxy.PORT),
        problems.stream().map(EnvironmentProxyTest::variable).toList());
    assertEquals(ConfigHint.SET_BOTH_OR_NEITHER, problems.get(0).hint());
  }

  @Test
  void aUsernameWithoutPasswordIsAnError() {
    env.put(EnvironmentProxy.HOST, "proxy.corp");
    env.put(EnvironmentProxy.USERNAME, "builder");

    Problem problem = problems().get(0);
    assertEquals(EnvironmentProxy.USERNAME, variable(problem));
    assertEquals(ConfigHint.SET_BOTH_OR_NEITHER, problem.hint());
  }
}
