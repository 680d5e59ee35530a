package io.github.genesysllm.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Properties;

/**
 * What every report opens with, so that a machine can tell what it reads: {@code schemaVersion} (of
 * the report's JSON Schema, shipped in the jar under {@code schemas/}), {@code pluginVersion},
 * {@code goal}, {@code target}, {@code generatedAt} (ISO-8601, UTC), {@code organization} and
 * {@code apiUrl}; the goal's own fields follow.
 */
public record ReportHeader(
    String goal, String target, String organization, String apiUrl, Instant generatedAt) {

  /**
   * The version of the report schemas: raised when a field is removed or changes meaning, not when
   * one is added.
   */
  public static final int SCHEMA_VERSION = 1;

  private static final String VERSION_RESOURCE = "plugin-version.properties";

  public ReportHeader {
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(apiUrl, "apiUrl");
    generatedAt = generatedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The header, then {@code body}'s fields (a field of both is the header's). */
  public ObjectNode wrap(ObjectNode body) {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    report.put("schemaVersion", SCHEMA_VERSION);
    report.put("pluginVersion", pluginVersion());
    report.put("goal", goal);
    report.put("target", target);
    report.put("generatedAt", generatedAt.toString());
    report.put("organization", organization);
    report.put("apiUrl", apiUrl);
    body.fields()
        .forEachRemaining(
            field -> {
              if (!report.has(field.getKey())) {
                report.set(field.getKey(), field.getValue());
              }
            });
    return report;
  }

  /**
   * The plugin's version, as the build filtered it into a resource.
   *
   * @throws IllegalStateException when the resource is missing or unfiltered: a broken build of the
   *     plugin
   */
  public static String pluginVersion() {
    try (InputStream in = ReportHeader.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the plugin's jar lacks " + VERSION_RESOURCE);
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (version.isBlank() || version.contains("${")) {
        throw new IllegalStateException(
            VERSION_RESOURCE + " holds no version (was it filtered by the build?): " + version);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + VERSION_RESOURCE, e);
    }
  }
}
