package io.github.genesysllm.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.genesysllm.provider.ProviderJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** The JSON Schemas the jar ships for the goals' reports, for tests of any target. */
public final class ReportSchemas {

  private ReportSchemas() {}

  /** The schema of {@code kind}'s report ({@code register}, {@code verify}, {@code unregister}). */
  public static Schema schema(String kind) throws IOException {
    try (InputStream in =
        ReportSchemas.class.getResourceAsStream("/schemas/" + kind + "-report.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(ProviderJson.MAPPER.readTree(in));
    }
  }

  /** Asserts that {@code report}, a whole report with its header, is valid by its schema. */
  public static void assertValid(String kind, JsonNode report) throws IOException {
    assertEquals(List.of(), schema(kind).validate(report), kind + " report: " + report);
  }

  /**
   * Asserts that {@code body}, wrapped in the header {@code goal} writes for {@code target}, is
   * valid.
   */
  public static void assertValidBody(String goal, String target, ObjectNode body)
      throws IOException {
    assertValid(
        goal, new ReportHeader(goal, target, "Org", "http://127.0.0.1", Instant.now()).wrap(body));
  }
}
