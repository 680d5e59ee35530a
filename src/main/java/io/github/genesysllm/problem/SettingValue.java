package io.github.genesysllm.problem;

import java.util.Objects;

/** A setting given a value, as a fix asks for it ({@code target=dataActions}). */
public record SettingValue(Setting setting, String value) {

  public SettingValue {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(value, "value");
  }
}
