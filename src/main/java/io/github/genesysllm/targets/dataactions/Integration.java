package io.github.genesysllm.targets.dataactions;

import java.util.Objects;

/**
 * An integration as the server shows it.
 *
 * @param typeId {@code integrationType.id}: {@code custom-rest-actions} for Web Services Data
 *     Actions
 * @param intendedState {@code ENABLED} or {@code DISABLED} (what was asked)
 * @param reportedState {@code reportedState.code}: {@code ACTIVE}, {@code ACTIVATING}, {@code
 *     INACTIVE}, {@code DEACTIVATING} or {@code ERROR} (what is), null when the server shows none
 * @param reportedDetail the reported state's message, or null
 */
public record Integration(
    String id,
    String name,
    String typeId,
    String intendedState,
    String reportedState,
    String reportedDetail) {

  public static final String TYPE = "custom-rest-actions";
  public static final String ENABLED = "ENABLED";
  public static final String DISABLED = "DISABLED";
  public static final String ACTIVE = "ACTIVE";
  public static final String ERROR = "ERROR";

  public Integration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeId, "typeId");
  }

  public boolean isDataActions() {
    return TYPE.equals(typeId);
  }
}
