package io.github.genesysllm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns refused calls and unreadable answers into {@link GenesysApiException}s whose message says
 * what the server said (its text redacted of secrets), the correlation id, and how to fix it.
 */
final class ErrorMessages {

  static final String CORRELATION_HEADER = "ININ-Correlation-Id";
  static final String RATE_LIMIT_FIX =
      "lower genesys.maxRequestsPerMinute or genesys.concurrency, or raise genesys.maxRetryTimeSeconds";

  private static final Pattern SCOPES = Pattern.compile("\\[([^\\]]+)\\]");
  private static final int SNIPPET_LENGTH = 60;

  private final GenesysHosts hosts;
  private final OAuthCredentials credentials;
  private final String providersPath;
  private final Redactor redactor;

  ErrorMessages(
      GenesysHosts hosts, OAuthCredentials credentials, String providersPath, Redactor redactor) {
    this.hosts = hosts;
    this.credentials = credentials;
    this.providersPath = providersPath;
    this.redactor = redactor;
  }

  /** What an error answer holds: the API's ErrorBody, or the token endpoint's error, or neither. */
  record ErrorBody(
      String code, String message, String entityId, List<String> detailFields, String contextId) {}

  /** {@code ININ-Correlation-Id <id>}, or {@code ... none} when the server gave none. */
  static String correlation(String correlationId) {
    return CORRELATION_HEADER + " " + (correlationId == null ? "none" : correlationId);
  }

  /** The call as messages show it: the token endpoint with its full URL, API calls by path. */
  String where(ApiCall call) {
    return call.toLogin()
        ? call.method() + " " + hosts.loginUrl() + call.pathAndQuery()
        : call.display();
  }

  /** A refused call: status, code, message, fields, correlation id and a hint. */
  GenesysApiException refused(ApiCall call, HttpTransport.Answer answer, String moreSentence) {
    ErrorBody error = errorBody(call, answer);
    String correlationId = correlationId(call, answer, error);
    StringBuilder message =
        new StringBuilder(where(call)).append(" answered HTTP ").append(answer.status());
    if (error.code() != null) {
      message.append(' ').append(error.code());
    }
    message
        .append(": ")
        .append(error.message() != null ? error.message() : describeNonErrorBody(call, answer));
    if (!error.detailFields().isEmpty()) {
      message.append("; fields: ").append(String.join(", ", error.detailFields()));
    }
    if (error.entityId() != null) {
      message.append("; entityId ").append(error.entityId());
    }
    message.append("; ").append(correlation(correlationId)).append(". ");
    if (moreSentence != null) {
      message.append(moreSentence).append(' ');
    }
    message.append(hint(call, answer.status(), error));
    if (answer.status() / 100 == 3 && answer.header("Location") != null) {
      message
          .append(" It redirected to ")
          .append(redactor.clean(answer.header("Location"), call.apiKey()))
          .append('.');
    }
    return new GenesysApiException(
        message.toString().strip(),
        answer.status(),
        error.code(),
        error.message(),
        error.entityId(),
        error.detailFields(),
        correlationId,
        null);
  }

  /**
   * A write sent again after an ambiguous attempt that now meets a 409: a PUT's stale version or a
   * POST's taken name may be the earlier attempt's doing.
   */
  OutcomeUnknownException mayHaveBeenAppliedEarlier(
      ApiCall call, HttpTransport.Answer answer, String earlier) {
    ErrorBody error = errorBody(call, answer);
    String correlationId = correlationId(call, answer, error);
    boolean create = "POST".equals(call.method());
    return new OutcomeUnknownException(
        where(call)
            + " answered HTTP 409 "
            + error.code()
            + " after an earlier attempt "
            + "got no clear answer ("
            + earlier
            + "): that attempt may have applied the "
            + (create ? "create" : "update")
            + ". "
            + (create ? "Look the " : "Read the ")
            + call.subject()
            + (create ? " up by name" : " back")
            + " to settle it; "
            + correlation(correlationId)
            + ".",
        answer.status(),
        correlationId,
        null);
  }

  /** A POST answered 5xx: it may have been applied, and is not sent again. */
  OutcomeUnknownException createMayHaveApplied(ApiCall call, HttpTransport.Answer answer) {
    ErrorBody error = errorBody(call, answer);
    String correlationId = correlationId(call, answer, error);
    String said = error.code() != null ? " " + error.code() : "";
    return new OutcomeUnknownException(
        where(call)
            + " answered HTTP "
            + answer.status()
            + said
            + " after the request was sent, so the "
            + call.subject()
            + " may or may not have been created. It is not sent again "
            + "blindly: look the "
            + call.subject()
            + " up by name to settle it; "
            + correlation(correlationId)
            + ".",
        answer.status(),
        correlationId,
        null);
  }

