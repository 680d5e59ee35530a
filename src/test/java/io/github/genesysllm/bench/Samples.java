package io.github.genesysllm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The repeated measurements of one figure: reported as the median, with the min and max beside it.
 */
final class Samples {

  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  int count() {
    return values.size();
  }

  /** The {@code index}th measurement, in the order taken. */
  double at(int index) {
    return values.get(index);
  }

  double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  double min() {
    return sorted().get(0);
  }

  double max() {
    return sorted().get(values.size() - 1);
  }

  /**
   * {@code 12.3 (11.9–13.0)}: the median, then min–max when they differ; each with {@code pattern}.
   */
  String format(String pattern) {
    String median = String.format(Locale.ROOT, pattern, median());
    String min = String.format(Locale.ROOT, pattern, min());
    String max = String.format(Locale.ROOT, pattern, max());
    return min.equals(max) ? median : median + " (" + min + "–" + max + ")";
  }

  private List<Double> sorted() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no measurement was taken");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }
}
