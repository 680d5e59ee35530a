package io.github.genesysllm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.ProxySettings;
import java.net.URI;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.junit.jupiter.api.Test;

/**
 * The proxy chosen for a URL is the one Maven's own selector chooses: the session is built as Maven
 * builds it from the active settings.xml proxies (decrypted passwords, nonProxyHosts).
 */
class MavenProxiesTest {

  private static final URI API = URI.create("https://api.mypurecloud.ie");

  private final DefaultProxySelector selector = new DefaultProxySelector();
  private final DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();

  MavenProxiesTest() {
    session.setProxySelector(selector);
  }

  private static Proxy settingsProxy(String id, String protocol, String host, int port) {
    Proxy proxy = new Proxy();
    proxy.setId(id);
    proxy.setProtocol(protocol);
    proxy.setHost(host);
    proxy.setPort(port);
    return proxy;
  }

  private void add(Proxy proxy, String username, String password, String nonProxyHosts) {
    selector.add(
        new org.eclipse.aether.repository.Proxy(
            proxy.getProtocol(),
            proxy.getHost(),
            proxy.getPort(),
            new AuthenticationBuilder().addUsername(username).addPassword(password).build()),
        nonProxyHosts);
  }

  @Test
  void theProxyOfTheUrlsProtocolIsChosenWithItsAuthentication() throws Exception {
    Proxy plain = settingsProxy("plain", "http", "plain.corp", 3128);
    Proxy secure = settingsProxy("secure", "https", "secure.corp", 8080);
    add(plain, null, null, null);
    add(secure, "builder", "decrypted-pa55", null);

    ProxySettings chosen = new MavenProxies(session, List.of(plain, secure)).forUrl(API);

    assertEquals("secure.corp", chosen.host());
    assertEquals(8080, chosen.port());
    assertEquals("http", chosen.scheme());
    assertEquals("builder", chosen.username());
    assertEquals("decrypted-pa55", chosen.password().reveal());
    assertEquals("the settings.xml proxy 'secure'", chosen.source());
  }

  @Test
  void anHttpProxyServesHttpsUrlsWhenThereIsNoHttpsOne() throws Exception {
    Proxy plain = settingsProxy("plain", "http", "plain.corp", 3128);
    add(plain, null, null, null);

    ProxySettings chosen = new MavenProxies(session, List.of(plain)).forUrl(API);

    assertEquals("plain.corp", chosen.host());
    assertNull(chosen.username());
    assertNull(chosen.password());
  }

  @Test
  void nonProxyHostsAreReachedDirectly() throws Exception {
    Proxy plain = settingsProxy("plain", "http", "plain.corp", 3128);
    add(plain, null, null, "*.internal|api.mypurecloud.ie");

    MavenProxies proxies = new MavenProxies(session, List.of(plain));

    assertNull(proxies.forUrl(API));
    assertNull(proxies.forUrl(URI.create("https://inference.private-cloud.internal/v1")));
    assertEquals("plain.corp", proxies.forUrl(URI.create("https://other.example")).host());
  }

  @Test
  void noRepositorySessionOrNoProxyMeansNone() throws Exception {
    assertNull(new MavenProxies(null, null).forUrl(API));
    assertNull(new MavenProxies(session, List.of()).forUrl(API));
  }

  @Test
  void aPasswordMavenCouldNotDecryptStopsTheGoal() {
    Proxy plain = settingsProxy("plain", "http", "plain.corp", 3128);
    add(plain, "builder", "{COQLCE6DU6GtcS5P=}", null);

    MojoFailureException e =
        assertThrows(
            MojoFailureException.class,
            () -> new MavenProxies(session, List.of(plain)).forUrl(API));

    assertTrue(
        e.getMessage().startsWith("The password of the settings.xml proxy 'plain' could not be"),
        e.getMessage());
    assertFalse(e.getMessage().contains("COQLCE6DU6GtcS5P"), e.getMessage());
  }
}
