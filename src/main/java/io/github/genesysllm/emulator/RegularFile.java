package io.github.genesysllm.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The emulator's check before it reads a file it is given (fault script, state file): a directory,
 * pipe, device or socket is refused with the path, before it is opened, since reading a pipe would
 * wait for a writer for ever.
 */
final class RegularFile {

  private RegularFile() {}

  /**
   * @param what how messages name the file: {@code The emulator fault script}
   * @throws IOException naming the path when it exists and is not a regular file
   */
  static void requireIfExists(Path file, String what) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException(what + " " + file + " is a directory: point it at a JSON file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new IOException(
          what
              + " "
              + file
              + " is not a regular file (a pipe, a device or a socket): point it at a JSON file");
    }
  }
}
