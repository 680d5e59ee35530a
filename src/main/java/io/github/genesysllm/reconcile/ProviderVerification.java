package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What verification found for one configured provider: {@code id} and {@code resourceIds} of what
 * exists for it (see {@link Footprint}; null and empty when {@link VerifyStatus#MISSING}), the
 * {@code differences} that make it {@link VerifyStatus#DRIFTED} (each the configuration's value,
 * {@code expected}, and the organization's, {@code actual}), and what probing its model found
 * ({@code probe}, null when not probed). Never holds a secret.
 */
public record ProviderVerification(
    String name,
    String id,
    Map<String, String> resourceIds,
    VerifyStatus status,
    List<Difference> differences,
    Probed probe) {

  public ProviderVerification {
    Objects.requireNonNull(status, "status");
    resourceIds = Footprint.ordered(resourceIds);
    differences = List.copyOf(differences);
  }

  /** A verification of a target whose providers are one resource each. */
  public ProviderVerification(
      String name, String id, VerifyStatus status, List<Difference> differences, Probed probe) {
    this(name, id, Map.of(), status, differences, probe);
  }

  /** Whether it was probed and the probe failed. */
  public boolean probeFailed() {
    return probe != null && !probe.ok();
  }

  /**
   * {@code {"name", "id" (unless missing), "resources" (when there are any), "status",
   * "differences": [{"field", "expected", "actual"}], "probe" (when probed)}}.
   */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", name);
    if (id != null) {
      node.put("id", id);
    }
    ProviderOutcome.putResources(node, resourceIds);
    node.put("status", status.name());
    ArrayNode entries = node.putArray("differences");
    for (Difference difference : differences) {
      entries
          .addObject()
          .put("field", difference.field())
          .put("expected", difference.expected())
          .put("actual", difference.actual());
    }
    if (probe != null) {
      node.set("probe", probe.toJson());
    }
    return node;
  }
}
