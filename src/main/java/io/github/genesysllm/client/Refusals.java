package io.github.genesysllm.client;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Problem;

/**
 * Turns an answer that is not a success into the exception it means: a refusal ({@link
 * GenesysApiException}), or a change that may have been applied ({@link OutcomeUnknownException}),
 * each with its problem: where, what the server said (its text redacted), how to fix it, the
 * correlation id.
 */
final class Refusals {

  private final GenesysHosts hosts;
  private final ServerText text;
  private final RefusalFixes fixes;

  Refusals(GenesysHosts hosts, ServerText text, RefusalFixes fixes) {
    this.hosts = hosts;
    this.text = text;
    this.fixes = fixes;
  }

  /**
   * A refused call: status, code, message, fields, then {@code moreSentence} (or null), the fix and
   * the correlation id.
   */
  GenesysApiException refused(ApiCall call, HttpTransport.Answer answer, String moreSentence) {
    ErrorBody error = text.errorBody(call, answer);
    String correlationId = text.correlationId(call, answer, error);
    StringBuilder what = new StringBuilder("answered HTTP ").append(answer.status());
    if (error.code() != null) {
      what.append(' ').append(error.code());
    }
    what.append(": ")
        .append(error.message() != null ? error.message() : describeNonErrorBody(call, answer));
    if (!error.detailFields().isEmpty()) {
      what.append("; fields: ").append(String.join(", ", error.detailFields()));
    }
    if (error.entityId() != null) {
      what.append("; entityId ").append(error.entityId());
    }
    what.append(ServerText.noCorrelation(correlationId));
    endSentence(what);
    if (moreSentence != null) {
      what.append(' ').append(moreSentence);
    }
    String location = text.header(call, answer, "Location");
    if (answer.status() / 100 == 3 && location != null) {
      what.append(" It redirected to ").append(location).append('.');
    }
    return new GenesysApiException(
        new Problem(
            hosts.placeOf(call),
            what.toString(),
            fixes.refused(call, answer.status(), error),
            correlationId),
        answer.status(),
        error.code(),
        error.message(),
        error.entityId(),
        error.detailFields(),
        null);
  }

  /**
   * A write sent again after an ambiguous attempt that now meets a 409: a PUT's stale version or a
   * POST's taken name may be the earlier attempt's doing.
   */
  OutcomeUnknownException mayHaveBeenAppliedEarlier(
      ApiCall call, HttpTransport.Answer answer, String earlier) {
    ErrorBody error = text.errorBody(call, answer);
    String correlationId = text.correlationId(call, answer, error);
    boolean create = "POST".equals(call.method());
    return new OutcomeUnknownException(
        new Problem(
            hosts.placeOf(call),
            "answered HTTP 409 "
                + error.code()
                + " after an earlier attempt got no clear answer ("
                + earlier
                + "): that attempt may have applied the "
                + (create ? "create" : "update")
                + ServerText.noCorrelation(correlationId)
                + ".",
            create ? settleByLookup(call, "") : settleByReading(call),
            correlationId),
        answer.status(),
        null);
  }

  /** A POST answered 5xx: it may have been applied, and is not sent again. */
  OutcomeUnknownException createMayHaveApplied(ApiCall call, HttpTransport.Answer answer) {
    ErrorBody error = text.errorBody(call, answer);
    String correlationId = text.correlationId(call, answer, error);
    String said = error.code() != null ? " " + error.code() : "";
    return new OutcomeUnknownException(
        new Problem(
            hosts.placeOf(call),
            "answered HTTP "
                + answer.status()
                + said
                + " after the request was sent, so the "
                + call.subject()
                + " may or may not have been created"
                + ServerText.noCorrelation(correlationId)
                + ".",
            settleByLookup(call, "It is not sent again blindly: "),
            correlationId),
        answer.status(),
        null);
  }

  /** After {@code lead}: look what a POST creates up by name to tell whether it was applied. */
  static Fix settleByLookup(ApiCall call, String lead) {
    String look = lead.isEmpty() ? "Look the " : "look the ";
    return Fix.of(
        ClientHint.SETTLE_BY_LOOKUP, lead + look + call.subject() + " up by name to settle it.");
  }

  private static Fix settleByReading(ApiCall call) {
    return Fix.of(
        ClientHint.SETTLE_BY_READING, "Read the " + call.subject() + " back to settle it.");
  }

  private String describeNonErrorBody(ApiCall call, HttpTransport.Answer answer) {
    return answer.body().length == 0
        ? "no body"
        : "a body that is not the contract's error body ('" + text.snippet(call, answer) + "')";
  }

  /** Ends {@code text} with a full stop, unless the server's words already did. */
  private static void endSentence(StringBuilder text) {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '.') {
      text.append('.');
    }
  }
}
