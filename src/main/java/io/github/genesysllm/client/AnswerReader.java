package io.github.genesysllm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.util.List;

/**
 * Reads the body of a 2xx answer, and says what is wrong with one that is not what the contract
 * says: the call, the status, the reason, the correlation id and what to check.
 */
final class AnswerReader {

  private final GenesysHosts hosts;
  private final ServerText text;
  private final RefusalFixes fixes;

  AnswerReader(GenesysHosts hosts, ServerText text, RefusalFixes fixes) {
    this.hosts = hosts;
    this.text = text;
    this.fixes = fixes;
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
          "it is not JSON (it starts with '" + text.snippet(call, answer) + "')",
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
    String correlationId = text.correlationId(call, answer, null);
    String what =
        "answered "
            + answer.status()
            + " with a body that is not "
            + expected
            + ": "
            + reason
            + ServerText.noCorrelation(correlationId)
            + ".";
    boolean write = "POST".equals(call.method()) || "PUT".equals(call.method());
    if (!call.toLogin() && write) {
      return new OutcomeUnknownException(
          new Problem(
              hosts.placeOf(call),
              what
                  + " The "
                  + ("POST".equals(call.method()) ? "create" : "update")
                  + " may have been applied: read the "
                  + call.subject()
                  + " back to settle it.",
              fixes.unreadable(call),
              correlationId),
          answer.status(),
          cause);
    }
    return new GenesysApiException(
        new Problem(hosts.placeOf(call), what, fixes.unreadable(call), correlationId),
        answer.status(),
        null,
        null,
        null,
        List.of(),
        cause);
  }
}
