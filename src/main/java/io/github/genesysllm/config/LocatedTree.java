package io.github.genesysllm.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.genesysllm.problem.Fix;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON tree read from a configuration file together with where each value stands in the file, so
 * that every problem can name its line. Positions are kept by JSON pointer ({@code
 * /providers/0/timeout}): an object member is placed at its key, an array element at its first
 * token.
 *
 * <p>Jackson's own tree reading forgets positions and silently keeps the last of two equal keys, so
 * the tree is built here from the streaming parser, which works the same for JSON and YAML.
 *
 * <p>YAML is read as strictly as JSON: a tag ({@code !env X}, {@code !!str}) is refused, a boolean
 * is only {@code true} or {@code false} (any case; YAML 1.1 would also take {@code yes}, {@code
 * on}, {@code y}...), and a number only plain decimal (YAML 1.1 would read {@code 030000} as octal
 * 12288, and take {@code 0x1F}, {@code 0b1}, {@code 1_000}, {@code +5} or {@code .5}). Such a value
 * is a {@link Finding} and is kept as the text written.
 */
final class LocatedTree {

  /** Deeper than any valid configuration (it needs 5 levels); guards the recursion. */
  static final int MAX_DEPTH = 32;

  /** Entries a single list may hold: bounds the {@code providers} list. */
  static final int MAX_LIST_ENTRIES = 10_000;

  /** Values a whole file may hold, so that positions and nodes stay within a modest heap. */
  static final int MAX_VALUES = 300_000;

  /** A number as JSON writes it: the only form a YAML number is taken in. */
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";

  /** A line and column, both counted from 1. */
  record Position(int line, int column) {}

  /**
   * A problem found while reading that does not stop the reading (a duplicate key): what the value
   * at {@code pointer} is wrong in, and the fix.
   */
  record Finding(String pointer, String what, Fix fix) {}

  /**
   * The reading cannot go on: the file is too big or holds something that is not configuration. The
   * message says what of the file is wrong ("holds more than one document").
   */
  static final class Refusal extends Exception {
    private final transient Position position;
    private final transient Fix fix;

    Refusal(Position position, String what, Fix fix) {
      super(what, null, false, false);
      this.position = position;
      this.fix = fix;
    }

    Position position() {
      return position;
    }

    Fix fix() {
      return fix;
    }
  }

  private final JsonNode root;
  private final Map<String, Position> positions;
  private final List<Finding> findings;

  private LocatedTree(JsonNode root, Map<String, Position> positions, List<Finding> findings) {
    this.root = root;
    this.positions = positions;
    this.findings = findings;
  }

  /** The document, or null when the input holds no value at all (empty, or only comments). */
  JsonNode root() {
    return root;
  }

  List<Finding> findings() {
    return findings;
  }

