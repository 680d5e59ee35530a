package io.github.genesysllm.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path dir;

  @Test
  void writesTheWholeFileCreatingItsDirectoriesAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a/b/report.json");

    AtomicFile.write(target, bytes("one"), AtomicFile.Existing.REPLACE);
    AtomicFile.write(target, bytes("two"), AtomicFile.Existing.REPLACE);

    assertEquals("two", Files.readString(target));
    assertEquals(List.of(target), filesUnder(dir));
  }

  @Test
  void refusingKeepsTheExistingFileAsItWas() throws IOException {
    Path target = dir.resolve("providers.yaml");
    Files.writeString(target, "mine");

    assertThrows(
        FileAlreadyExistsException.class,
        () -> AtomicFile.write(target, bytes("theirs"), AtomicFile.Existing.REFUSE));

    assertEquals("mine", Files.readString(target));
    assertEquals(List.of(target), filesUnder(dir));
  }

  @Test
  void aParentThatIsAFileFailsWithoutWriting() throws IOException {
    Path file = dir.resolve("file");
    Files.writeString(file, "x");

    assertThrows(
        IOException.class,
        () ->
            AtomicFile.write(file.resolve("report.json"), bytes("y"), AtomicFile.Existing.REPLACE));
    assertEquals(List.of(file), filesUnder(dir));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
