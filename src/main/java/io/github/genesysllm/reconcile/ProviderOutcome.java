package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What became of one configured provider. {@code id}, {@code selfUri}, {@code version} and {@code
 * resourceIds} are its {@link Footprint} as it was left in the organization (null and empty when
 * nothing exists: {@link Action#WOULD_CREATE}, or a failure before it existed); {@code changes} are
 * the fields an update set or a dry run's create would send (empty for a create made); {@code
 * error} says why it {@link Action#FAILED}, null otherwise. Never holds a secret.
 */
public record ProviderOutcome(
    String name,
    Action action,
    String id,
    String selfUri,
    Long version,
    Map<String, String> resourceIds,
    List<Difference> changes,
    String error) {

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
      String error) {
    this(name, action, id, selfUri, version, Map.of(), changes, error);
  }

  private ProviderOutcome(
      String name, Action action, Footprint at, List<Difference> changes, String error) {
    this(name, action, at.id(), at.selfUri(), at.version(), at.resourceIds(), changes, error);
  }

  /** A provider left at {@code at}. */
  public static ProviderOutcome of(
      String name, Action action, Footprint at, List<Difference> changes) {
    return new ProviderOutcome(name, action, at, changes, null);
  }

  /** A provider whose change failed, last known at {@code at} ({@link Footprint#NONE}). */
  public static ProviderOutcome failed(String name, Footprint at, String error) {
    return new ProviderOutcome(name, Action.FAILED, at, List.of(), error);
  }

  /**
   * An exception's message for a log line or a report: a {@link GenesysApiException}'s own message
   * (it says what the server answered); a {@link Reported} one's problems in the plugin's own
   * words, each at the provider itself said without that place, which the outcome names already;
   * any other's class and message. Withheld, should it ever contain the provider's key.
   */
  public static String errorText(RuntimeException e, Secret apiKey) {
    String message =
        e instanceof GenesysApiException
            ? String.valueOf(e.getMessage())
            : e instanceof Reported reported ? ofThisProvider(reported) : e.toString();
    return apiKey.occursIn(message)
        ? e.getClass().getName() + " (its message is withheld: it contained the provider's API key)"
        : message;
  }

  private static String ofThisProvider(Reported reported) {
    return reported.problems().stream()
        .map(
            p ->
                p.where() instanceof Place.OfProvider
                    ? new Problem(Place.NOWHERE, p.what(), p.fix(), p.correlationId())
                    : p)
        .map(Problem::toString)
        .collect(Collectors.joining("; "));
  }

  /** Where it was left. */
  public Footprint footprint() {
    return new Footprint(id, selfUri, version, resourceIds);
  }

  /**
   * The build log line: {@code UPDATED Name (id ...): timeout: 30000 -> 60000;
   * models[m1].maxTokens: 8192 -> 16384}, {@code WOULD_CREATE Name}, {@code FAILED Name (id ...):
   * why}.
   */
  public String describe() {
    StringBuilder line = new StringBuilder(String.format("%-9s %s", action, name));
    if (id != null) {
      line.append(" (id ").append(id).append(')');
    }
    if (!changes.isEmpty()) {
      line.append(": ")
          .append(changes.stream().map(Difference::describe).collect(Collectors.joining("; ")));
    }
    if (error != null) {
      line.append(": ").append(error);
    }
    return line.toString();
  }

  /**
   * The report entry: {@code name}, {@code action}, then {@code id}, {@code selfUri}, {@code
   * version} and {@code resources} (the other resource ids) when known, {@code changes}, {@code
   * error} when failed.
   */
  public ObjectNode toJson() {
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
    if (error != null) {
      node.put("error", error);
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