  /**
   * Where the value at {@code pointer} stands, or its closest ancestor's position when it is
   * absent.
   */
  Position positionOf(String pointer) {
    String at = pointer;
    while (true) {
      Position position = positions.get(at);
      if (position != null || at.isEmpty()) {
        return position == null ? new Position(1, 1) : position;
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }

  /** The pointer of member {@code name} of the object at {@code pointer} (RFC 6901 escaping). */
  static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /**
   * Reads the one document of {@code parser}.
   *
   * @throws IOException when the parser finds the text malformed
   * @throws Refusal when the text is well formed but cannot be taken as a configuration
   */
  static LocatedTree read(JsonParser parser) throws IOException, Refusal {
    Builder builder = new Builder(parser);
    if (parser.nextToken() == null) {
      return new LocatedTree(null, Map.of(), List.of());
    }
    JsonNode root = builder.value("", 0);
    if (parser.nextToken() != null) {
      throw new Refusal(
          builder.here(),
          "holds more than one document",
          Fix.of(ConfigHint.WRITE_PLAIN_VALUES, "put everything in one"));
    }
    return new LocatedTree(root, builder.positions, builder.findings);
  }

  private static final class Builder {
    private final JsonParser parser;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, Position> positions = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private int values;

    Builder(JsonParser parser) {
      this.parser = parser;
    }

    Position here() {
      JsonLocation location = parser.currentTokenLocation();
      return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** Reads the value whose first token is the current one. */
    JsonNode value(String pointer, int depth) throws IOException, Refusal {
      if (++values > MAX_VALUES) {
        throw new Refusal(
            here(),
            "holds more than "
                + MAX_VALUES
                + " values, far more than a provider configuration needs",
            Fix.of(ConfigHint.POINT_AT_A_FILE, "is this the right file?"));
      }
      if (depth > MAX_DEPTH) {
        throw new Refusal(
            here(),
            "is nested more than " + MAX_DEPTH + " levels deep",
            Fix.of(
                ConfigHint.POINT_AT_A_FILE,
                "a provider configuration needs 5; is this the right file?"));
      }
      positions.putIfAbsent(pointer, here());
      YAMLParser yaml = parser instanceof YAMLParser y ? y : null;
      if (yaml != null) {
        refuseTag(yaml, pointer);
      }
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
          return object(pointer, depth);
        case START_ARRAY:
          return array(pointer, depth);
        case VALUE_STRING:
          if (yaml != null && yaml.isCurrentAlias()) {
            throw new Refusal(
                here(),
                "uses the YAML alias '*" + parser.getText() + "', which is not supported:",
                Fix.of(ConfigHint.WRITE_PLAIN_VALUES, "write the value out in full"));
          }
          return nodes.textNode(parser.getText());
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          if (yaml != null && !PLAIN_NUMBER.matcher(parser.getText()).matches()) {
            findings.add(
                new Finding(
                    pointer,
                    notPlainDecimal(parser.getText()),
                    Fix.of(
                        ConfigHint.WRITE_PLAIN_VALUES,
                        "write numbers in plain decimal digits (no leading 0, which YAML 1.1 takes"
                            + " for octal; no 0x, 0o, 0b, '_' or '+'; a digit before '.'), or quote"
                            + " the value if it is text")));
            return nodes.textNode(parser.getText());
          }
          return number(parser.getNumberValue());
        case VALUE_TRUE:
        case VALUE_FALSE:
          if (yaml != null && StrictBoolean.of(parser.getText()).isEmpty()) {
            findings.add(
                new Finding(
                    pointer,
                    "is written '" + parser.getText() + "', which YAML 1.1 reads as a boolean:",
                    Fix.of(
                        ConfigHint.WRITE_PLAIN_VALUES,
                        "write true or false, or quote the value if it is text")));
            return nodes.textNode(parser.getText());
          }
          return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          throw new Refusal(
              here(),
              "holds a value that a configuration cannot have (binary data, say):",
              Fix.of(ConfigHint.WRITE_PLAIN_VALUES, "write text, numbers, true or false"));
      }
    }

    /** A YAML tag on the current token (a key, a value, a list or a mapping) is a finding. */
    private void refuseTag(YAMLParser yaml, String pointer) throws IOException {
      String tag = yaml.getTypeId();
      if (tag != null) {
        String written =
            tag.startsWith(CORE_TAG_PREFIX)
                ? "!!" + tag.substring(CORE_TAG_PREFIX.length())
                : "!" + tag;
        findings.add(
            new Finding(
                pointer,
                "carries the YAML tag '" + written + "', and tags are not supported:",
                Fix.of(
                    ConfigHint.WRITE_PLAIN_VALUES,
                    "write the plain value (an environment variable is the placeholder"
                        + " ${env.NAME})")));
      }
    }

    /** What is wrong with a YAML number that is not plain decimal: what YAML would make of it. */
    private String notPlainDecimal(String text) {
      String read;
      try {
        read = "reads as " + parser.getNumberValue();
      } catch (IOException | NumberFormatException e) {
        read = "cannot read as a number";
      }
      return "is written '" + text + "', which YAML " + read + ":";
    }

    private ObjectNode object(String pointer, int depth) throws IOException, Refusal {
      ObjectNode object = nodes.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String member = child(pointer, name);
        if (parser instanceof YAMLParser yaml) {
          refuseTag(yaml, member);
        }
        Position key = here();
        Position first = positions.get(member);
        positions.put(member, key);
        parser.nextToken();
        JsonNode value = value(member, depth + 1);
        if (object.has(name)) {
          // a YAML or JSON reader would silently keep one of the two: say so instead
          findings.add(
              new Finding(
                  member,
                  "appears twice (lines " + first.line() + " and " + key.line() + ")",
                  Fix.of(ConfigHint.REMOVE_DUPLICATE_KEY, "remove one")));
          positions.put(member, first);
        } else {
          object.set(name, value);
        }
      }
      return object;
    }

    private ArrayNode array(String pointer, int depth) throws IOException, Refusal {
      ArrayNode array = nodes.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (array.size() == MAX_LIST_ENTRIES) {
          throw new Refusal(
              here(),
              "has a list of more than " + MAX_LIST_ENTRIES + " entries",
              Fix.of(
                  ConfigHint.GIVE_PROVIDERS_LIST,
                  "a configuration may hold at most " + MAX_LIST_ENTRIES + " providers"));
        }
        array.add(value(child(pointer, array.size()), depth + 1));
      }
      return array;
    }

    private JsonNode number(Number number) {
      if (number instanceof Integer i) {
        return nodes.numberNode(i);
      }
      if (number instanceof Long l) {
        return nodes.numberNode(l);
      }
      if (number instanceof BigInteger b) {
        return nodes.numberNode(b);
      }
      if (number instanceof BigDecimal d) {
        return nodes.numberNode(d);
      }
      return nodes.numberNode(number.doubleValue());
    }
  }
}
