package io.github.genesysllm.emulator;

/**
 * One request the emulator received: its method, its path with the query string, the status it was
 * answered ({@code null} when the connection was dropped without an answer), the fault-script
 * action applied to it and that rule's index (both {@code null} when none), and the {@code
 * ININ-Correlation-Id} of the answer. Never a header value or a body.
 */
public record JournalEntry(
    long sequence,
    String method,
    String path,
    Integer status,
    String fault,
    Integer faultRule,
    String correlationId) {

  /** True when no answer was sent (a {@code reset} or {@code commitThenDrop} fault). */
  public boolean dropped() {
    return status == null;
  }
}
