package io.github.genesysllm.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.FaultScript;
import io.github.genesysllm.provider.ProviderJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One rule of the emulator's fault script (see {@link FaultScript}), built fluently as its JSON.
 */
final class FaultRule {

  /** The listing and create path; its items are {@link #ITEM}. */
  static final String PROVIDERS = "/api/v2/ai/llm/providers";

  static final String ITEM = PROVIDERS + "/*";

  private final ObjectNode node = ProviderJson.MAPPER.createObjectNode();

  private FaultRule(String method, String path) {
    node.put("method", method).put("path", path);
  }

  /**
   * A rule for {@code method} ({@code *} for any) on {@code path} (a trailing {@code *} for a
   * prefix).
   */
  static FaultRule on(String method, String path) {
    return new FaultRule(method, path);
  }

  FaultRule status(int status) {
    node.put("action", "status").put("status", status);
    return this;
  }

  FaultRule retryAfter(String value) {
    node.put("retryAfter", value);
    return this;
  }

  FaultRule respond(int status, JsonNode body) {
    node.put("action", "respond").put("status", status).set("body", body);
    return this;
  }

  FaultRule reset() {
    node.put("action", "reset");
    return this;
  }

  FaultRule delay(long millis) {
    node.put("action", "delay").put("delayMillis", millis);
    return this;
  }

  FaultRule commitThenDrop() {
    node.put("action", "commitThenDrop");
    return this;
  }

  FaultRule every(long n) {
    node.put("every", n);
    return this;
  }

  FaultRule after(long n) {
    node.put("after", n);
    return this;
  }

  /** How many times it fires in all; -1 for no limit. */
  FaultRule times(long n) {
    node.put("times", n);
    return this;
  }

  /** An HTTP-date {@code seconds} from now, as a {@code Retry-After} may carry. */
  static String httpDateIn(long seconds) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.now().plusSeconds(seconds).atZone(ZoneOffset.UTC));
  }

  static FaultScript script(FaultRule... rules) {
    return script(List.of(rules));
  }

  static FaultScript script(List<FaultRule> rules) {
    ObjectNode root = ProviderJson.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("rules");
    rules.forEach(rule -> list.add(rule.node));
    return FaultScript.parse(root.toString(), "the test's script");
  }

  @Override
  public String toString() {
    return node.toString();
  }
}
