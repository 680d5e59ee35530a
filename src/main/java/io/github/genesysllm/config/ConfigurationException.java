package io.github.genesysllm.config;

import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.problem.Wording;
import java.util.List;

/**
 * The build's configuration is wrong, so nothing was sent to Genesys Cloud. It carries every
 * problem found, not only the first, so that one build shows the user all there is to fix, each
 * with its place and its fix ({@link ConfigHint}). No problem ever holds a secret value: only the
 * names of where secrets live. The message lists every problem in the plugin's own words ({@link
 * Wording#PLAIN}), one line each, made safe to print ({@link SafeText}); the edge words them in its
 * build tool's terms from {@link #problems()}.
 */
public class ConfigurationException extends Exception implements Reported {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;
  private final String header;

  /** Problems of the provider configuration, under a header that counts them. */
  public ConfigurationException(List<Problem> problems) {
    this(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the provider configuration; nothing was sent to Genesys Cloud:",
        problems);
  }

  /** Problems under a header of the caller's own. */
  public ConfigurationException(String header, List<Problem> problems) {
    super(message(header, problems));
    this.problems = List.copyOf(problems);
    this.header = header;
  }

  /** A single problem, which is the whole message. */
  public ConfigurationException(Problem problem) {
    this(null, List.of(problem));
  }

  @Override
  public List<Problem> problems() {
    return problems;
  }

  @Override
  public String header() {
    return header;
  }

  private static String message(String header, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a configuration exception needs at least one problem");
    }
    return Reported.text(
        SafeText.of(header),
        problems,
        problem -> SafeText.of(problem.render(Wording.PLAIN)),
        Integer.MAX_VALUE);
  }
}
