package io.github.genesysllm.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Setting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceFilesTest {

  private static final Path POM = Path.of("/w/app/pom.xml");
  private static final Path FILE = Path.of("/w/app/config/providers.yaml");
  private final SourceFiles sources = new SourceFiles(POM, FILE);

  @Test
  void aPlaceInTheConfigurationFileGivesItsLine() {
    assertEquals(
        new SourceFiles.Location(FILE, 14), sources.locate(new Place.InFile("providers.yaml", 14)));
    assertEquals(
        new SourceFiles.Location(FILE, null),
        sources.locate(new Place.InFile("providers.yaml", 0)),
        "the whole file has no line");
  }

  @Test
  void aProviderOfTheBuildFileGivesTheBuildFileWithoutLine() {
    assertEquals(new SourceFiles.Location(POM, null), sources.locate(new Place.InlineProvider(2)));
  }

  @Test
  void anythingElseHasNoPlace() {
    assertNull(sources.locate(Place.NOWHERE));
    assertNull(sources.locate(new Place.OfSetting(Setting.CONFIG_FILE)));
    assertNull(sources.locate(new Place.ServerEntry("genesys-cloud")));
    assertNull(sources.locate(new Place.InFile("other.yaml", 3)), "another file");
    assertNull(sources.locate(null));
    assertNull(new SourceFiles(null, null).locate(new Place.InlineProvider(1)));
    assertNull(new SourceFiles(POM, null).locate(new Place.InFile("providers.yaml", 3)));
  }
}
