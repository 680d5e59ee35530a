package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.secret.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

  private static final String SOURCE = "the settings.xml proxy 'corp'";

  @Test
  void thePasswordNeverShows() {
    ProxySettings proxy =
        new ProxySettings("http", "proxy.corp", 3128, "me", Secret.of("pa55word"), SOURCE);

    assertEquals("the settings.xml proxy 'corp' (proxy.corp:3128, as 'me')", proxy.toString());
    assertFalse(proxy.toString().contains("pa55word"), proxy.toString());
  }

  @Test
  void aTlsProxyShowsItsScheme() {
    assertEquals(
        "https://proxy.corp:8443",
        new ProxySettings("https", "proxy.corp", 8443, null, null, SOURCE).address());
  }

  @Test
  void aBadPortIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ProxySettings("http", "proxy.corp", 0, null, null, SOURCE));
    assertTrue(e.getMessage().contains("port 0"), e.getMessage());
  }

  @Test
  void anUnknownSchemeIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ProxySettings("socks5", "proxy.corp", 1080, null, null, SOURCE));
    assertTrue(e.getMessage().contains("use http or https"), e.getMessage());
  }

  @Test
  void aPasswordWithoutUsernameIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ProxySettings("http", "proxy.corp", 3128, null, Secret.of("x"), SOURCE));
  }

  @Test
  void routesAreLookedUpByHostIgnoringCaseAndHostsWithoutOneHaveNone() {
    ProxySettings corp = new ProxySettings("http", "proxy.corp", 3128, null, null, SOURCE);
    Map<String, ProxySettings> byHost = new HashMap<>();
    byHost.put("api.mypurecloud.ie", corp);
    byHost.put("login.mypurecloud.ie", corp);
    byHost.put("inference.internal", null);

    ProxyRoutes routes = ProxyRoutes.of(byHost);

    assertSame(corp, routes.forHost("API.mypurecloud.IE"));
    assertNull(routes.forHost("inference.internal"));
    assertNull(routes.forHost("elsewhere.example.com"));
    assertEquals(List.of(corp), routes.proxies());
    assertEquals(
        List.of("api.mypurecloud.ie", "login.mypurecloud.ie").stream().sorted().toList(),
        routes.hostsByProxy().get(corp.toString()).stream().sorted().toList());
    assertTrue(ProxyRoutes.NONE.isEmpty());
  }
}
