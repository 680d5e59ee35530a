package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenesysHostsTest {

  @ParameterizedTest
  @CsvSource({
    "us-east-1, mypurecloud.com",
    "us-east-2, use2.us-gov-pure.cloud",
    "us-west-2, usw2.pure.cloud",
    "ca-central-1, cac1.pure.cloud",
    "sa-east-1, sae1.pure.cloud",
    "mx-central-1, mxc1.pure.cloud",
    "eu-west-1, mypurecloud.ie",
    "eu-west-2, euw2.pure.cloud",
    "eu-central-1, mypurecloud.de",
    "eu-central-2, euc2.pure.cloud",
    "me-central-1, mec1.pure.cloud",
    "ap-south-1, aps1.pure.cloud",
    "ap-southeast-1, apse1.pure.cloud",
    "ap-southeast-2, mypurecloud.com.au",
    "ap-northeast-1, mypurecloud.jp",
    "ap-northeast-2, apne2.pure.cloud",
    "ap-northeast-3, apne3.pure.cloud",
  })
  void everyRegionItsUnderscoreFormAndItsDomainNameTheSameHosts(String region, String domain) {
    URI api = URI.create("https://api." + domain);
    URI login = URI.create("https://login." + domain);
    for (String form :
        new String[] {
          region,
          region.replace('-', '_'),
          region.toUpperCase(),
          domain,
          domain.toUpperCase(),
          " " + region + " "
        }) {
      GenesysHosts hosts = GenesysHosts.resolve(form, null, null);
      assertEquals(api, hosts.apiUrl(), form);
      assertEquals(login, hosts.loginUrl(), form);
    }
  }

  @Test
  void anApiUrlReplacesTheRegionAndItsLoginHostStartsWithLogin() {
    GenesysHosts hosts =
        GenesysHosts.resolve("eu-west-1", "https://API.example.com:8443/genesys/", null);
    assertEquals(URI.create("https://API.example.com:8443/genesys"), hosts.apiUrl());
    assertEquals(URI.create("https://login.example.com:8443/genesys"), hosts.loginUrl());
  }

  @Test
  void anApiUrlWhoseHostDoesNotStartWithApiServesTheLoginToo() {
    GenesysHosts hosts = GenesysHosts.resolve(null, "http://127.0.0.1:8080/", null);
    assertEquals(URI.create("http://127.0.0.1:8080"), hosts.apiUrl());
    assertEquals(URI.create("http://127.0.0.1:8080"), hosts.loginUrl());
  }

  @Test
  void anExplicitLoginUrlWinsOverRegionAndApiUrl() {
    assertEquals(
        URI.create("https://sso.example.com"),
        GenesysHosts.resolve("us-east-1", null, "https://sso.example.com/").loginUrl());
    GenesysHosts hosts =
        GenesysHosts.resolve(null, "https://api.example.com", "https://sso.example.com");
    assertEquals(URI.create("https://api.example.com"), hosts.apiUrl());
    assertEquals(URI.create("https://sso.example.com"), hosts.loginUrl());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:9000",
        "http://127.0.0.1",
        "http://127.5.6.7:1",
        "http://[::1]:8080"
      })
  void plainHttpIsAllowedForLoopbackHosts(String url) {
    assertEquals(URI.create(url), GenesysHosts.resolve(null, url, null).apiUrl());
  }

  @Test
  void plainHttpToAnyOtherHostIsRefusedNamingTheParameter() {
    IllegalArgumentException api =
        assertThrows(
            IllegalArgumentException.class,
            () -> GenesysHosts.resolve(null, "http://api.example.com", null));
    assertTrue(api.getMessage().contains("genesys.apiUrl"), api.getMessage());
    assertTrue(api.getMessage().contains("loopback"), api.getMessage());
    IllegalArgumentException login =
        assertThrows(
            IllegalArgumentException.class,
            () -> GenesysHosts.resolve("us-east-1", null, "http://10.0.0.1/"));
    assertTrue(login.getMessage().contains("genesys.loginUrl"), login.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> GenesysHosts.resolve(null, "http://128.0.0.1", null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://api.example.com",
        "api.example.com",
        "https://api.example.com?x=1",
        "https://user@api.example.com",
        "https://"
      })
  void anApiUrlThatIsNotAnAbsoluteHttpsUrlIsRefused(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GenesysHosts.resolve(null, url, null));
    assertTrue(e.getMessage().contains("apiUrl"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.example.com:0",
        "https://api.example.com:65536",
        "http://127.0.0.1:99999",
        "http://127.0.0.1:2147483648"
      })
  void aPortOutsideOneTo65535IsRefusedInTheApiUrlAndTheLoginUrl(String url) {
    IllegalArgumentException api =
        assertThrows(IllegalArgumentException.class, () -> GenesysHosts.resolve(null, url, null));
    assertTrue(api.getMessage().startsWith("Invalid apiUrl"), api.getMessage());
    IllegalArgumentException login =
        assertThrows(
            IllegalArgumentException.class, () -> GenesysHosts.resolve("eu-west-1", null, url));
    assertTrue(login.getMessage().startsWith("Invalid loginUrl"), login.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://ci:hunter2@api.example.com",
        "http://ci:hunter2@127.0.0.1:8080",
        "https://hunter2@api.example.com/"
      })
  void userInfoIsRefusedInTheApiUrlAndTheLoginUrlAndNeverShown(String url) {
    for (IllegalArgumentException e :
        List.of(
            assertThrows(
                IllegalArgumentException.class, () -> GenesysHosts.resolve(null, url, null)),
            assertThrows(
                IllegalArgumentException.class,
                () -> GenesysHosts.resolve("eu-west-1", null, url)))) {
      assertTrue(e.getMessage().contains("must not carry user info"), e.getMessage());
      assertTrue(e.getMessage().contains("://****@"), e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }

  @Test
  void theHighestPortIsAccepted() {
    assertEquals(
        65535, GenesysHosts.resolve(null, "http://127.0.0.1:65535", null).apiUrl().getPort());
  }

  @Test
  void noRegionAndNoApiUrlIsAnErrorNamingBothParameters() {
    for (String blank : new String[] {null, "", "  "}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> GenesysHosts.resolve(blank, blank, null));
      assertTrue(e.getMessage().contains("genesys.region"), e.getMessage());
      assertTrue(e.getMessage().contains("GENESYSCLOUD_REGION"), e.getMessage());
      assertTrue(e.getMessage().contains("genesys.apiUrl"), e.getMessage());
    }
  }

  @Test
  void anUnknownRegionIsAnErrorListingTheAcceptedNames() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GenesysHosts.resolve("us-east-9", null, null));
    assertTrue(e.getMessage().contains("'us-east-9'"), e.getMessage());
    assertTrue(e.getMessage().contains("genesys.region"), e.getMessage());
    for (String accepted :
        new String[] {"us-east-1", "ap-northeast-3", "us_east_1", "mypurecloud.de"}) {
      assertTrue(e.getMessage().contains(accepted), accepted + " missing from: " + e.getMessage());
    }
  }

  @Test
  void aMistypedRegionGetsTheClosestName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GenesysHosts.resolve("eu-wset-1", null, null));
    assertTrue(
        e.getMessage()
            .startsWith(
                "'eu-wset-1' is not a Genesys Cloud region (did you mean 'eu-west-1'?): set"),
        e.getMessage());

    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GenesysHosts.resolve("mypurecloud.ei", null, null));
    assertTrue(e.getMessage().contains("(did you mean 'mypurecloud.ie'?)"), e.getMessage());
  }
}
