package io.github.genesysllm.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.WhiteSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One configured provider as a JSON object (so that the build file's providers and the
 * configuration file's go through the same checks), with where it was configured: each of its
 * problems is placed at its line of the file, or at its number among the build file's providers,
 * and says {@code provider '<name>' field '<field>': <what>}.
 */
final class ProviderEntry {

  static final String API_KEY = "apiKey";
  static final String API_KEY_ENV = "apiKeyEnv";
  static final String API_KEY_SERVER_ID = "apiKeyServerId";

  /** The fields a provider has, in the contract's order. */
  static final List<String> PROVIDER_FIELDS =
      List.of(
          "name",
          "providerType",
          "baseUrl",
          API_KEY,
          API_KEY_ENV,
          API_KEY_SERVER_ID,
          "apiVersion",
          "timeout",
          "models");

  /** The fields a model has. */
  static final List<String> MODEL_FIELDS = List.of("id", "name", "maxTokens", "supportsStreaming");

  private static final int MAX_NAME_SHOWN = 60;

  private final ObjectNode node;
  private final int number;

  /** Null for a provider of the build file. */
  private final LocatedTree tree;

  private final String fileName;
  private final String pointer;

  /** Fields whose problem was already reported while the file was read. */
  private final Set<String> reported = new HashSet<>();

  private ProviderEntry(
      ObjectNode node, int number, LocatedTree tree, String fileName, String pointer) {
    this.node = node;
    this.number = number;
    this.tree = tree;
    this.fileName = fileName;
    this.pointer = pointer;
  }

  /** The {@code number}th (from 1) provider written in the build file. */
  static ProviderEntry fromBuildFile(int number, ProviderConfig config) {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    if (config != null) {
      putIfSet(node, "name", config.getName());
      putIfSet(node, "providerType", config.getProviderType());
      putIfSet(node, "baseUrl", config.getBaseUrl());
      putIfSet(node, API_KEY_ENV, config.getApiKeyEnv());
      putIfSet(node, API_KEY_SERVER_ID, config.getApiKeyServerId());
      putIfSet(node, "apiVersion", config.getApiVersion());
      if (config.getTimeout() != null) {
        node.put("timeout", config.getTimeout());
      }
      if (config.getModels() != null) {
        ArrayNode models = node.putArray("models");
        for (ModelConfig model : config.getModels()) {
          models.add(modelNode(model));
        }
      }
    }
    return new ProviderEntry(node, number, null, null, null);
  }

  private static JsonNode modelNode(ModelConfig model) {
    if (model == null) {
      return ProviderJson.MAPPER.nullNode();
    }
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    putIfSet(node, "id", model.getId());
    putIfSet(node, "name", model.getName());
    if (model.getMaxTokens() != null) {
      node.put("maxTokens", model.getMaxTokens());
    }
    String streaming = model.getSupportsStreaming();
    if (streaming != null) {
      // anything but true or false stays text, for the contract's check to refuse with its place
      node.set(
          "supportsStreaming",
          StrictBoolean.of(streaming)
              .<JsonNode>map(BooleanNode::valueOf)
              .orElseGet(() -> TextNode.valueOf(streaming)));
    }
    return node;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /** The {@code index}th (from 0) entry of the file's {@code providers} list. */
  static ProviderEntry fromFile(LocatedTree tree, String fileName, int index, ObjectNode node) {
    return new ProviderEntry(
        node.deepCopy(),
        index + 1,
        tree,
        fileName,
        LocatedTree.child(LocatedTree.child("", "providers"), index));
  }

  /** The provider's fields; changes made to it (resolved placeholders) are kept. */
  ObjectNode node() {
    return node;
  }

  /** Its place among the build file's providers or the configuration file's, from 1. */
  int number() {
    return number;
  }

  boolean fromFile() {
    return tree != null;
  }

  /** Notes that {@code field} has a problem reported already, so that it is not reported again. */
  void markReported(String field) {
    reported.add(field);
  }

  Set<String> reported() {
    return Set.copyOf(reported);
  }

  /** The name as configured, or null when it is not a string that names anything. */
  String name() {
    JsonNode name = node.get("name");
    return name != null && name.isTextual() && !WhiteSpace.isBlank(name.asText())
        ? name.asText()
        : null;
  }

  /** Where the provider is configured: its first line in the file, or its number. */
  Place origin() {
    return place(null);
  }

  /** The file's name ({@code providers.yaml}), or null for a provider of the build file. */
  String fileName() {
    return fileName;
  }

  /**
   * One problem of this provider: {@code field} is a path like the contract's {@code
   * models[0].maxTokens}, or null for the provider as a whole.
   */
  Problem problem(String field, String what, Fix fix) {
    return Problem.at(place(field), label(field) + ": " + what, fix);
  }

  /** A problem found without a place (a placeholder's, say), placed at this provider's field. */
  Problem problem(String field, Problem found) {
    return found.withWhere(place(field)).withWhat(label(field) + ": " + found.what());
  }

  private Place place(String field) {
    if (!fromFile()) {
      return new Place.InlineProvider(number);
    }
    String at = field == null ? pointer : pointer + toPointer(field);
    return new Place.InFile(fileName, tree.positionOf(at).line());
  }

  /** {@code provider 'Gateway' field 'timeout'}, or {@code provider #2} when it has no name. */
  private String label(String field) {
    return (name() == null ? "provider #" + number : "provider '" + shorten(name()) + "'")
        + (field == null ? "" : " field '" + shorten(field) + "'");
  }

  /** {@code models[0].maxTokens} to {@code /models/0/maxTokens}. */
  private static String toPointer(String field) {
    StringBuilder out = new StringBuilder();
    for (String part : field.split("\\.")) {
      int bracket = part.indexOf('[');
      out.append('/').append(bracket < 0 ? part : part.substring(0, bracket));
      if (bracket >= 0) {
        out.append('/').append(part, bracket + 1, part.length() - 1);
      }
    }
    return out.toString();
  }

  /** {@code /models/0/maxTokens} (relative to the provider) to {@code models[0].maxTokens}. */
  static String toField(List<String> segments) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments) {
      if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
        out.append('[').append(segment).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(segment);
      }
    }
    return out.toString();
  }

  static String shorten(String text) {
    return text.length() <= MAX_NAME_SHOWN ? text : text.substring(0, MAX_NAME_SHOWN - 3) + "...";
  }
}
