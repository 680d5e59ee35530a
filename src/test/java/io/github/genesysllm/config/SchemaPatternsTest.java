package io.github.genesysllm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.ProviderRules;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema's patterns against the plugin's own rules ({@link ProviderRules}, {@link
 * Placeholders}), on many generated values: each pattern must accept exactly what the rule accepts.
 * Patterns run as JSON Schema runs them, as ECMA-262 expressions, where {@code $} is the end of the
 * text.
 */
class SchemaPatternsTest {

  /**
   * White space as the API's rule counts it ({@link io.github.genesysllm.provider.WhiteSpace}):
   * Java's, then NBSP, U+2007, U+202F and NEL, which only Unicode counts; and near misses (U+200B,
   * U+FEFF).
   */
  private static final String SPACES =
      "\t\n\u000B\f\r\u001C\u001F \u1680\u2000\u2006\u2008\u200A\u2028\u2029"
          + "\u205F\u3000"
          + "\u00A0\u2007\u202F\u200B\u0085\uFEFF";

  private static JsonNode schema;

  @BeforeAll
  static void readSchema() throws IOException {
    try (InputStream in =
        SchemaPatternsTest.class.getResourceAsStream("/genesys-llm-providers.schema.json")) {
      assertNotNull(in, "the schema is a resource of the plugin's jar");
      schema = ProviderJson.MAPPER.readTree(in);
    }
  }

  private static Predicate<String> pattern(String pointer) {
    JsonNode node = schema.at(pointer);
    assertTrue(node.isTextual(), "no pattern at " + pointer);
    Pattern compiled = Pattern.compile(ecmaAnchors(node.asText()));
    return text -> compiled.matcher(text).find();
  }

