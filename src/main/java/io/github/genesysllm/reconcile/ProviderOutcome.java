package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What became of one configured provider. {@code id}, {@code selfUri}, {@code version} and {@code
 * resourceIds} are its {@link Footprint} as it was left in the organization (null and empty when
 * nothing exists: {@link Action#WOULD_CREATE}, or a failure before it existed); {@code changes} are
 * the fields an update set or a dry run's create would send (empty for a create made); {@code
 * problem} says why it {@link Action#FAILED}, null otherwise ({@link ProviderProblems}). Never
 * holds a secret.
 */
public record ProviderOutcome(
    String name,
    Action action,
    String id,
    String selfUri,
    Long version,
    Map<String, String> resourceIds,
    List<Difference> changes,
    Problem problem) {

  public ProviderOutcome {
    resourceIds = Footprint.ordered(resourceIds);
    changes = List.copyOf(changes);
  }

  /** An outcome of a target whose providers are one resource each. */
  public ProviderOutcome(
      String name,
      Action action,
      String id,
      String selfUri,
      Long version,
      List<Difference> changes,
      Problem problem) {
    this(name, action, id, selfUri, version, Map.of(), changes, problem);
  }

  private ProviderOutcome(
      String name, Action action, Footprint at, List<Difference> changes, Problem problem) {
    this(name, action, at.id(), at.selfUri(), at.version(), at.resourceIds(), changes, problem);
  }

  /** A provider left at {@code at}. */
  public static ProviderOutcome of(
      String name, Action action, Footprint at, List<Difference> changes) {
    return new ProviderOutcome(name, action, at, changes, null);
  }

  /** A provider whose change failed, last known at {@code at} ({@link Footprint#NONE}). */
  public static ProviderOutcome failed(String name, Footprint at, Problem problem) {
    return new ProviderOutcome(name, Action.FAILED, at, List.of(), problem);
  }

  /** Why it failed, in {@code wording}, on its line; null when it did not. */
  public String error(Wording wording) {
    return problem == null ? null : ProviderProblems.line(problem, name, wording);
  }

  /** Where it was left. */
  public Footprint footprint() {
    return new Footprint(id, selfUri, version, resourceIds);
  }

  /**
   * The build log line: {@code UPDATED Name (id ...): timeout: 30000 -> 60000;
   * models[m1].maxTokens: 8192 -> 16384}, {@code WOULD_CREATE Name}, {@code FAILED Name (id ...):
   * why}, the problem in {@code wording}.
   */
  public String describe(Wording wording) {
    StringBuilder line = new StringBuilder(String.format("%-9s %s", action, name));
    if (id != null) {
      line.append(" (id ").append(id).append(')');
    }
    if (!changes.isEmpty()) {
      line.append(": ")
          .append(changes.stream().map(Difference::describe).collect(Collectors.joining("; ")));
    }
    if (problem != null) {
      line.append(": ").append(error(wording));
    }
    return line.toString();
  }

  /**
   * The report entry: {@code name}, {@code action}, then {@code id}, {@code selfUri}, {@code
   * version} and {@code resources} (the other resource ids) when known, {@code changes}, and when
   * failed {@code error} (the problem in {@code wording}) and {@code problem} (its fields, {@link
   * ProviderProblems#toJson}).
   */
  public ObjectNode toJson(Wording wording) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", name);
    node.put("action", action.name());
    if (id != null) {
      node.put("id", id);
    }
    if (selfUri != null) {
      node.put("selfUri", selfUri);
    }
    if (version != null) {
      node.put("version", version);
    }
    putResources(node, resourceIds);
    ArrayNode changeNodes = node.putArray("changes");
    changes.forEach(change -> changeNodes.add(change.toJson()));
    if (problem != null) {
      node.put("error", error(wording));
      node.set("problem", ProviderProblems.toJson(problem));
    }
    return node;
  }

  /** {@code "resources": {key: id, ...}} in the target's order, left out when there are none. */
  static void putResources(ObjectNode node, Map<String, String> resourceIds) {
    if (!resourceIds.isEmpty()) {
      ObjectNode resources = node.putObject("resources");
      resourceIds.forEach(resources::put);
    }
  }
}
