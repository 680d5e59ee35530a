package io.github.genesysllm.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * The 2xx answer to an {@link ApiRequest}, read the client's way: a body that is not what the
 * caller expects is a {@link GenesysApiException} that names the call, the status, the correlation
 * id and what to check (an {@link OutcomeUnknownException} after a POST or PUT: the change may have
 * been applied). Never holds a secret in its messages.
 */
public final class ApiAnswer {

  private final AnswerReader reader;
  private final ApiCall call;
  private final HttpTransport.Answer answer;

  ApiAnswer(AnswerReader reader, ApiCall call, HttpTransport.Answer answer) {
    this.reader = reader;
    this.call = call;
    this.answer = answer;
  }

  public int status() {
    return answer.status();
  }

  /**
   * The body as JSON.
   *
   * @param expected what it should be, for the message when it is not ({@code the contract's
   *     provider representation})
   */
  public JsonNode json(String expected) {
    return reader.readJson(call, answer, expected);
  }

  /** The body as text (UTF-8), for a text answer such as a template file. */
  public String text() {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }

  /**
   * The failure to throw when the body is JSON but not what the caller expects.
   *
   * @param reason what is wrong with it ({@code it has no 'entities' list})
   */
  public GenesysApiException badBody(String expected, String reason, Throwable cause) {
    return reader.badBody(call, answer, expected, reason, cause);
  }
}
