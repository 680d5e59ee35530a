package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.log.SafeText;

/**
 * One field where what exists for a provider differs from what the configuration wants: {@code
 * field} names it as its target does ({@code timeout}, {@code models[private-model-v1].maxTokens}),
 * {@code expected} is the configuration's value and {@code actual} the server's. {@code actual} is
 * null only where the old value is never shown (the API key, see {@link #apiKeyRotated()}).
 */
public record Difference(String field, String expected, String actual) {

  /** A URL's password, should a server's value hold one, shows in no log line nor report. */
  public Difference {
    expected = SafeText.maskUserInfo(expected);
    actual = SafeText.maskUserInfo(actual);
  }

  /** The value of a model or field that one side lacks. */
  public static final String ABSENT = "(absent)";

  private static final String ROTATED = "(rotated)";

  private static final String MASKED = "(masked)";

  /** The change a key rotation makes: it says that the key is sent, never what it is. */
  public static Difference apiKeyRotated() {
    return new Difference("apiKey", ROTATED, null);
  }

  /** The key a create sends: it says that a key is sent, never what it is. */
  public static Difference apiKeySent() {
    return new Difference("apiKey", MASKED, null);
  }

  /**
   * {@code field: actual -> expected}, the way a change reads in a log line; {@code apiKey:
   * (rotated)}, {@code apiKey: (masked)}.
   */
  public String describe() {
    return actual == null ? field + ": " + expected : field + ": " + actual + " -> " + expected;
  }

  /**
   * {@code {"field": ..., "from": actual, "to": expected}}, {@code from} left out when not shown.
   */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("field", field);
    if (actual != null) {
      node.put("from", actual);
    }
    node.put("to", expected);
    return node;
  }
}
