package io.github.genesysllm.emulator.execution;

import static io.github.genesysllm.emulator.execution.ActionExecutorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialMaskTest {

  private final CredentialMask mask =
      new CredentialMask(Arrays.asList("s3cr\"et key/1", "s3cr", "", null));

  @Test
  void everyFormOfAValueIsMaskedLongestFirst() {
    assertEquals("a ***** b", mask.mask("a s3cr\"et key/1 b"));
    assertEquals("json *****", mask.mask("json s3cr\\\"et key/1"));
    assertEquals("url *****", mask.mask("url s3cr%22et+key%2F1"));
    assertEquals("uri *****", mask.mask("uri s3cr%22et%20key%2F1"));
    assertEquals("b64 *****", mask.mask("b64 czNjciJldCBrZXkvMQ=="));
    assertEquals("short *****", mask.mask("short s3cr"));
    assertTrue(mask.occursIn("xs3crx"));
    assertFalse(mask.occursIn("nothing here"));
  }

  @Test
  void jsonIsCopiedWithEveryStringAndNameMasked() {
    JsonNode node = json("{'s3cr': ['s3cr', 1, {'k': 'v s3cr'}], 'n': null}");
    assertEquals(json("{'*****': ['*****', 1, {'k': 'v *****'}], 'n': null}"), mask.mask(node));
    assertEquals(json("{'s3cr': ['s3cr', 1, {'k': 'v s3cr'}], 'n': null}"), node);
  }

  @Test
  void noCredentialsMaskNothing() {
    JsonNode node = json("{'a': 'b'}");
    assertSame(node, new CredentialMask(List.of()).mask(node));
    assertEquals("text", new CredentialMask(List.of()).mask("text"));
  }
}
