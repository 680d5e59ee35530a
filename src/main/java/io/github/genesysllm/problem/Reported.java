package io.github.genesysllm.problem;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An exception that carries its problems as data, so that the edge renders them in its own words
 * instead of showing the message, which uses {@link Wording#PLAIN}.
 */
public interface Reported {

  /** Every problem, in the order found; never empty. */
  List<Problem> problems();

  /**
   * The line above the problems when there are several ("3 problems in the provider
   * configuration..."), or null to show the problems alone.
   */
  default String header() {
    return null;
  }

  /**
   * Problems as one text, the one way every wording lays them out: the problem's line alone when
   * there is one and no header, else the header and one {@code " - "} line per problem, the first
   * {@code max} of them and then how many more.
   *
   * @param header the header, already safe to print, or null
   * @param line one problem's line, worded and made safe to print by the caller
   */
  static String text(
      String header, List<Problem> problems, Function<Problem, String> line, int max) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problem to tell");
    }
    if (header == null && problems.size() == 1) {
      return line.apply(problems.get(0));
    }
    String more =
        problems.size() > max
            ? System.lineSeparator()
                + "  ... and "
                + (problems.size() - max)
                + " more; fix these first"
            : "";
    return (header == null ? "" : header)
        + problems.stream()
            .limit(max)
            .map(problem -> System.lineSeparator() + "  - " + line.apply(problem))
            .collect(Collectors.joining())
        + more;
  }
}
