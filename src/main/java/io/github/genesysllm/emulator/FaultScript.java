package io.github.genesysllm.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ordered, deterministic faults that the emulator injects, read from a JSON file:
 *
 * <pre>{@code
 * {"rules": [
 *   {"method": "POST", "path": "/api/v2/ai/llm/providers", "action": "status", "status": 503, "retryAfter": "2", "times": 1},
 *   {"method": "*", "path": "/api/v2/ai/llm/providers*", "action": "reset", "after": 2, "times": 1},
 *   {"method": "GET", "path": "/api/v2/ai/llm/providers", "action": "delay", "delayMillis": 1500, "times": 3},
 *   {"method": "PUT", "path": "/api/v2/ai/llm/providers/*", "action": "commitThenDrop", "every": 5, "times": -1},
 *   {"method": "GET", "path": "/api/v2/ai/llm/providers", "action": "respond", "status": 200,
 *    "body": {"entities": [], "pageSize": 100, "pageNumber": 1, "total": 0, "pageCount": 0}, "times": 1}
 * ]}
 * }</pre>
 *
 * <p>What a rule matches:
 *
 * <ul>
 *   <li>{@code method}: an HTTP method, exactly, or {@code *} for any (default {@code *}).
 *   <li>{@code path} (required): the request path, exactly, or, ending with {@code *}, a prefix
 *       ({@code *} alone matches every path). The query string is not part of the path.
 * </ul>
 *
 * When it fires:
 *
 * <ul>
 *   <li>{@code after}: how many matching requests it lets through before it can fire (default 0).
 *   <li>{@code every}: it fires on every n-th match after those (default 1: each one).
 *   <li>{@code times}: how many times it fires in all (default 1; -1 for no limit).
 * </ul>
 *
 * Rules are checked in order for each request; the first that fires decides, and the rules after it
 * do not see (nor count) that request. A rule that has fired {@code times} times sees nothing more.
 * Counting also covers the token endpoint ({@code /oauth/token}) and {@code /api/v2/tokens/me}.
 *
 * <p>What it does ({@code action}):
 *
 * <ul>
 *   <li>{@code status}: answers {@code status} (400 to 599) with the contract's ErrorBody whose
 *       {@code code} is the contract's for that status ({@code 503 -> service.unavailable}, ...; on
 *       {@code /oauth/token} an OAuth error body instead); {@code code} overrides the code, and
 *       {@code retryAfter} (a string sent verbatim, so fractional seconds or an HTTP-date can be
 *       tested) adds a {@code Retry-After} header. Nothing is applied.
 *   <li>{@code respond}: answers {@code status} (200 to 599) with {@code body} (any JSON; none when
 *       left out) and the optional {@code retryAfter}. Nothing is applied.
 *   <li>{@code reset}: closes the connection without any answer. Nothing is applied.
 *   <li>{@code delay}: waits {@code delayMillis} (0 to 600000), then handles the request normally.
 *   <li>{@code commitThenDrop}: handles the request normally (a POST creates, a PUT updates), then
 *       closes the connection without answering: the caller cannot know that it was applied.
 * </ul>
 *
 * A field a rule's action does not use is refused, so that a typo does not go unnoticed.
 */
public final class FaultScript {

  /** What a rule does to a request it fires on. */
  enum Action {
    STATUS("status"),
    RESPOND("respond"),
    RESET("reset"),
    DELAY("delay"),
    COMMIT_THEN_DROP("commitThenDrop");

    final String jsonName;

    Action(String jsonName) {
      this.jsonName = jsonName;
    }
  }

  /** A rule that fired: what to do, and the rule's index for the journal. */
  record Fault(
      int ruleIndex,
      Action action,
      int status,
      String code,
      String retryAfter,
      JsonNode body,
      long delayMillis) {}

  private static final Set<String> COMMON_FIELDS =
      Set.of("method", "path", "action", "after", "every", "times");
  private static final Map<Action, Set<String>> ACTION_FIELDS =
      Map.of(
          Action.STATUS, Set.of("status", "code", "retryAfter"),
          Action.RESPOND, Set.of("status", "body", "retryAfter"),
          Action.RESET, Set.of(),
          Action.DELAY, Set.of("delayMillis"),
          Action.COMMIT_THEN_DROP, Set.of());
  private static final long MAX_DELAY_MILLIS = 600_000;

  private static final class Rule {
    final String method;
    final String path;
    final boolean prefix;
    final long after;
    final long every;
    final long times;
    final Fault fault;
    long seen;
    long fired;

    Rule(String method, String path, long after, long every, long times, Fault fault) {
      this.method = method;
      this.prefix = path.endsWith("*");
      this.path = prefix ? path.substring(0, path.length() - 1) : path;
      this.after = after;
      this.every = every;
      this.times = times;
      this.fault = fault;
    }

    boolean applies(String requestMethod, String requestPath) {
      return (times < 0 || fired < times)
          && ("*".equals(method) || method.equals(requestMethod))
          && (prefix ? requestPath.startsWith(path) : requestPath.equals(path));
    }
  }

  private final List<Rule> rules;

  private FaultScript(List<Rule> rules) {
    this.rules = rules;
  }

  /** A script without rules. */
  public static FaultScript none() {
    return new FaultScript(List.of());
  }

