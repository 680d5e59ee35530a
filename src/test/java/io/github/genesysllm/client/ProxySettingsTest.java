package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

  @Test
  void nonProxyHostPatternsMatchWithWildcardsCaseInsensitively() {
    ProxySettings proxy =
        new ProxySettings(
            "proxy.corp",
            3128,
            null,
            null,
            ProxySettings.parseNonProxyHosts("*.internal| localhost ,10.0.*"));
    assertEquals(List.of("*.internal", "localhost", "10.0.*"), proxy.nonProxyHosts());
    assertTrue(proxy.bypasses("inference.private-cloud.INTERNAL"));
    assertTrue(proxy.bypasses("localhost"));
    assertTrue(proxy.bypasses("10.0.3.4"));
    assertFalse(proxy.bypasses("api.mypurecloud.com"));
    assertFalse(proxy.bypasses("internal.example.com"));
    assertFalse(proxy.bypasses("localhost.example.com"));
  }

  @Test
  void thePasswordNeverShows() {
    ProxySettings proxy =
        new ProxySettings("proxy.corp", 3128, "me", Secret.of("pa55word"), List.of());
    assertFalse(proxy.toString().contains("pa55word"), proxy.toString());
  }

  @Test
  void aBadPortIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ProxySettings("proxy.corp", 0, null, null, null));
    assertTrue(e.getMessage().contains("port"), e.getMessage());
  }
}
