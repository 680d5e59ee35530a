package io.github.genesysllm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** For tests: a named pipe, which a reader that opens it waits on until a writer comes. */
public final class Fifo {

  private Fifo() {}

  /** Makes {@code path} a named pipe with {@code mkfifo}; skips the test where there is none. */
  public static Path at(Path path) throws IOException, InterruptedException {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    } catch (IOException e) {
      Assumptions.abort("no mkfifo on this system: " + e.getMessage());
      throw e;
    }
    Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
    Assumptions.assumeTrue(Files.exists(path) && !Files.isRegularFile(path));
    return path;
  }
}
