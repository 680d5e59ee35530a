package io.github.genesysllm.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One emulator at a time per state file, in this JVM or another: an emulator holds a lock on {@code
 * <stateFile>.lock} from before it reads the state until it stops, and writes its URL there, so
 * that a second one fails at start naming the first. The lock file stays when the emulator stops
 * (deleting it could let two emulators lock two different files of one name).
 *
 * <p>The lock covers a byte far past the URL, so that the URL can be read while it is held, on
 * every platform.
 */
final class StateLock implements AutoCloseable {

  private static final long LOCKED_POSITION = Long.MAX_VALUE - 1;

  private final FileChannel channel;
  private final FileLock lock;

  private StateLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code stateFile}: {@code state.json.lock} beside {@code state.json}. */
  static Path of(Path stateFile) {
    Path absolute = stateFile.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".lock");
  }

  /**
   * Locks {@code stateFile} for this emulator.
   *
   * @throws IOException naming the emulator that holds it (its URL), or why it cannot be locked
   */
  static StateLock acquire(Path stateFile) throws IOException {
    Path file = of(stateFile);
    FileChannel channel;
    try {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IOException(
          "The emulator cannot lock its state file "
              + stateFile
              + ": "
              + file
              + " cannot be written ("
              + e
              + "); choose a stateFile in a folder the build may write to",
          e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock(LOCKED_POSITION, 1, false);
    } catch (OverlappingFileLockException e) {
      lock = null; // held by an emulator of this JVM
    } catch (IOException e) {
      channel.close();
      throw new IOException("The emulator cannot lock " + file + " (" + e + ")", e);
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new IOException(
          "The emulator state file "
              + stateFile
              + " is in use by another emulator"
              + (holder.isEmpty() ? " (still starting)" : " at " + holder)
              + ", which holds "
              + file
              + ": two emulators on one state file would overwrite each other's providers. Stop"
              + " that one, or give this one another stateFile");
    }
    return new StateLock(channel, lock);
  }

  /** Writes the URL of the emulator that holds the lock, for another one to name it. */
  void announce(URI url) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(url.toString().getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }

  /** Forgets the URL and releases the lock. */
  @Override
  public void close() {
    try (channel) {
      channel.truncate(0);
      lock.release();
    } catch (IOException e) {
      // closing the channel releases the lock whatever failed before
    }
  }
}