  /**
   * Reads a fault script file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and the rule when it is not a valid script
   */
  public static FaultScript load(Path file) throws IOException {
    RegularFile.requireIfExists(file, "The emulator fault script");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("The emulator fault script " + file + " cannot be read: " + e, e);
    }
    return parse(json, file.toString());
  }

  /**
   * Parses a fault script; {@code origin} (a file name, say) starts every error message.
   *
   * @throws IllegalArgumentException naming the origin and the rule when it is not a valid script
   */
  public static FaultScript parse(String json, String origin) {
    String where = "The emulator fault script " + origin;
    JsonNode root;
    try {
      root = ProviderJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("rules").isArray()) {
      throw new IllegalArgumentException(
          where + " must be a JSON object with a 'rules' list, as {\"rules\": [...]}");
    }
    List<Rule> rules = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.get("rules")) {
      rules.add(parseRule(node, index, where + ": rules[" + index + "]"));
      index++;
    }
    return new FaultScript(List.copyOf(rules));
  }

  private static Rule parseRule(JsonNode node, int index, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " must be an object with method, path and action");
    }
    String actionName = text(node, "action", null, where);
    Action action = null;
    for (Action candidate : Action.values()) {
      if (candidate.jsonName.equals(actionName)) {
        action = candidate;
      }
    }
    if (action == null) {
      throw new IllegalArgumentException(
          where
              + ": 'action' must be one of status, respond, reset, delay,"
              + " commitThenDrop, got "
              + (actionName == null ? "nothing" : "'" + actionName + "'"));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!COMMON_FIELDS.contains(field) && !ACTION_FIELDS.get(action).contains(field)) {
        throw new IllegalArgumentException(
            where
                + ": the field '"
                + field
                + "' is not one that action '"
                + actionName
                + "' uses (it takes "
                + ACTION_FIELDS.get(action)
                + " beyond "
                + COMMON_FIELDS
                + ")");
      }
    }
    String method = text(node, "method", "*", where);
    String path = text(node, "path", null, where);
    if (path == null
        || !(path.startsWith("/") || path.equals("*"))
        || path.indexOf('*') != path.lastIndexOf('*')
        || (path.contains("*") && !path.endsWith("*"))
        || path.contains("?")) {
      throw new IllegalArgumentException(
          where
              + ": 'path' must be a request path starting with '/', with an"
              + " optional '*' at the end for a prefix and no query, got "
              + (path == null ? "nothing" : "'" + path + "'"));
    }
    long after = number(node, "after", 0, 0, Long.MAX_VALUE, where);
    long every = number(node, "every", 1, 1, Long.MAX_VALUE, where);
    long times = number(node, "times", 1, -1, Long.MAX_VALUE, where);
    if (times == 0) {
      throw new IllegalArgumentException(
          where + ": 'times' must be at least 1, or -1 for no limit, got 0");
    }
    int status = 0;
    if (action == Action.STATUS || action == Action.RESPOND) {
      long min = action == Action.STATUS ? 400 : 200;
      if (!node.has("status")) {
        throw new IllegalArgumentException(
            where
                + ": action '"
                + actionName
                + "' needs 'status', an HTTP status from "
                + min
                + " to 599");
      }
      status = (int) number(node, "status", 0, min, 599, where);
    }
    String retryAfter = null;
    if (node.has("retryAfter")) {
      JsonNode value = node.get("retryAfter");
      if (!value.isTextual() && !value.isNumber()) {
        throw new IllegalArgumentException(
            where + ": 'retryAfter' must be a string (sent verbatim), got " + value);
      }
      retryAfter = value.asText();
    }
    long delayMillis = 0;
    if (action == Action.DELAY) {
      if (!node.has("delayMillis")) {
        throw new IllegalArgumentException(
            where + ": action 'delay' needs 'delayMillis', 0 to " + MAX_DELAY_MILLIS);
      }
      delayMillis = number(node, "delayMillis", 0, 0, MAX_DELAY_MILLIS, where);
    }
    String code = text(node, "code", null, where);
    JsonNode body = node.has("body") ? node.get("body").deepCopy() : null;
    return new Rule(
        method,
        path,
        after,
        every,
        times,
        new Fault(index, action, status, code, retryAfter, body, delayMillis));
  }

  private static String text(JsonNode node, String field, String fallback, String where) {
    JsonNode value = node.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(
          where + ": '" + field + "' must be a non-empty string, got " + value);
    }
    return value.asText();
  }

  private static long number(
      JsonNode node, String field, long fallback, long min, long max, String where) {
    JsonNode value = node.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.asLong() < min
        || value.asLong() > max) {
      throw new IllegalArgumentException(
          where
              + ": '"
              + field
              + "' must be an integer from "
              + min
              + (max == Long.MAX_VALUE ? " up" : " to " + max)
              + ", got "
              + value);
    }
    return value.asLong();
  }

  /** The number of rules. */
  public int size() {
    return rules.size();
  }

  /**
   * Counts the request against the rules, in order, and gives the fault of the first that fires.
   */
  synchronized Optional<Fault> decide(String method, String path) {
    for (Rule rule : rules) {
      if (!rule.applies(method, path)) {
        continue;
      }
      rule.seen++;
      long eligible = rule.seen - rule.after;
      if (eligible > 0 && eligible % rule.every == 0) {
        rule.fired++;
        return Optional.of(rule.fault);
      }
    }
    return Optional.empty();
  }
}
