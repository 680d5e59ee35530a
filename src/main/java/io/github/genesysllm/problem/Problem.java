package io.github.genesysllm.problem;

import java.util.Objects;

/**
 * One thing wrong: where it is, what is wrong, how to fix it (null when nothing the user can do
 * helps; a fix without words when {@code what} already says the rule to follow) and, for a server's
 * answer, its {@code ININ-Correlation-Id} (else null). {@code what} never holds a secret; it may
 * name settings and places only through {@link #fix} and {@link #where}.
 */
public record Problem(Place where, String what, Fix fix, String correlationId) {

  public Problem {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(what, "what");
  }

  /** A problem at {@code where} with no server answer behind it. */
  public static Problem at(Place where, String what, Fix fix) {
    return new Problem(where, what, fix, null);
  }

  /** The same problem saying {@code what} instead (the original's words with more around them). */
  public Problem withWhat(String what) {
    return new Problem(where, what, fix, correlationId);
  }

  /** The same problem at {@code where} instead. */
  public Problem withWhere(Place where) {
    return new Problem(where, what, fix, correlationId);
  }

  /** The hint key of its fix, or null. */
  public HintKey hint() {
    return fix == null ? null : fix.key();
  }

  /**
   * One line: the place (when there is one), what is wrong, the fix, the correlation id; each part
   * spelled by {@code wording}. The caller makes it safe to print.
   */
  public String render(Wording wording) {
    StringBuilder line = new StringBuilder();
    if (!(where instanceof Place.Nowhere)) {
      line.append(wording.place(where)).append(": ");
    }
    line.append(what);
    String how = fix == null ? "" : wording.fix(fix);
    if (!how.isEmpty()) {
      line.append(endsSentence(what) ? " " : "; ").append(how);
    }
    if (correlationId != null) {
      line.append(" (ININ-Correlation-Id ").append(correlationId).append(')');
    }
    return line.toString();
  }

  private static boolean endsSentence(String text) {
    return text.endsWith(".") || text.endsWith(":");
  }

  @Override
  public String toString() {
    return render(Wording.PLAIN);
  }
}
