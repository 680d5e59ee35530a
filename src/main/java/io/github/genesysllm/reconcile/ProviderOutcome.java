package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What became of one configured provider. {@code id}, {@code selfUri} and {@code version} are those
 * of the provider as it was left on the server (null when there is none: {@link
 * Action#WOULD_CREATE}, or a failure before it existed); {@code changes} are the fields a create or
 * update set (empty for a create); {@code error} says why it {@link Action#FAILED}, null otherwise.
 * Never holds a secret.
 */
public record ProviderOutcome(
    String name,
    Action action,
    String id,
    String selfUri,
    Long version,
    List<Difference> changes,
    String error) {

  public ProviderOutcome {
    changes = List.copyOf(changes);
  }

  static ProviderOutcome of(
      String name, Action action, Provider provider, List<Difference> changes) {
    return new ProviderOutcome(
        name, action, provider.id(), provider.selfUri(), provider.version(), changes, null);
  }

  static ProviderOutcome failed(String name, Provider current, String error) {
    return new ProviderOutcome(
        name,
        Action.FAILED,
        current == null ? null : current.id(),
        current == null ? null : current.selfUri(),
        current == null ? null : current.version(),
        List.of(),
        error);
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
   * version} when known, {@code changes}, {@code error} when failed.
   */
  public ObjectNode toJson() {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
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
    ArrayNode changeNodes = node.putArray("changes");
    changes.forEach(change -> changeNodes.add(change.toJson()));
    if (error != null) {
      node.put("error", error);
    }
    return node;
  }
}
