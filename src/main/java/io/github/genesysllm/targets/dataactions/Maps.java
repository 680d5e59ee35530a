package io.github.genesysllm.targets.dataactions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unchangeable copies of maps that keep their order (headers, translation maps, ids). */
final class Maps {

  private Maps() {}

  static <K, V> Map<K, V> ordered(Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
