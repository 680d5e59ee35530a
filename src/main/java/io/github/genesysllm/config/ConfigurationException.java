package io.github.genesysllm.config;

import io.github.genesysllm.log.SafeText;
import java.util.List;

/**
 * The build's configuration is wrong, so nothing was sent to Genesys Cloud. It carries every
 * problem found, not only the first, so that one build shows the user all there is to fix. No
 * problem ever holds a secret value: only the names of where secrets live. Each problem is one line
 * made safe to print ({@link SafeText}), so that a configured name cannot break the list.
 */
public class ConfigurationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The message lists this many problems at most; {@link #problems()} has them all. */
  static final int MAX_LISTED = 100;

  private final transient List<String> problems;

  /** Problems of the provider configuration; the message counts them and lists one per line. */
  public ConfigurationException(List<String> problems) {
    this(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the provider configuration; nothing was sent to Genesys Cloud:",
        problems);
  }

  /**
   * Problems under a header of the caller's own; the message is the header, then one problem per
   * line (the first {@value #MAX_LISTED}).
   */
  public ConfigurationException(String header, List<String> problems) {
    super(message(header, problems));
    this.problems = problems.stream().map(SafeText::of).toList();
  }

  /** A single problem, which is the whole message. */
  public ConfigurationException(String problem) {
    super(SafeText.of(problem));
    this.problems = List.of(getMessage());
  }

  /** Each problem on its own: where it is, what is wrong and, where it helps, how to fix it. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String header, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a configuration exception needs at least one problem");
    }
    StringBuilder message = new StringBuilder(SafeText.of(header));
    for (String problem : problems.subList(0, Math.min(problems.size(), MAX_LISTED))) {
      message.append(System.lineSeparator()).append("  - ").append(SafeText.of(problem));
    }
    if (problems.size() > MAX_LISTED) {
      // a wrong file of thousands of providers would otherwise flood the build log
      message
          .append(System.lineSeparator())
          .append("  ... and ")
          .append(problems.size() - MAX_LISTED)
          .append(" more; fix these first");
    }
    return message.toString();
  }
}
