package io.github.genesysllm.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What is compared of one configured provider, the configuration's side and the organization's
 * alike, in the form the core compares: named values, and named groups of values (one per member of
 * a set, such as a model keyed by its id, {@code models[private-model-v1]}), in the order
 * differences are to be listed. A target builds one for each side from its own types; the core
 * compares them ({@link #differences}), so that every target words and orders its differences the
 * same way. Immutable.
 */
public final class Fields {

  /** Each value is a String or a nested Fields (a group). */
  private final Map<String, Object> entries;

  /** No fields: the organization's side of a provider that does not exist yet. */
  public static final Fields NONE = new Fields(Map.of());

  private Fields(Map<String, Object> entries) {
    this.entries = entries;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Fields} in the order its entries are added. */
  public static final class Builder {
    private final Map<String, Object> entries = new LinkedHashMap<>();

    private Builder() {}

    /** A value, compared as text ({@code String.valueOf}: 30000, true, null). */
    public Builder value(String name, Object value) {
      if (entries.putIfAbsent(name, String.valueOf(value)) != null) {
        throw new IllegalArgumentException("field '" + name + "' is given twice");
      }
      return this;
    }

    /**
     * A group; should a side hold two groups of one name (a server listing a model twice), the
     * first is the one compared.
     */
    public Builder group(String name, Fields group) {
      entries.putIfAbsent(name, Objects.requireNonNull(group, "group"));
      return this;
    }

    public Fields build() {
      return new Fields(new LinkedHashMap<>(entries));
    }
  }

  /**
   * The values in one line, {@code name=Private Model v1, maxTokens=8192, supportsStreaming=true}:
   * how a group that one side lacks is shown.
   */
  public String summary() {
    return entries.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + "="
                    + (e.getValue() instanceof Fields group
                        ? "[" + group.summary() + "]"
                        : e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /**
   * The differences between what the configuration wants and what the organization holds; empty
   * when they agree. Entries come in {@code desired}'s order, then those only {@code actual} has,
   * in its order. A value is compared exactly (a change of case is a difference); a group both
   * sides have is compared entry by entry, its entries named {@code group.entry}; a group one side
   * lacks is one difference whose other side is {@link Difference#ABSENT}.
   */
  public static List<Difference> differences(Fields desired, Fields actual) {
    List<Difference> out = new ArrayList<>();
    compare("", desired, actual, out);
    return out;
  }

  private static void compare(String prefix, Fields desired, Fields actual, List<Difference> out) {
    for (Map.Entry<String, Object> entry : desired.entries.entrySet()) {
      String field = prefix + entry.getKey();
      Object want = entry.getValue();
      Object have = actual.entries.get(entry.getKey());
      if (want instanceof Fields wanted && have instanceof Fields held) {
        compare(field + ".", wanted, held, out);
      } else if (!Objects.equals(want, have)) {
        out.add(new Difference(field, shown(want), shown(have)));
      }
    }
    for (Map.Entry<String, Object> entry : actual.entries.entrySet()) {
      if (!desired.entries.containsKey(entry.getKey())) {
        out.add(
            new Difference(prefix + entry.getKey(), Difference.ABSENT, shown(entry.getValue())));
      }
    }
  }

  private static String shown(Object entry) {
    if (entry == null) {
      return Difference.ABSENT;
    }
    return entry instanceof Fields group ? group.summary() : (String) entry;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fields fields && entries.equals(fields.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "Fields[" + summary() + "]";
  }
}
