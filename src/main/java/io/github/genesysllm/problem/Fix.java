package io.github.genesysllm.problem;

import java.util.List;
import java.util.Objects;

/**
 * How to fix a problem: a {@link HintKey} that says which fix it is, and its words, made of parts:
 * plain text ({@link String}), a {@link Setting}, a {@link SettingValue} or a {@link Place}, which
 * the edge spells for its build tool ({@link Wording}).
 */
public record Fix(HintKey key, List<Object> parts) {

  public Fix {
    Objects.requireNonNull(key, "key");
    parts = List.copyOf(parts);
    for (Object part : parts) {
      if (!(part instanceof String
          || part instanceof Setting
          || part instanceof SettingValue
          || part instanceof Place)) {
        throw new IllegalArgumentException("a fix's part cannot be a " + part.getClass().getName());
      }
    }
  }

  /** The fix {@code key}, worded by {@code parts}. */
  public static Fix of(HintKey key, Object... parts) {
    return new Fix(key, List.of(parts));
  }

  /** The settings this fix names, given a value or not: what a test or a report can check. */
  public List<Setting> settings() {
    return parts.stream()
        .map(
            part ->
                part instanceof Setting setting
                    ? setting
                    : part instanceof SettingValue value ? value.setting() : null)
        .filter(Objects::nonNull)
        .toList();
  }

  /** The words, each part spelled by {@code wording}. */
  public String render(Wording wording) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Setting setting) {
        text.append(wording.setting(setting));
      } else if (part instanceof SettingValue value) {
        text.append(wording.settingValue(value));
      } else if (part instanceof Place place) {
        text.append(wording.place(place));
      } else {
        text.append((String) part);
      }
    }
    return text.toString();
  }
}
