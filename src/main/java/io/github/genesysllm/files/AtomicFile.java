package io.github.genesysllm.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The one way the plugin writes a file (reports, exports, the emulator's state): whole or not at
 * all. The bytes go to a hidden temporary file beside the target, are forced to disk, then renamed
 * over it, so that a reader never sees half a file and a failed write leaves the previous one in
 * place.
 */
public final class AtomicFile {

  /** What to do when the target exists. */
  public enum Existing {
    /** Replace it. */
    REPLACE,
    /** Refuse, with {@link java.nio.file.FileAlreadyExistsException}, even if it appeared late. */
    REFUSE
  }

  private AtomicFile() {}

  /**
   * Writes {@code content} to {@code target}, creating its parent directories.
   *
   * @throws java.nio.file.FileAlreadyExistsException when the target exists and {@code existing} is
   *     {@link Existing#REFUSE}, or a parent is a file
   * @throws IOException when it cannot be written; the caller words it for its user
   */
  public static void write(Path target, byte[] content, Existing existing) throws IOException {
    Path file = target.toAbsolutePath();
    Path dir = file.getParent();
    Files.createDirectories(dir);
    // beside the target, so that the move is a rename on the same file system
    Path temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (existing == Existing.REFUSE) {
        Files.move(temp, file); // refuses a file that appeared since any check
      } else {
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
