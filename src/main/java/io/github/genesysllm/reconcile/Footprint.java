package io.github.genesysllm.reconcile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a configured provider stands in the organization, as log lines, reports and build
 * properties show it: {@code id}, {@code selfUri} and {@code version} of the target's main resource
 * (each null when the target has none to show), and {@code resourceIds}: the ids of its other
 * resources under keys the target chooses ({@code integrationId}, {@code actions.<model>.id}), in
 * the target's order. The core shows them without knowing what they are. Never holds a secret.
 */
public record Footprint(String id, String selfUri, Long version, Map<String, String> resourceIds) {

  /** Nothing exists (yet): a provider to create, or one that failed before it existed. */
  public static final Footprint NONE = new Footprint(null, null, null, Map.of());

  public Footprint {
    resourceIds = ordered(resourceIds);
  }

  /** A copy that keeps the target's order and cannot be changed. */
  static Map<String, String> ordered(Map<String, String> resourceIds) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(resourceIds));
  }
}
