package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * An integration's {@code config/current}: a PUT sends all of it back with the {@code version}
 * read, changing only what it means to.
 *
 * @param credentialIds {@code credentials}: the credential id mapped under each key ({@code
 *     basicAuth} for Web Services Data Actions)
 */
public record IntegrationConfig(
    String name,
    long version,
    String notes,
    JsonNode properties,
    JsonNode advanced,
    Map<String, String> credentialIds) {

  /** The one credential key of a Web Services Data Actions integration, whatever its type. */
  public static final String CREDENTIAL_KEY = "basicAuth";

  public IntegrationConfig {
    Objects.requireNonNull(name, "name");
    notes = notes == null ? "" : notes;
    properties = Objects.requireNonNull(properties, "properties").deepCopy();
    advanced = Objects.requireNonNull(advanced, "advanced").deepCopy();
    credentialIds = Maps.ordered(credentialIds);
  }

  /** The credential mapped under {@value #CREDENTIAL_KEY}, or null. */
  public String credentialId() {
    return credentialIds.get(CREDENTIAL_KEY);
  }

  /** The same configuration with {@code credentialId} mapped under {@value #CREDENTIAL_KEY}. */
  public IntegrationConfig withCredential(String credentialId) {
    return new IntegrationConfig(
        name, version, notes, properties, advanced, Map.of(CREDENTIAL_KEY, credentialId));
  }

  @Override
  public JsonNode properties() {
    return properties.deepCopy();
  }

  @Override
  public JsonNode advanced() {
    return advanced.deepCopy();
  }
}