  /**
   * Java's {@code $} also matches before a final line break; ECMA-262's, as JSON Schema's, does
   * not.
   */
  static String ecmaAnchors(String regex) {
    StringBuilder out = new StringBuilder();
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        out.append(c).append(regex.charAt(++i));
      } else if (inClass) {
        inClass = c != ']';
        out.append(c);
      } else if (c == '$') {
        out.append("\\z");
      } else {
        inClass = c == '[';
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int characters(String text) {
    return text.codePointCount(0, text.length());
  }

  private static boolean rulesAccept(ObjectNode body, String field) {
    return ProviderRules.validate(body, ProviderRules.Operation.CONFIGURATION).stream()
        .noneMatch(violation -> violation.field().equals(field));
  }

  private static ObjectNode body(String field, String value) {
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    body.put(field, value);
    return body;
  }

  private static ObjectNode modelBody(String field, String value) {
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    body.putArray("models").addObject().put(field, value);
    return body;
  }

  /** Strings of 0 to {@code max} pieces drawn from {@code pieces}, always the same for a seed. */
  private static List<String> generated(long seed, int count, int max, String... pieces) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(max + 1); n > 0; n--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      out.add(text.toString());
    }
    return out;
  }

  private static String[] characterPieces(String characters) {
    return characters.codePoints().mapToObj(Character::toString).toArray(String[]::new);
  }

  private static void assertAgree(
      List<String> values, Predicate<String> schemaAccepts, Predicate<String> pluginAccepts) {
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    for (String value : values) {
      boolean schemaSays = schemaAccepts.test(value);
      accepted += schemaSays ? 1 : 0;
      if (schemaSays != pluginAccepts.test(value) && disagreements.size() < 20) {
        disagreements.add(
            (schemaSays ? "only the schema accepts " : "only the plugin accepts ")
                + ProviderJson.MAPPER.getNodeFactory().textNode(value));
      }
    }
    assertEquals(List.of(), disagreements);
    assertTrue(
        accepted > 0 && accepted < values.size(), "the values must include valid and invalid ones");
  }

  @Test
  void baseUrl() {
    Predicate<String> url = pattern("/definitions/provider/properties/baseUrl/anyOf/1/pattern");
    List<String> values = new ArrayList<>();
    String[] schemes = {
      "https://", "HTTPS://", "hTtPs://", "http://", "https:/", "https:", "ftp://", ""
    };
    String[] hosts = {
      "h",
      "host",
      "a.b",
      "a.b.c",
      "a.1",
      "1.a",
      "1.2.3.4",
      "255.255.255.255",
      "256.1.1.1",
      "010.0.0.1",
      "0010.0.0.1",
      "1.2.3",
      "1.2.3.4.5",
      "a-b.c",
      "a-.b",
      "-a.b",
      "a..b",
      "a.b.",
      "a_b",
      "123",
      "123.",
      "[::1]",
      "[fe80::1%eth0]",
      "[1:2:3:4:5:6:7:8]",
      "[1:2:3:4:5:6:7:8:9]",
      "[:::]",
      "[::ffff:1.2.3.4]",
      "[x]",
      "",
      "é.com",
      "a b",
      "user@h",
      "user:pw@h",
      "1.2.3.4a",
      "a.b1",
      "a.1b",
      "A.COM"
    };
    String[] ports = {
      "",
      ":",
      ":80",
      ":8443",
      ":0",
      ":65536",
      ":2147483647",
      ":2147483648",
      ":0002147483647",
      ":1234567890",
      ":12345678901",
      ":x",
      ":80x"
    };
    String[] paths = {
      "",
      "/",
      "/a",
      "/a/",
      "//a",
      "/a//b",
      "/a b",
      "/a%20b",
      "/a%2",
      "/a%zz",
      "/a?",
      "/a?x=1",
      "/a#",
      "/a#f",
      "/é",
      "/😀",
      "/a$b",
      "/a${b}",
      "/a|b",
      "/a\\b",
      "/a^b",
      "/a`b",
      "/a[b",
      "/a\"b",
      "/a<b",
      "/a'b",
      "/a:b",
      "/a@b",
      "/a;b=c",
      "/a~b",
      "/a\u00A0b",
      "/a\u0085b",
      "/a\u2028b",
      "/a\u200Bb",
      "/a\tb",
      "/a\n",
      "\n",
      "/.",
      "/..",
      "/a!*()+,"
    };
    for (String scheme : schemes) {
      for (String host : hosts) {
        for (String port : ports) {
          for (String path : paths) {
            values.add(scheme + host + port + path);
          }
        }
      }
    }
    values.addAll(
        generated(1, 50_000, 12, characterPieces("ab1.-:/@?#%[]{}$ é_~!")).stream()
            .map(tail -> "https://" + tail)
            .toList());
    values.add("https://h" + "/a".repeat(1019));
    values.add("https://h" + "/a".repeat(1020));

    assertAgree(
        values,
        value -> url.test(value) && characters(value) <= 2048,
        value -> rulesAccept(body("baseUrl", value), "baseUrl"));
  }

  @Test
  void providerName() {
    Predicate<String> name = pattern("/definitions/provider/properties/name/anyOf/1/pattern");
    List<String> values = generated(2, 50_000, 5, characterPieces("a$" + SPACES));
    values.addAll(List.of("a".repeat(200), "a".repeat(201), " " + "a".repeat(199)));

    assertAgree(
        values,
        value -> name.test(value) && characters(value) >= 1 && characters(value) <= 200,
        value -> rulesAccept(body("name", value), "name"));
  }

  @Test
  void modelName() {
    Predicate<String> name = pattern("/definitions/model/properties/name/anyOf/1/pattern");
    List<String> values = generated(3, 50_000, 4, characterPieces("a" + SPACES));
    values.addAll(List.of("a".repeat(200), "a".repeat(201), " ".repeat(199) + "a"));

    assertAgree(
        values,
        value -> name.test(value) && characters(value) >= 1 && characters(value) <= 200,
        value -> rulesAccept(modelBody("name", value), "models[0].name"));
  }

  @Test
  void apiVersion() {
    Predicate<String> version =
        pattern("/definitions/provider/properties/apiVersion/anyOf/0/pattern");
    List<String> values = generated(4, 20_000, 4, characterPieces("aZ9._-:/ $\n"));
    values.addAll(List.of("v".repeat(32), "v".repeat(33)));

    assertAgree(
        values,
        value -> version.test(value) && characters(value) >= 1 && characters(value) <= 32,
        value -> rulesAccept(body("apiVersion", value), "apiVersion"));
  }

  @Test
  void modelId() {
    Predicate<String> id = pattern("/definitions/model/properties/id/anyOf/1/pattern");
    List<String> values = generated(5, 20_000, 4, characterPieces("aZ9._-:/ $@\n"));
    values.addAll(List.of("m".repeat(128), "m".repeat(129)));

    assertAgree(
        values,
        value -> id.test(value) && characters(value) >= 1 && characters(value) <= 128,
        value -> rulesAccept(modelBody("id", value), "models[0].id"));
  }

  // ---- placeholders: the syntax is the loader's, whatever the environment holds

  private static final String[] PLACEHOLDER_PIECES = {
    "$", "{", "}", "${", "$${", "env.", "env", ".", "X", "7", "e", " ", "\t", "\u3000", "\u00A0"
  };

  /** Resolves every placeholder to {@code value}: only syntax can fail. */
  private static Placeholders.Resolution resolveAll(String text, String value) {
    Properties anyProperty =
        new Properties() {
          @Override
          public String getProperty(String key) {
            return value;
          }
        };
    Function<String, String> anyVariable = variable -> value;
    return new Placeholders(anyVariable, anyProperty).resolve(text);
  }

  @Test
  void placeholdersAreWellFormedExactlyWhenTheLoaderResolvesThem() {
    Predicate<String> wellFormed = pattern("/definitions/placeholders/not/pattern").negate();
    Predicate<String> hasPlaceholders = pattern("/definitions/placeholders/pattern");
    Predicate<String> literal = pattern("/definitions/literal/not/pattern").negate();
    List<String> values = generated(6, 200_000, 6, PLACEHOLDER_PIECES);

    assertAgree(values, wellFormed, value -> resolveAll(value, "v").problems().isEmpty());
    assertAgree(values, hasPlaceholders, value -> value.contains("${"));
    assertAgree(values, literal, value -> resolveAll(value, "v").value().equals(value));
  }

  @Test
  void integerPlaceholdersAreDigitsAndPlaceholders() {
    Predicate<String> integer = pattern("/definitions/integerPlaceholders/pattern");
    List<String> values = generated(7, 200_000, 6, PLACEHOLDER_PIECES);

    assertAgree(
        values,
        integer,
        value -> {
          Placeholders.Resolution resolution = resolveAll(value, "7");
          return resolution.problems().isEmpty()
              && resolution.hadPlaceholders()
              && resolution.value().matches("[0-9]+");
        });
  }

  @Test
  void booleanPlaceholdersAreLettersOfTrueOrFalseAndPlaceholders() {
    Predicate<String> bool = pattern("/definitions/booleanPlaceholders/pattern");
    String[] pieces = {
      "$", "{", "}", "${", "$${", "env.", "env", "X", "t", "rue", "fals", "e", " ", "7"
    };
    List<String> values = generated(8, 200_000, 6, pieces);

    assertAgree(
        values,
        bool,
        value -> {
          Placeholders.Resolution resolution = resolveAll(value, "e");
          return resolution.problems().isEmpty()
              && resolution.hadPlaceholders()
              && resolution.value().matches("[aeflrstu]+");
        });
  }

  /** Every pattern of the schema, wherever it stands. */
  private static List<String> allPatterns() {
    List<String> patterns = new ArrayList<>();
    collectPatterns(schema, patterns);
    return patterns;
  }

  private static void collectPatterns(JsonNode node, List<String> out) {
    node.properties()
        .forEach(
            field -> {
              if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                out.add(field.getValue().asText());
              } else {
                collectPatterns(field.getValue(), out);
              }
            });
    if (node.isArray()) {
      node.forEach(element -> collectPatterns(element, out));
    }
  }

  @Test
  void longValuesDoNotExhaustTheStackOfAJavaValidator() throws InterruptedException {
    // Java's regex engine recurses once per repetition of a group: patterns must repeat groups only
    // per
    // placeholder, label or escape, never per character, or long values overflow (networknt,
    // IntelliJ)
    List<String> values =
        List.of(
            "k".repeat(20_000),
            "k$".repeat(5_000),
            "https://h" + "/a".repeat(5_000),
            "https://h" + "/%20".repeat(2_000),
            "https://" + "a.".repeat(500) + "com",
            "${a}".repeat(100),
            " ".repeat(20_000) + "a",
            "a" + " ".repeat(20_000),
            "9".repeat(20_000),
            "$${".repeat(5_000));
    List<String> patterns = allPatterns();
    assertTrue(patterns.size() >= 10, "patterns found: " + patterns.size());
    List<Throwable> failures = new ArrayList<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              for (String regex : patterns) {
                Pattern compiled = Pattern.compile(ecmaAnchors(regex));
                values.forEach(value -> compiled.matcher(value).find());
              }
            },
            "small-stack",
            512 * 1024);
    thread.setUncaughtExceptionHandler((t, e) -> failures.add(e));
    thread.start();
    thread.join();
    assertEquals(List.of(), failures);
  }
}
