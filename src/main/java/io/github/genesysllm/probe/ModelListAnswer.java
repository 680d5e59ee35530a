package io.github.genesysllm.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.probe.ProbeResult.Status;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Judges one provider's answer to {@code GET {baseUrl}/models} as the contract's section 7 says:
 * 200 with an OpenAI-compatible model list ({@code {"data": [{"id": ...}]}}) that names every
 * configured model id. Anything else is a failure that quotes the start of the answer, never the
 * request's key (the caller withholds a message the endpoint echoed it into).
 */
final class ModelListAnswer {

  /** More than any model list: an endpoint that answers more is not a model endpoint. */
  private static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

  /** How much of an unexpected answer a message quotes. */
  private static final int EXCERPT_CHARS = 200;

  /** How many served ids a message about missing models names. */
  private static final int SERVED_SHOWN = 20;

  private static final String OPENAI_COMPATIBLE =
      "check that baseUrl names an OpenAI-compatible endpoint";

  private final String provider;
  private final String url;
  private final List<String> wanted;

  /**
   * @param provider the configured provider's name, where its problems are
   * @param url the address asked
   * @param wanted the configured model ids
   */
  ModelListAnswer(String provider, String url, List<String> wanted) {
    this.provider = provider;
    this.url = url;
    this.wanted = wanted;
  }

  /** What the answer says of the configured models. */
  ProbeResult read(ClassicHttpResponse response) throws IOException, ParseException {
    int code = response.getCode();
    String body = body(response);
    if (code == 401 || code == 403) {
      return ProbeResult.failedAt(
          Status.UNAUTHORIZED,
          url,
          provider,
          "apiKey",
          "the endpoint refused the API key (HTTP " + code + " to GET " + url + excerpt(body) + ")",
          Fix.of(
              ProbeHint.CHECK_API_KEY,
              "check the provider's API key, the key of the model endpoint itself (not a Genesys"
                  + " Cloud credential), and that it may list models"));
    }
    if (code >= 300 && code < 400) {
      Header location = response.getFirstHeader(HttpHeaders.LOCATION);
      return notAModelList(
          "GET "
              + url
              + " was redirected (HTTP "
              + code
              + ") to "
              + (location == null ? "(no Location)" : location.getValue())
              + ", not followed so the key is not sent elsewhere",
          "set baseUrl to the address where the endpoint serves /models itself");
    }
    if (code != 200) {
      return notAModelList(
          "HTTP " + code + " to GET " + url + excerpt(body),
          OPENAI_COMPATIBLE + " (one that answers GET {baseUrl}/models)");
    }
    JsonNode list;
    try {
      list = ProviderJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      list = null;
    }
    if (list == null || list.isMissingNode()) {
      Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
      return notAModelList(
          "the answer to GET "
              + url
              + " is not JSON (Content-Type "
              + (type == null ? "none" : type.getValue())
              + excerpt(body)
              + ")",
          OPENAI_COMPATIBLE + ", not a web page or a gateway's login");
    }
    JsonNode data = list.path("data");
    if (!data.isArray()) {
      return notAModelList(
          "the answer to GET "
              + url
              + " is JSON but not a model list (no 'data' list"
              + excerpt(body)
              + ")",
          "an OpenAI-compatible endpoint answers"
              + " {\"object\":\"list\",\"data\":[{\"id\":\"...\",\"object\":\"model\"}]}");
    }
    Set<String> served = new LinkedHashSet<>();
    for (int i = 0; i < data.size(); i++) {
      JsonNode id = data.get(i).path("id");
      if (!id.isTextual()) {
        return notAModelList(
            "the answer to GET "
                + url
                + " is not a model list: data["
                + i
                + "] has no string 'id'"
                + excerpt(body),
            OPENAI_COMPATIBLE);
      }
      served.add(id.asText());
    }
    List<String> missing = wanted.stream().filter(id -> !served.contains(id)).toList();
    if (missing.isEmpty()) {
      return ProbeResult.ok(
          url,
          "the endpoint lists all "
              + wanted.size()
              + (wanted.size() == 1 ? " configured model" : " configured models")
              + " (it serves "
              + served.size()
              + ")");
    }
    return ProbeResult.failed(
        Status.MODELS_MISSING,
        url,
        missing,
        Problem.at(
            new Place.OfProvider(provider, "models"),
            "the endpoint does not list "
                + String.join(", ", missing)
                + "; it serves "
                + shown(served),
            Fix.of(
                ProbeHint.CHECK_MODEL_IDS,
                "check the model ids in the configuration, or deploy the models on the endpoint")));
  }

  private ProbeResult notAModelList(String what, String fix) {
    return ProbeResult.failedAt(
        Status.BAD_RESPONSE,
        url,
        provider,
        "baseUrl",
        what,
        Fix.of(ProbeHint.POINT_AT_MODELS_ENDPOINT, fix));
  }

  /** The body as text, whatever the status; cut at {@link #MAX_BODY_CHARS}. */
  private static String body(ClassicHttpResponse response) throws IOException, ParseException {
    return response.getEntity() == null
        ? ""
        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8, MAX_BODY_CHARS);
  }

  /** {@code , answered: <start of the body>} for a message, or nothing for an empty body. */
  private static String excerpt(String body) {
    String text = body.replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "";
    }
    return ", answered: "
        + (text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text);
  }

  private static String shown(Set<String> served) {
    if (served.isEmpty()) {
      return "no models";
    }
    List<String> first = new ArrayList<>(served).subList(0, Math.min(SERVED_SHOWN, served.size()));
    return String.join(", ", first)
        + (served.size() > SERVED_SHOWN ? " and " + (served.size() - SERVED_SHOWN) + " more" : "");
  }
}
