package io.github.genesysllm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
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
  void plainHttpToAnyOtherHostIsRefusedAtTheSetting() {
    InvalidSettingException api =
        assertThrows(
            InvalidSettingException.class,
            () -> GenesysHosts.resolve(null, "http://api.example.com", null));
    assertAt(Setting.API_URL, ClientHint.SET_A_VALID_URL, api);
    assertTrue(api.problem().what().contains("loopback"), api.getMessage());
    InvalidSettingException login =
        assertThrows(
            InvalidSettingException.class,
            () -> GenesysHosts.resolve("us-east-1", null, "http://10.0.0.1/"));
    assertAt(Setting.LOGIN_URL, ClientHint.SET_A_VALID_URL, login);
    assertThrows(
        InvalidSettingException.class, () -> GenesysHosts.resolve(null, "http://128.0.0.1", null));
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
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> GenesysHosts.resolve(null, url, null));
    assertAt(Setting.API_URL, ClientHint.SET_A_VALID_URL, e);
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
    InvalidSettingException api =
        assertThrows(InvalidSettingException.class, () -> GenesysHosts.resolve(null, url, null));
    assertAt(Setting.API_URL, ClientHint.SET_A_VALID_URL, api);
    InvalidSettingException login =
        assertThrows(
            InvalidSettingException.class, () -> GenesysHosts.resolve("eu-west-1", null, url));
    assertAt(Setting.LOGIN_URL, ClientHint.SET_A_VALID_URL, login);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://ci:hunter2@api.example.com",
        "http://ci:hunter2@127.0.0.1:8080",
        "https://hunter2@api.example.com/"
      })
  void userInfoIsRefusedInTheApiUrlAndTheLoginUrlAndNeverShown(String url) {
    for (InvalidSettingException e :
        List.of(
            assertThrows(
                InvalidSettingException.class, () -> GenesysHosts.resolve(null, url, null)),
            assertThrows(
                InvalidSettingException.class,
                () -> GenesysHosts.resolve("eu-west-1", null, url)))) {
      assertTrue(e.problem().what().contains("must not carry user info"), e.getMessage());
      assertTrue(e.problem().what().contains("://****@"), e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }

  @Test
  void theHighestPortIsAccepted() {
    assertEquals(
        65535, GenesysHosts.resolve(null, "http://127.0.0.1:65535", null).apiUrl().getPort());
  }

  @Test
  void noRegionAndNoApiUrlIsAnErrorAtTheRegionNamingTheApiUrlToo() {
    for (String blank : new String[] {null, "", "  "}) {
      InvalidSettingException e =
          assertThrows(
              InvalidSettingException.class, () -> GenesysHosts.resolve(blank, blank, null));
      assertAt(Setting.REGION, ClientHint.SET_A_KNOWN_REGION, e);
      assertEquals(List.of(Setting.API_URL), e.problem().fix().settings());
      assertTrue(
          e.problem().fix().render(Wording.PLAIN).contains("GENESYSCLOUD_REGION"), e.getMessage());
    }
  }

  @Test
  void anUnknownRegionIsAnErrorListingTheAcceptedNames() {
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class, () -> GenesysHosts.resolve("us-east-9", null, null));
    assertAt(Setting.REGION, ClientHint.SET_A_KNOWN_REGION, e);
    assertTrue(e.problem().what().contains("'us-east-9'"), e.getMessage());
    String fix = e.problem().fix().render(Wording.PLAIN);
    for (String accepted :
        new String[] {"us-east-1", "ap-northeast-3", "us_east_1", "mypurecloud.de"}) {
      assertTrue(fix.contains(accepted), accepted + " missing from: " + e.getMessage());
    }
  }

  @Test
  void aMistypedRegionGetsTheClosestName() {
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class, () -> GenesysHosts.resolve("eu-wset-1", null, null));
    assertEquals(
        "'eu-wset-1' is not a Genesys Cloud region (did you mean 'eu-west-1'?)",
        e.problem().what());

    e =
        assertThrows(
            InvalidSettingException.class,
            () -> GenesysHosts.resolve("mypurecloud.ei", null, null));
    assertTrue(e.problem().what().contains("(did you mean 'mypurecloud.ie'?)"), e.getMessage());
  }

  private static void assertAt(Setting setting, ClientHint hint, InvalidSettingException e) {
    assertEquals(new Place.OfSetting(setting), e.problem().where(), e.getMessage());
    assertEquals(hint, e.problem().hint(), e.getMessage());
  }
}
