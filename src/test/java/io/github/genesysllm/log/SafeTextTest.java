package io.github.genesysllm.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

  static Stream<Arguments> controls() {
    return Stream.of(
        Arguments.of("Gateway\n[INFO] BUILD SUCCESS", "Gateway\\n[INFO] BUILD SUCCESS"),
        Arguments.of("a\rb", "a\\rb"),
        Arguments.of("a\tb", "a\\tb"),
        Arguments.of("a\u001B[2Kb", "a\\u001b[2Kb"),
        Arguments.of("a\u0085b", "a\\u0085b"),
        Arguments.of("a\u007Fb\u009Bc", "a\\u007fb\\u009bc"),
        Arguments.of("a\u2028b", "a\\u2028b"),
        Arguments.of("a\u2029b", "a\\u2029b"),
        Arguments.of("a\u202Eb", "a\\u202eb"),
        Arguments.of("a\u2066b\u2069", "a\\u2066b\\u2069"),
        Arguments.of("a\u0000b", "a\\u0000b"));
  }

  @ParameterizedTest
  @MethodSource("controls")
  void controlCharactersAreEscaped(String text, String printed) {
    assertEquals(printed, SafeText.of(text));
    assertEquals(printed, SafeText.of(printed), "already safe text stays as it is");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Modèle français 日本語",
        "emoji 👩‍💻 with a joiner",
        "a\u00A0no-break space",
        "C:\\build\\providers.yaml",
        "user@example.com is no URL",
        "https://example.com/path?q=a@b"
      })
  void printableTextIsKept(String text) {
    assertEquals(text, SafeText.of(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:secret@host.example/v1|https://****@host.example/v1",
        "Invalid apiUrl 'http://u:p@127.0.0.1:8080': no|Invalid apiUrl 'http://****@127.0.0.1:8080': no",
        "HTTPS://only-user@host|HTTPS://****@host",
        "https://user:p@ss@host/x|https://****@host/x",
        "a https://a:b@h1 and ftp://c:d@h2/|a https://****@h1 and ftp://****@h2/",
      })
  void theUserInfoOfAUrlIsMasked(String text, String printed) {
    assertEquals(printed, SafeText.of(text));
  }

  @org.junit.jupiter.api.Test
  void nullStaysNull() {
    assertNull(SafeText.of(null));
  }
}
