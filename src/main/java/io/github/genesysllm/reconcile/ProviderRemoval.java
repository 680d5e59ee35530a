package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ProviderJson;
import java.util.Objects;

/**
 * What became of one configured provider on unregistering: {@code id} of the provider of that name
 * (null when there was none); {@code note} says how an {@link UnregisterAction#ABSENT} one that was
 * listed came to be absent, {@code error} why one {@link UnregisterAction#FAILED}. Never holds a
 * secret.
 */
public record ProviderRemoval(
    String name, UnregisterAction action, String id, String note, String error) {

  public ProviderRemoval {
    Objects.requireNonNull(action, "action");
  }

  /**
   * The build log line: {@code DELETED Name (id ...)}, {@code ABSENT Name}, {@code FAILED Name (id
   * ...): why}.
   */
  public String describe() {
    StringBuilder line = new StringBuilder(String.format("%-9s %s", action, name));
    if (id != null) {
      line.append(" (id ").append(id).append(')');
    }
    if (note != null) {
      line.append(": ").append(note);
    }
    if (error != null) {
      line.append(": ").append(error);
    }
    return line.toString();
  }

  /**
   * The report entry: {@code name}, {@code id} when known, {@code action}, then {@code note} or
   * {@code error} when there is one.
   */
  public ObjectNode toJson() {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    node.put("name", name);
    if (id != null) {
      node.put("id", id);
    }
    node.put("action", action.name());
    if (note != null) {
      node.put("note", note);
    }
    if (error != null) {
      node.put("error", error);
    }
    return node;
  }
}
