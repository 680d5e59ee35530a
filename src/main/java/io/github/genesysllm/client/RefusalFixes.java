package io.github.genesysllm.client;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Setting;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to fix what the server refused or answered unreadably: the login's refusals, the API's
 * (unless the call's {@link RefusalHints} say it), and an answer that is not Genesys Cloud's.
 */
final class RefusalFixes {

  private static final Pattern SCOPES = Pattern.compile("\\[([^\\]]+)\\]");

  private final GenesysHosts hosts;
  private final OAuthCredentials credentials;
  private final String providersPath;

  RefusalFixes(GenesysHosts hosts, OAuthCredentials credentials, String providersPath) {
    this.hosts = hosts;
    this.credentials = credentials;
    this.providersPath = providersPath;
  }

  /** After {@code lead}, what a 429 asks for: slower pacing, or more time for retries. */
  static Fix slowDown(String lead) {
    return Fix.of(
        ClientHint.SLOW_DOWN,
        lead + "lower ",
        Setting.MAX_REQUESTS_PER_MINUTE,
        " or ",
        Setting.CONCURRENCY,
        ", or raise ",
        Setting.MAX_RETRY_TIME_SECONDS,
        ".");
  }

  /** The fix of a refused call. */
  Fix refused(ApiCall call, int status, ErrorBody error) {
    if (call.toLogin()) {
      return loginRefused(status);
    }
    if (call.hints() != null) {
      Fix hint = call.hints().hint(call.method(), status, error.code(), error.detailFields());
      if (hint != null) {
        return hint;
      }
    }
    if (status / 100 == 3) {
      return redirected("token", Setting.API_URL);
    }
    return switch (status) {
      case 400 -> badRequest(error);
      case 401 -> unauthorized();
      case 403 ->
          Fix.of(
              ClientHint.GRANT_PERMISSION,
              who()
                  + " lacks a permission: give the OAuth client's role a permission that grants "
                  + scopes(error.message())
                  + "; or the organization lacks the AI (LLM providers) entitlement.");
      case 404 -> notFound(call);
      case 409 -> conflict(error);
      case 429 -> slowDown("Rate limited: ");
      case 500, 502, 503, 504 ->
          Fix.of(
              ClientHint.TRY_AGAIN_LATER,
              "Genesys Cloud answered a transient fault: try again later, or raise ",
              Setting.MAX_RETRY_TIME_SECONDS,
              ".");
      default ->
          Fix.of(
              ClientHint.CHECK_API_URL,
              "An answer the contract does not foresee: check that the API URL "
                  + hosts.apiUrl()
                  + " is Genesys Cloud's.");
    };
  }

  /** The fix of a 2xx answer whose body is not what the contract says. */
  Fix unreadable(ApiCall call) {
    if (call.toLogin()) {
      return Fix.of(
          ClientHint.CHECK_LOGIN_URL,
          "Check that the login URL "
              + hosts.loginUrl()
              + " is Genesys Cloud's login (a proxy or another server may be answering).");
    }
    if (call.hints() != null) {
      return Fix.of(
          ClientHint.CHECK_API_URL,
          "Check that the API URL "
              + hosts.apiUrl()
              + " points at Genesys Cloud's API (a proxy or a login page may be answering).");
    }
    return Fix.of(
        ClientHint.CHECK_API_URL,
        "Check that the API URL " + hosts.apiUrl() + " and ",
        Setting.PROVIDERS_PATH,
        " "
            + providersPath
            + " point at Genesys Cloud's API (a proxy or a login page may be answering).");
  }

  private Fix badRequest(ErrorBody error) {
    if (error.detailFields().isEmpty()) {
      return Fix.of(
          ClientHint.CHECK_PROVIDER_CONFIGURATION,
          "The server refused the request: check the provider's configuration (name, baseUrl,"
              + " models) against the contract's rules.");
    }
    return Fix.of(
        ClientHint.FIX_PROVIDER_FIELDS,
        "Fix these fields of the provider's configuration: "
            + String.join(", ", error.detailFields())
            + (error.detailFields().contains("baseUrl")
                ? " (baseUrl must be an absolute https URL with no query, fragment or trailing '/')"
                : "")
            + ".");
  }

  private Fix unauthorized() {
    if (credentials.isAccessToken()) {
      return Fix.of(
          ClientHint.RENEW_ACCESS_TOKEN,
          "The access token read from "
              + credentials.source()
              + " is invalid or expired: get a new one, or unset it so that the plugin uses the"
              + " OAuth client id and secret (when it is set, it is used instead of them) and asks"
              + " for tokens itself.");
    }
    return Fix.of(
        ClientHint.CHECK_CLIENT_CREDENTIALS,
        "The token was refused even after a new one was asked for: check OAuth client '"
            + credentials.clientId()
            + "' and its secret, read from "
            + credentials.source()
            + ", and that the client belongs to the organization of "
            + hosts.apiUrl()
            + ".");
  }

  private Fix notFound(ApiCall call) {
    String path = call.pathAndQuery();
    if (path.startsWith(providersPath + "/")) {
      return Fix.of(
          ClientHint.PROVIDER_GONE,
          "The provider does not exist: it may have been deleted meanwhile. If every call answers"
              + " 404, check ",
          Setting.PROVIDERS_PATH,
          " (now " + providersPath + ") and the API URL " + hosts.apiUrl() + ".");
    }
    if (path.startsWith(providersPath + "?") || path.equals(providersPath)) {
      return Fix.of(
          ClientHint.USE_DATA_ACTIONS_TARGET,
          "This organization has no custom LLM provider API at "
              + providersPath
              + " (Genesys Cloud's published API has none): use the dataActions target (",
          Setting.TARGET.is("dataActions"),
          "), which provisions the model as Web Services data actions through the published"
              + " integrations API; or check ",
          Setting.PROVIDERS_PATH,
          " and the API URL " + hosts.apiUrl() + ".");
    }
    return Fix.of(
        ClientHint.CHECK_PROVIDERS_PATH,
        "Nothing is served there: check ",
        Setting.PROVIDERS_PATH,
        " (now " + providersPath + ") and the API URL " + hosts.apiUrl() + ".");
  }

  private static Fix conflict(ErrorBody error) {
    if ("general.conflict".equals(error.code())) {
      return Fix.of(
          ClientHint.CHOOSE_ANOTHER_NAME,
          "The name is already taken"
              + (error.entityId() == null ? "" : " by provider " + error.entityId())
              + ": choose another name, or manage that provider under this name.");
    }
    if ("version.mismatch".equals(error.code())) {
      return Fix.of(
          ClientHint.APPLY_AGAIN,
          "The provider was changed concurrently (by another build or a person): read it again"
              + " and apply the change again.");
    }
    return Fix.of(
        ClientHint.APPLY_AGAIN,
        "The request conflicts with the provider's current state: read it again and retry.");
  }

  private Fix loginRefused(int status) {
    if (status / 100 == 3) {
      return redirected("client secret", Setting.LOGIN_URL);
    }
    return switch (status) {
      case 400 ->
          Fix.of(
              ClientHint.CHECK_GRANT_TYPE,
              "Genesys Cloud's login refused the client-credentials grant: check that OAuth"
                  + " client '"
                  + credentials.clientId()
                  + "' (read from "
                  + credentials.source()
                  + ") has the Client Credentials grant type, and that "
                  + hosts.loginUrl()
                  + " is Genesys Cloud's login; else set ",
              Setting.LOGIN_URL,
              ".");
      case 401 ->
          Fix.of(
              ClientHint.CHECK_CLIENT_CREDENTIALS,
              "Genesys Cloud does not accept OAuth client '"
                  + credentials.clientId()
                  + "' with the secret read from "
                  + credentials.source()
                  + ": check the client id and secret there, and that the client was created"
                  + " in this region (login "
                  + hosts.loginUrl()
                  + ").");
      case 429 -> slowDown("Too many token requests: ");
      default ->
          Fix.of(
              ClientHint.CHECK_LOGIN_URL,
              "Check that the login URL " + hosts.loginUrl() + " is Genesys Cloud's login.");
    };
  }

  /** A redirect, which the client does not follow: {@code secret} would go with it. */
  private static Fix redirected(String secret, Setting url) {
    return Fix.of(
        ClientHint.SET_FINAL_ADDRESS,
        "Redirects are not followed (the " + secret + " would go with them): set ",
        url,
        " to the final address.");
  }

  private String who() {
    return credentials.isAccessToken()
        ? "The access token read from " + credentials.source()
        : "OAuth client '" + credentials.clientId() + "' (read from " + credentials.source() + ")";
  }

  /** The scopes a 403 message names ({@code [ai:llm:write]}), else the contract's two. */
  private static String scopes(String serverMessage) {
    if (serverMessage != null) {
      Matcher m = SCOPES.matcher(serverMessage);
      if (m.find()) {
        return "the scope the server names, " + m.group(1).strip();
      }
    }
    return "the scopes ai:llm:read (to read providers) and ai:llm:write (to create, update and"
        + " delete them)";
  }
}
