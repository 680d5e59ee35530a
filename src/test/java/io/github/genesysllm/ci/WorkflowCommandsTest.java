package io.github.genesysllm.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowCommandsTest {

  @Test
  void propertiesAndMessageAreEscapedAsTheRunnerUnescapesThem() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("file", "config/providers,eu.yaml");
    properties.put("line", "14");
    properties.put("title", "genesys-llm:verify (ci) @ app");

    assertEquals(
        "::warning file=config/providers%2Ceu.yaml,line=14,title=genesys-llm%3Averify (ci) @ app"
            + "::100%25 drifted:%0Atimeout: 30000 -> 60000%0D%0Aend",
        WorkflowCommands.command(
            "warning", properties, "100% drifted:\ntimeout: 30000 -> 60000\r\nend"));
  }

  @Test
  void aValueCannotStartAnotherCommand() {
    String command =
        WorkflowCommands.command(
            "error", Map.of("title", "x\n::add-mask::y"), "name\n::stop-commands::token");

    assertEquals(1, command.lines().count(), command);
    assertEquals("::error title=x%0A%3A%3Aadd-mask%3A%3Ay::name%0A::stop-commands::token", command);
  }

  @Test
  void nullPropertiesAreLeftOutAndNoPropertiesLeaveNoSpace() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("file", "pom.xml");
    properties.put("line", null);

    assertEquals("::error file=pom.xml::m", WorkflowCommands.command("error", properties, "m"));
    assertEquals("::notice::m", WorkflowCommands.command("notice", Map.of(), "m"));
  }
}
