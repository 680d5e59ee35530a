package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * What became of one configured provider on unregistering: {@code id} and {@code resourceIds} of
 * what existed for it (null and empty when nothing did, see {@link Footprint}); {@code note} says
 * how an {@link UnregisterAction#ABSENT} one that was listed came to be absent, {@code error} why
 * one {@link UnregisterAction#FAILED}. Never holds a secret.
 */
public record ProviderRemoval(
    String name,
    UnregisterAction action,
    String id,
    Map<String, String> resourceIds,
    String note,
    String error) {

  public ProviderRemoval {
    Objects.requireNonNull(action, "action");
    resourceIds = Footprint.ordered(resourceIds);
  }

  /** A removal of a target whose providers are one resource each. */
  public ProviderRemoval(
      String name, UnregisterAction action, String id, String note, String error) {
    this(name, action, id, Map.of(), note, error);
  }

  /** A removal of what existed at {@code at}. */
  public static ProviderRemoval of(
      String name, UnregisterAction action, Footprint at, String note, String error) {
    return new ProviderRemoval(name, action, at.id(), at.resourceIds(), note, error);
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
   * The report entry: {@code name}, {@code id} when known, {@code resources} when there are any,
   * {@code action}, then {@code note} or {@code error} when there is one.
   */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", name);
    if (id != null) {
      node.put("id", id);
    }
    ProviderOutcome.putResources(node, resourceIds);
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
