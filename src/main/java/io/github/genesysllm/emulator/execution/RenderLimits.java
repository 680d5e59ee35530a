package io.github.genesysllm.emulator.execution;

/**
 * The bounds of the template being rendered on this thread: the action's deadline, a cap on loop
 * iterations and on the length of any value or output. Velocity gives no hook per node, so the
 * sandbox checks these wherever a template can spend time or memory: each method call, property
 * read, loop iteration, inserted reference and written chunk.
 */
final class RenderLimits {

  /** Characters of one value or of a whole rendered template (as the response cap, 5 MB). */
  static final int MAX_CHARS = 5 * 1024 * 1024;

  /** Loop iterations in one template. */
  static final int MAX_ITERATIONS = 100_000;

  private static final ThreadLocal<RenderLimits> CURRENT = new ThreadLocal<>();

  private final Deadline deadline;
  private int iterations;

  private RenderLimits(Deadline deadline) {
    this.deadline = deadline;
  }

  /** Puts the limits in force on this thread until {@link #end()}. */
  static void begin(Deadline deadline) {
    CURRENT.set(new RenderLimits(deadline));
  }

  static void end() {
    CURRENT.remove();
  }

  /** Throws once the deadline has passed. */
  static void check() {
    RenderLimits limits = CURRENT.get();
    if (limits != null && limits.deadline.passed()) {
      throw new Exceeded(true, "the template ran past the action's timeout");
    }
  }

  static void iteration() {
    check();
    RenderLimits limits = CURRENT.get();
    if (limits != null && ++limits.iterations > MAX_ITERATIONS) {
      throw new Exceeded(false, "the template loops more than " + MAX_ITERATIONS + " times");
    }
  }

  /** Throws when {@code value} is a text longer than {@link #MAX_CHARS}. */
  static void size(Object value) {
    check();
    if (value instanceof CharSequence text && text.length() > MAX_CHARS) {
      throw new Exceeded(false, "the template made a value over " + MAX_CHARS + " characters");
    }
  }

  /** A limit was reached; {@code timedOut} when it was the deadline. */
  static final class Exceeded extends RuntimeException {
    final boolean timedOut;

    Exceeded(boolean timedOut, String message) {
      super(message, null, false, false);
      this.timedOut = timedOut;
    }
  }
}
