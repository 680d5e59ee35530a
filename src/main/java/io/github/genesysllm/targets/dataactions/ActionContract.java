package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Objects;

/**
 * A data action's contract: its input schema and its success schema (JSON Schema draft-04), kept as
 * the raw JSON the server stores. Fixed once the action is published: a different contract means
 * deleting the action and creating it again, under a new id.
 */
public record ActionContract(JsonNode inputSchema, JsonNode successSchema) {

  /**
   * Numbers compare by value: the server may write {@code 1} where the plugin wrote {@code 1.0}.
   */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  public ActionContract {
    inputSchema = Objects.requireNonNull(inputSchema, "inputSchema").deepCopy();
    successSchema = Objects.requireNonNull(successSchema, "successSchema").deepCopy();
  }

  /** Whether both schemas are the same JSON (member order aside, numbers by value). */
  public boolean sameAs(ActionContract other) {
    return inputSchema.equals(NUMBERS_BY_VALUE, other.inputSchema)
        && successSchema.equals(NUMBERS_BY_VALUE, other.successSchema);
  }

  @Override
  public JsonNode inputSchema() {
    return inputSchema.deepCopy();
  }

  @Override
  public JsonNode successSchema() {
    return successSchema.deepCopy();
  }
}
