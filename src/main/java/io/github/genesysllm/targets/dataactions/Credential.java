package io.github.genesysllm.targets.dataactions;

import java.util.Objects;

/**
 * An integration credential as the server shows it: never its fields (the API key), only what it is
 * called and of which type.
 */
public record Credential(String id, String name, String typeName) {

  public Credential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeName, "typeName");
  }
}
