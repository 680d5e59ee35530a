package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.secret.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A credential as the emulator holds it (contract section 10): the field values stay in memory for
 * the execution engine, are never rendered and reach the state file only encrypted.
 *
 * @param name null when the credential was given none
 */
record StoredCredential(
    String id,
    String name,
    String typeName,
    Map<String, Secret> fields,
    String createdDate,
    String modifiedDate) {

  StoredCredential {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The field values in clear, for the execution engine only. */
  Map<String, String> revealedFields() {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((key, value) -> out.put(key, value.reveal()));
    return out;
  }
}
