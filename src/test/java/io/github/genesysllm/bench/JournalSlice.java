package io.github.genesysllm.bench;

import io.github.genesysllm.emulator.Emulator;
import io.github.genesysllm.emulator.JournalEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The requests an emulator received during one run: its journal's entries after a mark taken before
 * the run. Runs against one emulator are sequential, so the entries after the mark are the run's.
 */
final class JournalSlice {

  private final List<JournalEntry> entries;
  private final String providersPath;

  private JournalSlice(List<JournalEntry> entries, String providersPath) {
    this.entries = entries;
    this.providersPath = providersPath;
  }

  /** The mark to take before a run. */
  static int mark(Emulator emulator) {
    return emulator.journal().size();
  }

  static JournalSlice since(Emulator emulator, int mark) {
    List<JournalEntry> journal = emulator.journal();
    return new JournalSlice(
        List.copyOf(journal.subList(mark, journal.size())), emulator.settings().providersPath());
  }

  int requests() {
    return entries.size();
  }

  /** The requests the rate limit counts per token: all but the token requests. */
  int counted() {
    return requests() - byKind().getOrDefault("token", 0);
  }

  int answered(int status) {
    return (int) entries.stream().filter(e -> Objects.equals(e.status(), status)).count();
  }

  /** The positions (1 = the run's first request) of the requests answered {@code status}. */
  List<Integer> positionsOf(int status) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (Objects.equals(entries.get(i).status(), status)) {
        positions.add(i + 1);
      }
    }
    return positions;
  }

  /**
   * Requests per kind, in a fixed order: {@code token, tokens/me, list, POST, GET one, PUT,
   * DELETE}.
   */
  Map<String, Integer> byKind() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String kind :
        List.of("token", "tokens/me", "list", "POST", "GET one", "PUT", "DELETE", "other")) {
      int count = (int) entries.stream().filter(e -> kindOf(e).equals(kind)).count();
      if (count > 0) {
        counts.put(kind, count);
      }
    }
    return counts;
  }

  /** {@code token 1, GET 203, POST 80, ...}: requests per HTTP method, the token's apart. */
  String describeByMethod() {
    Map<String, Long> counts =
        entries.stream()
            .collect(
                Collectors.groupingBy(
                    e -> kindOf(e).equals("token") ? "token" : e.method(),
                    LinkedHashMap::new,
                    Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** {@code token 1, tokens/me 1, list 10}. */
  String describe() {
    return byKind().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private String kindOf(JournalEntry entry) {
    String path = entry.path();
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (bare.equals("/oauth/token")) {
      return "token";
    }
    if (bare.equals("/api/v2/tokens/me")) {
      return "tokens/me";
    }
    if (bare.equals(providersPath)) {
      return entry.method().equals("GET") ? "list" : entry.method();
    }
    if (bare.startsWith(providersPath + "/")) {
      return entry.method().equals("GET") ? "GET one" : entry.method();
    }
    return "other";
  }
}