  /** The body of a 2xx answer as JSON, or a clear error when it is not. */
  JsonNode readJson(ApiCall call, HttpTransport.Answer answer, String expected) {
    if (answer.body().length == 0) {
      throw badBody(call, answer, expected, "it is empty", null);
    }
    try {
      JsonNode node = ProviderJson.MAPPER.readTree(answer.body());
      if (node == null || node.isMissingNode()) {
        throw badBody(call, answer, expected, "it is empty", null);
      }
      return node;
    } catch (JsonEOFException e) {
      throw badBody(call, answer, expected, "it ends before the JSON is complete (truncated?)", e);
    } catch (JsonProcessingException e) {
      throw badBody(
          call,
          answer,
          expected,
          "it is not JSON (it starts with '" + snippet(call, answer) + "')",
          e);
    } catch (IOException e) {
      throw badBody(
          call, answer, expected, "it could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * A 2xx answer whose body is not what the contract says. After a POST or PUT that answer means
   * the change was applied, so it is an {@link OutcomeUnknownException}: the caller reads back.
   */
  GenesysApiException badBody(
      ApiCall call, HttpTransport.Answer answer, String expected, String reason, Throwable cause) {
    String correlationId = correlationId(call, answer, null);
    String target =
        call.toLogin()
            ? "Check that the login URL "
                + hosts.loginUrl()
                + " is Genesys Cloud's login (a proxy or another "
                + "server may be answering)."
            : call.hints() != null
                ? "Check that the API URL "
                    + hosts.apiUrl()
                    + " points at Genesys Cloud's API (a proxy or a login page may be answering)."
                : "Check that the API URL "
                    + hosts.apiUrl()
                    + " and providersPath "
                    + providersPath
                    + " point at Genesys Cloud's API (a proxy or a login page may be answering).";
    String message =
        "The server answered "
            + answer.status()
            + " to "
            + where(call)
            + " with a body that is not "
            + expected
            + ": "
            + reason
            + "; "
            + correlation(correlationId)
            + ". "
            + target;
    if (!call.toLogin() && ("POST".equals(call.method()) || "PUT".equals(call.method()))) {
      return new OutcomeUnknownException(
          message
              + " The "
              + ("POST".equals(call.method()) ? "create" : "update")
              + " may have been applied: read the "
              + call.subject()
              + " back to settle it.",
          answer.status(),
          correlationId,
          cause);
    }
    return new GenesysApiException(
        message, answer.status(), null, null, null, List.of(), correlationId, cause);
  }

  /** The {@code ININ-Correlation-Id} header, else the body's {@code contextId}, else null. */
  String correlationId(ApiCall call, HttpTransport.Answer answer, ErrorBody error) {
    String header = redactor.clean(answer.header(CORRELATION_HEADER), call.apiKey());
    if (header != null && !header.isBlank()) {
      return header;
    }
    ErrorBody body = error != null ? error : errorBody(call, answer);
    return body.contextId();
  }

  /** The error fields of a body; every server text in it redacted. */
  ErrorBody errorBody(ApiCall call, HttpTransport.Answer answer) {
    JsonNode node;
    try {
      node = ProviderJson.MAPPER.readTree(answer.body());
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      return new ErrorBody(null, null, null, List.of(), null);
    }
    String code = text(call, node, "code");
    String message = text(call, node, "message");
    if (code == null && message == null) {
      // the token endpoint's OAuth error
      code = text(call, node, "error");
      message = text(call, node, "error_description");
      if (message == null) {
        message = text(call, node, "description");
      }
    }
    List<String> fields = new ArrayList<>();
    for (JsonNode detail : node.path("details")) {
      String field = text(call, detail, "fieldName");
      if (field != null) {
        fields.add(field);
      }
    }
    return new ErrorBody(
        code, message, text(call, node, "entityId"), fields, text(call, node, "contextId"));
  }

  private String text(ApiCall call, JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull()
        ? null
        : redactor.clean(value.asText(), call.apiKey());
  }

  private String describeNonErrorBody(ApiCall call, HttpTransport.Answer answer) {
    return answer.body().length == 0
        ? "no body"
        : "a body that is not the contract's error body ('" + snippet(call, answer) + "')";
  }

  /** The start of a body, on one line, redacted. */
  private String snippet(ApiCall call, HttpTransport.Answer answer) {
    String text = new String(answer.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    if (text.length() > SNIPPET_LENGTH) {
      text = text.substring(0, SNIPPET_LENGTH) + "...";
    }
    return redactor.clean(text, call.apiKey());
  }

  private String hint(ApiCall call, int status, ErrorBody error) {
    if (call.toLogin()) {
      return loginHint(status);
    }
    String code = error.code() == null ? "" : error.code();
    if (call.hints() != null) {
      String hint = call.hints().hint(call.method(), status, error.code(), error.detailFields());
      if (hint != null) {
        return hint;
      }
    }
    switch (status) {
      case 400:
        return error.detailFields().isEmpty()
            ? "The server refused the request: check the provider's configuration (name, baseUrl, models) "
                + "against the contract's rules."
            : "Fix these fields of the provider's configuration: "
                + String.join(", ", error.detailFields())
                + (error.detailFields().contains("baseUrl")
                    ? " (baseUrl must be an absolute https URL with no query, fragment or trailing '/')"
                    : "")
                + ".";
      case 401:
        return credentials.isAccessToken()
            ? "The access token read from "
                + credentials.source()
                + " is invalid or expired: get a new one, or unset it so that the plugin uses the"
                + " OAuth client id and secret (when it is set, it is used instead of them) and asks"
                + " for tokens itself."
            : "The token was refused even after a new one was asked for: check OAuth client '"
                + credentials.clientId()
                + "' and its secret, read from "
                + credentials.source()
                + ", and that the client belongs to the organization of "
                + hosts.apiUrl()
                + ".";
      case 403:
        return who()
            + " lacks a permission: give the OAuth client's role a permission that grants "
            + scopes(error.message())
            + "; or the organization lacks the AI (LLM providers) entitlement.";
      case 404:
        return call.pathAndQuery().startsWith(providersPath + "/")
            ? "The provider does not exist: it may have been deleted meanwhile. If every call answers 404, "
                + "check providersPath (now "
                + providersPath
                + ") and the API URL "
                + hosts.apiUrl()
                + "."
            : call.pathAndQuery().startsWith(providersPath + "?")
                    || call.pathAndQuery().equals(providersPath)
                ? "This organization has no custom LLM provider API at "
                    + providersPath
                    + " (Genesys Cloud's published API has none): use the dataActions target"
                    + " (-Dgenesys.target=dataActions), which provisions the model as Web Services"
                    + " data actions through the published integrations API; or check providersPath"
                    + " and the API URL "
                    + hosts.apiUrl()
                    + "."
                : "Nothing is served there: check providersPath (now "
                    + providersPath
                    + ") and the API URL "
                    + hosts.apiUrl()
                    + ".";
      case 409:
        if ("general.conflict".equals(code)) {
          return "The name is already taken"
              + (error.entityId() == null ? "" : " by provider " + error.entityId())
              + ": choose another name, or manage that provider under this name.";
        }
        if ("version.mismatch".equals(code)) {
          return "The provider was changed concurrently (by another build or a person): read it again and "
              + "apply the change again.";
        }
        return "The request conflicts with the provider's current state: read it again and retry.";
      case 429:
        return "Rate limited: " + RATE_LIMIT_FIX + ".";
      case 500:
      case 502:
      case 503:
      case 504:
        return "Genesys Cloud answered a transient fault: try again later, or raise genesys.maxRetryTimeSeconds.";
      default:
        if (status / 100 == 3) {
          return "Redirects are not followed (the token would go with them): set the API URL (apiUrl, property "
              + "genesys.apiUrl) to the final address.";
        }
        return "An answer the contract does not foresee: check that the API URL "
            + hosts.apiUrl()
            + " is Genesys Cloud's.";
    }
  }

  private String loginHint(int status) {
    switch (status) {
      case 400:
        return "Genesys Cloud's login refused the client-credentials grant: check that "
            + hosts.loginUrl()
            + " (loginUrl, property genesys.loginUrl) is Genesys Cloud's login, and that OAuth client '"
            + credentials.clientId()
            + "' (read from "
            + credentials.source()
            + ") has the Client Credentials grant type.";
      case 401:
        return "Genesys Cloud does not accept OAuth client '"
            + credentials.clientId()
            + "' with the secret read from "
            + credentials.source()
            + ": check the client id and secret there, and that the client was created "
            + "in this region (login "
            + hosts.loginUrl()
            + ").";
      case 429:
        return "Too many token requests: " + RATE_LIMIT_FIX + ".";
      default:
        if (status / 100 == 3) {
          return "Redirects are not followed (the client secret would go with them): set loginUrl (property "
              + "genesys.loginUrl) to the final address.";
        }
        return "Check that the login URL " + hosts.loginUrl() + " is Genesys Cloud's login.";
    }
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
    return "the scopes ai:llm:read (to read providers) and ai:llm:write (to create, update and delete them)";
  }
}
