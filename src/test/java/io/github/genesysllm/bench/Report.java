package io.github.genesysllm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmark prints: Markdown, on stdout as it is measured, and all of it to a file at the
 * end.
 */
final class Report {

  private final StringBuilder text = new StringBuilder();

  /** Prints {@code markdown} now and keeps it for the file. */
  void add(String markdown) {
    System.out.print(markdown);
    System.out.flush();
    text.append(markdown);
  }

  /** A workload's section: its title, how it was set up, its table and what to read from it. */
  void section(String title, String setup, MarkdownTable table, String notes) {
    add(
        "\n## "
            + title
            + "\n\n"
            + setup
            + "\n\n"
            + table.render()
            + (notes.isEmpty() ? "" : "\n" + notes + "\n"));
  }

  void writeTo(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Files.writeString(absolute, text.toString(), StandardCharsets.UTF_8);
  }

  /** Progress for whoever watches the run, on stderr so that stdout is the report alone. */
  static void progress(String line) {
    System.err.println("[bench] " + line);
  }
}
