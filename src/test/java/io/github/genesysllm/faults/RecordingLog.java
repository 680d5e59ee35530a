package io.github.genesysllm.faults;

import io.github.genesysllm.log.BuildLog;
import java.util.ArrayList;
import java.util.List;

/** A build log at debug level that keeps its lines as {@code "INFO message"}; thread-safe. */
final class RecordingLog implements BuildLog {

    private final List<String> lines = new ArrayList<>();

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

    private synchronized void add(String line) {
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines at that level ({@code INFO}), without the level. */
    synchronized List<String> lines(String level) {
        return lines.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1)).toList();
    }

    String text() {
        return String.join("\n", lines());
    }
}
