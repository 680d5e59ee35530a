package io.github.genesysllm.client;

import io.github.genesysllm.log.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build log that keeps its lines, prefixed by level ({@code DEBUG }, {@code INFO }, {@code WARN }). */
final class RecordingLog implements BuildLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<String> lines(String level) {
        return lines.stream().filter(l -> l.startsWith(level + " ")).toList();
    }
}
