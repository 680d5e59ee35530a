package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.genesysllm.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a goal's JSON report (register-report.json and the like), pretty-printed. The report is
 * written whole or not at all: a reader never sees half a file, and a failed write leaves the
 * previous report in place. It takes a JSON tree, not any object, so that only what a report
 * builder chose to put in it (never a secret) is written.
 */
public final class ReportWriter {

  private static final ObjectWriter PRETTY = new ObjectMapper().writerWithDefaultPrettyPrinter();

  private ReportWriter() {}

  /**
   * Writes {@code report} to {@code target}, creating its parent directories, replacing a previous
   * report.
   *
   * @throws IOException naming the file when it cannot be written
   */
  public static void write(Path target, JsonNode report) throws IOException {
    Path file = target.toAbsolutePath();
    try {
      byte[] json = (PRETTY.writeValueAsString(report) + "\n").getBytes(StandardCharsets.UTF_8);
      AtomicFile.write(file, json, AtomicFile.Existing.REPLACE);
    } catch (IOException e) {
      throw new IOException(
          "could not write the report "
              + file
              + ": "
              + e
              + " (check that its directory can be created and written, and that the disk is not full)",
          e);
    }
  }
}
