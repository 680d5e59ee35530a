package io.github.genesysllm.problem;

import java.util.List;

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
}
