package io.github.genesysllm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderIdTest {

  static Stream<String> unsafe() {
    return Stream.of(
        "", ".", "..", "a/b", "../x", "a\\b", "a?b", "a#b", "a\nb", "a\rb", "a\u0000b", "a\u2028b");
  }

  @ParameterizedTest
  @MethodSource("unsafe")
  void anIdThatIsNotASafePathSegmentIsRefused(String id) {
    assertNotNull(ProviderId.problem(id));
    assertThrows(IllegalArgumentException.class, () -> ProviderId.asPathSegment(id));
  }

  @Test
  void aUuidStandsAsItIs() {
    String id = "6f1c2a4e-0b7d-4c83-9f3e-2a1b5c6d7e8f";
    assertNull(ProviderId.problem(id));
    assertEquals(id, ProviderId.asPathSegment(id));
  }

  @Test
  void anyOtherIdIsPercentEncoded() {
    assertEquals("a%20b%25%C3%A9~x.y_z-%3B%40", ProviderId.asPathSegment("a b%é~x.y_z-;@"));
    assertEquals("...", ProviderId.asPathSegment("..."), "three dots are a plain name");
  }
}
