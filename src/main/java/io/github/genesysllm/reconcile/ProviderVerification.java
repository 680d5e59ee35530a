package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.probe.ProbeResult;
import io.github.genesysllm.provider.ProviderJson;
import java.util.List;
import java.util.Objects;

/**
 * What verification found for one configured provider: {@code id} of the provider of that name
 * (null when {@link VerifyStatus#MISSING}), the {@code differences} that make it {@link
 * VerifyStatus#DRIFTED} (each the configuration's value, {@code expected}, and the server's, {@code
 * actual}), and what its model endpoint answered ({@code probe}, null when not probed). Never holds
 * a secret.
 */
public record ProviderVerification(
    String name, String id, VerifyStatus status, List<Difference> differences, ProbeResult probe) {

  public ProviderVerification {
    Objects.requireNonNull(status, "status");
    differences = List.copyOf(differences);
  }

  /** Whether it was probed and the probe failed. */
  public boolean probeFailed() {
    return probe != null && !probe.ok();
  }

  /**
   * {@code {"name", "id" (unless missing), "status", "differences": [{"field", "expected",
   * "actual"}], "probe" (when probed, see ProbeResult#toJson)}}.
   */
  public ObjectNode toJson() {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    node.put("name", name);
    if (id != null) {
      node.put("id", id);
    }
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
