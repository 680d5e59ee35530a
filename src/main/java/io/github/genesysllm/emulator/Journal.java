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

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    synchronized void record(JournalEntry entry) {
        entries.add(entry);
    }

    synchronized List<JournalEntry> snapshot() {
        List<JournalEntry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparingLong(JournalEntry::sequence));
        return List.copyOf(copy);
    }

    /**
     * Writes the journal as {@code {"requests":[{"method","path","status","fault","faultRule","correlationId"}]}},
     * {@code status} being a number or {@code "dropped"}, {@code fault} and {@code faultRule} present
     * only for requests a fault applied to.
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
