package io.github.genesysllm.emulator.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

  private static final TemplateRenderer RENDERER = new TemplateRenderer();

  private static Map<String, Object> input(Object... pairs) {
    Map<String, Object> input = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      input.put((String) pairs[i], pairs[i + 1]);
    }
    return Map.of("input", input);
  }

  private static String render(String template, Map<String, Object> variables) throws Exception {
    return RENDERER.render("requestTemplate", template, variables, Deadline.inSeconds(10));
  }

  private static TemplateRenderer.Failure failure(String template, Map<String, Object> variables) {
    return assertThrows(TemplateRenderer.Failure.class, () -> render(template, variables));
  }

  @Test
  void formalReferencesRenderTheirValue() throws Exception {
    assertEquals(
        "Say hello / 16",
        render(
            "${input.prompt} / ${input.maxTokens}", input("prompt", "Say hello", "maxTokens", 16)));
  }

  @Test
  void aNullFormalReferenceRendersAsWrittenAndASilentOneAsNothing() throws Exception {
    Map<String, Object> in = input("present", "x");
    in = new HashMap<>(in);
    ((Map<String, Object>) in.get("input")).put("nothing", null);
    assertEquals("${input.maxTokens}|", render("${input.maxTokens}|$!{input.maxTokens}", in));
    assertEquals("${input.nothing}|", render("${input.nothing}|$!{input.nothing}", in));
    assertEquals("$unknown|", render("$unknown|$!unknown", in));
  }

  @Test
  void jsonStringEscapesQuotesBackslashesControlCharactersAndKeepsUnicode() throws Exception {
    String prompt = "He said \"hi\\there\"\nline2\ttab\u0001 é 日本 😀 </script>";
    String body =
        render("{\"content\": \"$esc.jsonString(${input.prompt})\"}", input("prompt", prompt));
    JsonNode parsed = ActionJson.parse(body);
    assertEquals(prompt, parsed.get("content").textValue());
    assertTrue(body.contains("\\\"hi\\\\there\\\"\\nline2\\ttab\\u0001 é 日本 😀"), body);
  }

  @Test
  void ifElseEndAndLoops() throws Exception {
    String template =
        "#if(${input.flag})yes#else no#end|#foreach($i in [1..3])$i#end|#set($x = $input.n + 1)$x";
    assertEquals("yes|123|3", render(template, input("flag", true, "n", 2)));
    assertEquals(" no|123|3", render(template, input("flag", false, "n", 2)));
  }

  @Test
  void hyphenatedInputNamesResolve() throws Exception {
    assertEquals("7", render("${input.max-tokens}", input("max-tokens", 7)));
  }

  @Test
  void aMapPropertyIsAlwaysTheEntryNeverAMethod() throws Exception {
    assertEquals("c|${input.empty}", render("${input.class}|${input.empty}", input("class", "c")));
  }

  @Test
  void helpers() throws Exception {
    Map<String, Object> in = input("q", "a b&c/d~é", "n", 7, "s", "2.5");
    assertEquals("a+b%26c%2Fd%7E%C3%A9", render("$esc.url($input.q)", in));
    assertEquals("a+b%26c%2Fd%7E%C3%A9", render("$esc.urlFormEncode($input.q)", in));
    assertEquals("a%20b%26c%2Fd~%C3%A9", render("$esc.uriEncode($input.q)", in));
    assertEquals("dXNlcjpwYXNz", render("$encoding.base64(\"user:pass\")", in));
    assertEquals(
        "9|5|14|3.5|2|2.5|7|4",
        render(
            "$math.add($input.n, 2)|$math.sub($input.n, 2)|$math.mul($input.n, 2)|$math.div($input.n, 2)"
                + "|$math.idiv($input.n, 3)|$math.max($input.s, 1)|$math.abs(-7)|$math.round(3.5)",
            in));
    assertEquals("a\"b\n", render("$esc.jsonDecode('a\\\"b\\n')", in));
    assertEquals("a\\\"b", render("$esc.jsonEncode('a\"b')", in));
  }

  @Test
  void stringMethodsWork() throws Exception {
    assertEquals(
        "HELLO|5|ell",
        render(
            "${input.s.toUpperCase()}|$input.s.length()|$input.s.substring(1, 4)",
            input("s", "hello")));
  }

  @Test
  void unsupportedHelpersAndMethodsAreRefused() {
    Map<String, Object> in = input("s", "x");
    assertTrue(
        failure("$esc.html($input.s)", in)
            .getMessage()
            .contains("$esc.html() is not supported by the emulator"));
    assertTrue(failure("$esc.d", in).getMessage().contains("is not supported"));
    assertTrue(
        failure("$successTemplateUtils.firstFromArray(\"[]\", \"\")", in)
            .getMessage()
            .contains("successTemplateUtils"));
    assertTrue(
        failure("$!urlTool.optionalQueryParam(\"a\", $input.s)", in)
            .getMessage()
            .contains("urlTool"));
    assertTrue(failure("$input.s.noSuchMethod()", in).getMessage().contains("noSuchMethod"));
  }

  @Test
  void noClassOrReflectionAccess() {
    Map<String, Object> in = input("s", "x");
    failure("$input.s.getClass().forName(\"java.lang.Runtime\")", in);
    failure("$input.getClass()", in);
    failure("$input.s.class.forName(\"java.lang.Runtime\")", in);
    failure("$esc.getClass()", in);
    failure("$input.s.repeat(1000000000)", in);
  }

  @Test
  void noFilesAreLoaded() {
    assertTrue(
        failure("#parse(\"/etc/passwd\")", Map.of())
            .getMessage()
            .contains("#parse is not supported"));
    assertTrue(
        failure("#include(\"/etc/passwd\")", Map.of())
            .getMessage()
            .contains("#include is not supported"));
  }

  @Test
  void syntaxErrorsFailWithTheTemplateName() {
    String message = failure("#if($input.x) open", Map.of()).getMessage();
    assertTrue(message.contains("requestTemplate"), message);
  }

  @Test
  void aMethodThatThrowsFails() {
    failure("$input.s.substring(5)", input("s", "ab"));
  }

  @Test
  void runawayLoopsStopAtTheIterationCap() {
    TemplateRenderer.Failure f = failure("#foreach($i in [1..2000000000])#end", Map.of());
    assertFalse(f.timedOut);
    assertTrue(f.getMessage().contains("loops more than"), f.getMessage());
  }

  @Test
  void growingValuesStopAtTheSizeCap() {
    TemplateRenderer.Failure f =
        failure(
            "#set($s = \"0123456789\")#foreach($i in [1..40])#set($s = \"$s$s\")#end$s", Map.of());
    assertFalse(f.timedOut);
    assertTrue(
        f.getMessage().contains("over " + RenderLimits.MAX_CHARS + " characters"), f.getMessage());
  }

  @Test
  void aTemplatePastTheDeadlineFailsAsATimeout() {
    TemplateRenderer.Failure f =
        assertThrows(
            TemplateRenderer.Failure.class,
            () ->
                RENDERER.render(
                    "successTemplate",
                    "#foreach($i in [1..3])$i#end",
                    Map.of(),
                    Deadline.inSeconds(0)));
    assertTrue(f.timedOut);
  }

  @Test
  void listsAndIteration() throws Exception {
    assertEquals("a,b,", render("#foreach($x in $input.l)$x,#end", input("l", List.of("a", "b"))));
  }
}
