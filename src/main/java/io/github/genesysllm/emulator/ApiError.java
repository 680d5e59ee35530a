package io.github.genesysllm.emulator;

import java.util.List;

/**
 * A refusal of the emulated API: the HTTP status and the contract's error {@code code}, the
 * message, the {@code entityId} of a conflict and the fields of an {@code invalid.value}. The
 * emulator turns it into the contract's ErrorBody; the {@link ProviderStore} throws it to tests
 * that seed providers.
 */
public final class ApiError extends RuntimeException {

  private final int status;
  private final String code;
  private final String entityId;
  private final List<String> fields;

  public ApiError(int status, String code, String message, String entityId, List<String> fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.entityId = entityId;
    this.fields = List.copyOf(fields);
  }

  public ApiError(int status, String code, String message) {
    this(status, code, message, null, List.of());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The provider that holds a name, on a {@code general.conflict}; null otherwise. */
  public String entityId() {
    return entityId;
  }

  /** One contract field name per broken rule, on an {@code invalid.value}. */
  public List<String> fields() {
    return fields;
  }
}
