package io.github.genesysllm.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests the emulator received, in the order they arrived: each takes a sequence number on
 * arrival and is recorded once it is answered (or dropped).
 */
final class Journal {

  private final AtomicLong sequence = new AtomicLong();
  private final List<JournalEntry> entries = new ArrayList<>();
  private Path liveFile;

  long nextSequence() {
    return sequence.incrementAndGet();
  }

  synchronized void record(JournalEntry entry) {
    entries.add(entry);
    if (liveFile != null) {
      try {
        writeTo(liveFile);
      } catch (IOException e) {
        // a test reading the file will say it is missing; the emulator itself goes on serving
        liveFile = null;
      }
    }
  }

  /**
   * Keeps {@code file} up to date after every request (rewriting it whole: meant for the small runs
   * of a build's tests), so that it is there even when the build fails before {@code
   * emulator-stop}: a JVM shutdown hook cannot do it, Maven has closed the plugin's class loader by
   * then.
   */
  synchronized void writeContinuouslyTo(Path file) throws IOException {
    writeTo(file);
    liveFile = file;
  }

  synchronized List<JournalEntry> snapshot() {
    List<JournalEntry> copy = new ArrayList<>(entries);
    copy.sort(Comparator.comparingLong(JournalEntry::sequence));
    return List.copyOf(copy);
  }

  /**
   * Writes the journal as {@code
   * {"requests":[{"method","path","status","fault","faultRule","correlationId"}]}}, {@code status}
   * being a number or {@code "dropped"}, {@code fault} and {@code faultRule} present only for
   * requests a fault applied to.
   */
  void writeTo(Path file) throws IOException {
    ObjectNode root = ProviderJson.MAPPER.createObjectNode();
    ArrayNode requests = root.putArray("requests");
    for (JournalEntry entry : snapshot()) {
      ObjectNode node = requests.addObject();
      node.put("sequence", entry.sequence());
      node.put("method", entry.method());
      node.put("path", entry.path());
      if (entry.dropped()) {
        node.put("status", "dropped");
      } else {
        node.put("status", entry.status());
      }
      if (entry.fault() != null) {
        node.put("fault", entry.fault());
        node.put("faultRule", entry.faultRule());
      }
      if (entry.correlationId() != null) {
        node.put("correlationId", entry.correlationId());
      }
    }
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    ProviderJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(absolute.toFile(), root);
  }
}
