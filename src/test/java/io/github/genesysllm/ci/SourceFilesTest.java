package io.github.genesysllm.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceFilesTest {

  private static final Path POM = Path.of("/w/app/pom.xml");
  private static final Path FILE = Path.of("/w/app/config/providers.yaml");
  private final SourceFiles sources = new SourceFiles(POM, FILE);

  @Test
  void aProblemOfTheFileGivesItsLine() {
    assertEquals(
        new SourceFiles.Location(FILE, 14),
        sources.locate("providers.yaml:14 provider 'A' field 'basUrl': unknown field"));
    assertEquals(
        new SourceFiles.Location(FILE, 3),
        sources.locate("providers.yaml:3:7: not valid YAML: mapping values"));
    assertEquals(
        new SourceFiles.Location(FILE, null),
        sources.locate("providers.yaml: the file is empty: give it a 'providers' list"));
  }

  @Test
  void aProblemOfThePomGivesThePomWithoutLine() {
    assertEquals(
        new SourceFiles.Location(POM, null),
        sources.locate("the POM (provider #2 'B') field 'timeout': must be 1000 to 300000"));
  }

  @Test
  void anythingElseHasNoPlace() {
    assertNull(sources.locate("environment variable GENESYSCLOUD_ACCESS_TOKEN: not set"));
    assertNull(sources.locate("providers.yamlx:3 another file"));
    assertNull(sources.locate(null));
    assertNull(new SourceFiles(null, null).locate("the POM (provider #1)"));
  }
}
