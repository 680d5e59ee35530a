package io.github.genesysllm.client;

import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.ProviderRules;
import io.github.genesysllm.suggest.NameSuggestion;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the client calls: the API URL and the login (token) URL, resolved from a Genesys Cloud
 * region or from explicit URLs as the contract's section 1 says.
 */
public final class GenesysHosts {

  /** The contract's regions and their domains, in the contract's order. */
  private static final Map<String, String> REGION_DOMAINS = new LinkedHashMap<>();

  static {
    REGION_DOMAINS.put("us-east-1", "mypurecloud.com");
    REGION_DOMAINS.put("us-east-2", "use2.us-gov-pure.cloud");
    REGION_DOMAINS.put("us-west-2", "usw2.pure.cloud");
    REGION_DOMAINS.put("ca-central-1", "cac1.pure.cloud");
    REGION_DOMAINS.put("sa-east-1", "sae1.pure.cloud");
    REGION_DOMAINS.put("mx-central-1", "mxc1.pure.cloud");
    REGION_DOMAINS.put("eu-west-1", "mypurecloud.ie");
    REGION_DOMAINS.put("eu-west-2", "euw2.pure.cloud");
    REGION_DOMAINS.put("eu-central-1", "mypurecloud.de");
    REGION_DOMAINS.put("eu-central-2", "euc2.pure.cloud");
    REGION_DOMAINS.put("me-central-1", "mec1.pure.cloud");
    REGION_DOMAINS.put("ap-south-1", "aps1.pure.cloud");
    REGION_DOMAINS.put("ap-southeast-1", "apse1.pure.cloud");
    REGION_DOMAINS.put("ap-southeast-2", "mypurecloud.com.au");
    REGION_DOMAINS.put("ap-northeast-1", "mypurecloud.jp");
    REGION_DOMAINS.put("ap-northeast-2", "apne2.pure.cloud");
    REGION_DOMAINS.put("ap-northeast-3", "apne3.pure.cloud");
  }

  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final URI apiUrl;
  private final URI loginUrl;

  private GenesysHosts(URI apiUrl, URI loginUrl) {
    this.apiUrl = apiUrl;
    this.loginUrl = loginUrl;
  }

  /**
   * Resolves the hosts. An explicit {@code apiUrl} replaces the region; an explicit {@code
   * loginUrl} wins over the derived one. Blank values count as absent.
   *
   * @throws InvalidSettingException at the setting to fix, saying what it accepts
   */
  public static GenesysHosts resolve(String region, String apiUrl, String loginUrl) {
    URI api;
    URI login;
    if (!isBlank(apiUrl)) {
      api = parseUrl(apiUrl, Setting.API_URL);
      login = deriveLoginUrl(api);
    } else if (!isBlank(region)) {
      String domain = domainOf(region.strip());
      api = URI.create("https://api." + domain);
      login = URI.create("https://login." + domain);
    } else {
      throw new InvalidSettingException(
          Setting.REGION,
          "no Genesys Cloud region is set",
          Fix.of(
              ClientHint.SET_A_KNOWN_REGION,
              "set it (or the environment variable GENESYSCLOUD_REGION) to "
                  + acceptedRegions()
                  + "; or set ",
              Setting.API_URL,
              " to the API's URL (an emulator, a proxy or a private deployment)"));
    }
    if (!isBlank(loginUrl)) {
      login = parseUrl(loginUrl, Setting.LOGIN_URL);
    }
    return new GenesysHosts(api, login);
  }

  /** The API URL, without a trailing {@code /}: request paths are appended to it. */
  public URI apiUrl() {
    return apiUrl;
  }

  /**
   * The login URL, without a trailing {@code /}: the token endpoint is {@code
   * {loginUrl}/oauth/token}.
   */
  public URI loginUrl() {
    return loginUrl;
  }

  /**
   * Where {@code call} goes, as problems name it: the login with its full URL, API calls by path.
   */
  Place.Request placeOf(ApiCall call) {
    return new Place.Request(
        call.method(), call.toLogin() ? loginUrl + call.pathAndQuery() : call.pathAndQuery());
  }

  /** Where {@code call} goes, as log lines name it: {@code GET /api/v2/...}. */
  String where(ApiCall call) {
    return Wording.PLAIN.place(placeOf(call));
  }

  @Override
  public String toString() {
    return "API " + apiUrl + ", login " + loginUrl;
  }

  private static String domainOf(String region) {
    String key = region.toLowerCase(Locale.ROOT);
    String domain = REGION_DOMAINS.get(key.replace('_', '-'));
    if (domain != null) {
      return domain;
    }
    if (REGION_DOMAINS.containsValue(key)) {
      return key;
    }
    List<String> known = new ArrayList<>(REGION_DOMAINS.keySet());
    known.addAll(REGION_DOMAINS.values());
    throw new InvalidSettingException(
        Setting.REGION,
        "'" + region + "' is not a Genesys Cloud region" + NameSuggestion.didYouMean(region, known),
        Fix.of(
            ClientHint.SET_A_KNOWN_REGION,
            "set it to " + acceptedRegions() + "; or set ",
            Setting.API_URL,
            " instead of a region"));
  }

  private static String acceptedRegions() {
    return "one of "
        + String.join(", ", REGION_DOMAINS.keySet())
        + " (underscores accepted too, as in us_east_1), or one of their domains: "
        + String.join(", ", REGION_DOMAINS.values());
  }

  private static URI parseUrl(String text, Setting setting) {
    String trimmed = text.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException | IllegalArgumentException e) {
      // java.net.URI throws NumberFormatException on some malformed IPv6 hosts
      throw invalidUrl(text, setting, "it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw invalidUrl(text, setting, "it must be an absolute https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalidUrl(text, setting, "it must name a host");
    }
    if (uri.getPort() == 0 || uri.getPort() > ProviderRules.MAX_PORT) {
      throw invalidUrl(
          text, setting, "its port must be from 1 to " + ProviderRules.MAX_PORT + ", or none");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalidUrl(
          text,
          setting,
          "it must not carry user info (credentials come from the server credentials or the"
              + " environment, never from the URL), a query or a fragment");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw invalidUrl(
          text,
          setting,
          "plain http is allowed only for loopback hosts (localhost, 127.0.0.0/8, [::1]); "
              + "use https");
    }
    return uri;
  }

  private static InvalidSettingException invalidUrl(String text, Setting setting, String problem) {
    String example =
        setting == Setting.LOGIN_URL
            ? "https://login.mypurecloud.com"
            : "https://api.mypurecloud.com";
    return new InvalidSettingException(
        setting,
        "invalid URL '" + SafeText.of(text) + "': " + problem,
        Fix.of(
            ClientHint.SET_A_VALID_URL,
            "for example " + example + ", or http://127.0.0.1:8080 for a local emulator"));
  }

  /**
   * The login URL of an explicit API URL: a leading {@code api.} of the host becomes {@code
   * login.}.
   */
  private static URI deriveLoginUrl(URI api) {
    String host = api.getHost();
    if (!host.regionMatches(true, 0, "api.", 0, 4)) {
      return api;
    }
    try {
      return new URI(
          api.getScheme(),
          null,
          "login." + host.substring(4),
          api.getPort(),
          api.getPath(),
          null,
          null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a valid URL with its host changed is still valid", e);
    }
  }

  /** Whether {@code host} is {@code localhost}, in {@code 127.0.0.0/8} or {@code [::1]}. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
