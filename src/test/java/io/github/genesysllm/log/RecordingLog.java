package io.github.genesysllm.log;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * For tests: a build log that keeps its lines as {@code "INFO message"}; thread-safe; can react to
 * each line.
 */
public final class RecordingLog implements BuildLog {

  private final List<String> lines = new ArrayList<>();
  private volatile Consumer<String> listener = line -> {};

  @Override
  public void debug(String message) {
    add("DEBUG " + message);
  }

  @Override
  public void info(String message) {
    add("INFO " + message);
  }

  @Override
  public void warn(String message) {
    add("WARN " + message);
  }

  private void add(String line) {
    synchronized (this) {
      lines.add(line);
    }
    listener.accept(line);
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines at that level, without the level. */
  public synchronized List<String> lines(String level) {
    return lines.stream()
        .filter(l -> l.startsWith(level + " "))
        .map(l -> l.substring(level.length() + 1))
        .toList();
  }

  public String text() {
    return String.join("\n", lines());
  }

  public void onLine(Consumer<String> listener) {
    this.listener = listener;
  }
}
