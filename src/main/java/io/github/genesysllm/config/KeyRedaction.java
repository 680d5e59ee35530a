package io.github.genesysllm.config;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks API keys in problems. A key that reached a problem through another field (a placeholder put
 * in baseUrl, say) must not show there, not even cut short as problems cut long values: every run
 * of text that starts like a key and goes on as it does is masked.
 */
final class KeyRedaction {

  /** Shorter keys are not masked: that would garble the problems, and no real key is that short. */
  private static final int MIN_REDACTED = 4;

  /**
   * How much of a key's start must show for the text to be masked: problems cut values at 76
   * characters.
   */
  private static final int REDACTION_HEAD = 12;

  private final List<String> keys;

  KeyRedaction(List<String> keys) {
    this.keys = keys.stream().filter(key -> key.length() >= MIN_REDACTED).toList();
  }

  /** {@code problems} with every key masked in what they say and in their fix's words. */
  List<Problem> apply(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem problem : problems) {
      Fix fix = problem.fix();
      if (fix != null) {
        List<Object> parts = new ArrayList<>();
        for (Object part : fix.parts()) {
          parts.add(part instanceof String text ? masked(text) : part);
        }
        fix = new Fix(fix.key(), parts);
      }
      out.add(new Problem(problem.where(), masked(problem.what()), fix, problem.correlationId()));
    }
    return out;
  }

  /** {@code text} with every key masked. */
  String masked(String text) {
    for (String key : keys) {
      text = masked(text, key);
    }
    return text;
  }

  private static String masked(String text, String key) {
    String head = key.substring(0, Math.min(key.length(), REDACTION_HEAD));
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    for (int at = text.indexOf(head); at >= 0; at = text.indexOf(head, from)) {
      int end = at + head.length();
      while (end < text.length()
          && end - at < key.length()
          && text.charAt(end) == key.charAt(end - at)) {
        end++;
      }
      out.append(text, from, at).append("****");
      from = end;
    }
    return out.append(text.substring(from)).toString();
  }
}
