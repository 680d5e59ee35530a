package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import java.util.Map;
import java.util.Objects;

/**
 * What became of one configured provider on unregistering: {@code id} and {@code resourceIds} of
 * what existed for it (null and empty when nothing did, see {@link Footprint}); {@code note} says
 * how an {@link UnregisterAction#ABSENT} one that was listed came to be absent, {@code problem} why
 * one {@link UnregisterAction#FAILED} ({@link ProviderProblems}). Never holds a secret.
 */
public record ProviderRemoval(
    String name,
    UnregisterAction action,
    String id,
    Map<String, String> resourceIds,
    String note,
    Problem problem) {

  public ProviderRemoval {
    Objects.requireNonNull(action, "action");
    resourceIds = Footprint.ordered(resourceIds);
  }

  /** A removal of a target whose providers are one resource each. */
  public ProviderRemoval(
      String name, UnregisterAction action, String id, String note, Problem problem) {
    this(name, action, id, Map.of(), note, problem);
  }

  /** A removal of what existed at {@code at}. */
  public static ProviderRemoval of(
      String name, UnregisterAction action, Footprint at, String note, Problem problem) {
    return new ProviderRemoval(name, action, at.id(), at.resourceIds(), note, problem);
  }

  /** Why it failed, in {@code wording}, on its line; null when it did not. */
  public String error(Wording wording) {
    return problem == null ? null : ProviderProblems.line(problem, name, wording);
  }

  /**
   * The build log line: {@code DELETED Name (id ...)}, {@code ABSENT Name}, {@code FAILED Name (id
   * ...): why}, the problem in {@code wording}.
   */
  public String describe(Wording wording) {
    StringBuilder line = new StringBuilder(String.format("%-9s %s", action, name));
    if (id != null) {
      line.append(" (id ").append(id).append(')');
    }
    if (note != null) {
      line.append(": ").append(note);
    }
    if (problem != null) {
      line.append(": ").append(error(wording));
    }
    return line.toString();
  }

  /**
   * The report entry: {@code name}, {@code id} when known, {@code resources} when there are any,
   * {@code action}, then {@code note} when there is one, {@code error} (the problem in {@code
   * wording}) and {@code problem} (its fields, {@link ProviderProblems#toJson}) when it failed.
   */
  public ObjectNode toJson(Wording wording) {
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
    if (problem != null) {
      node.put("error", error(wording));
      node.set("problem", ProviderProblems.toJson(problem));
    }
    return node;
  }
}
