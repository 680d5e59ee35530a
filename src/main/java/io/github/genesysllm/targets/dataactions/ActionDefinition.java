package io.github.genesysllm.targets.dataactions;

import java.util.Objects;

/**
 * What a data action is, apart from where it lives: its name, category, configuration and contract.
 * The plugin builds one per configured model ({@link ChatAction}); the server's are read back into
 * the same form to be compared.
 */
public record ActionDefinition(
    String name, String category, ActionConfig config, ActionContract contract) {

  public ActionDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(contract, "contract");
  }
}
