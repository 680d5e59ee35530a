package io.github.genesysllm.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.provider.WhiteSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One configured provider as a JSON object (so the POM's and the file's go through the same
 * checks), with where it was configured: it formats each problem as {@code <where> provider
 * '<name>' field '<field>': <message>}.
 */
final class ProviderEntry {

  private static final int MAX_NAME_SHOWN = 60;

  private final ObjectNode node;
  private final int number;

  /** Null for a POM provider. */
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

  /** The {@code number}th (from 1) {@code <provider>} of the POM. */
  static ProviderEntry fromPom(int number, ProviderConfig config) {
    ObjectNode node = ProviderJson.MAPPER.createObjectNode();
    if (config != null) {
      putIfSet(node, "name", config.getName());
      putIfSet(node, "providerType", config.getProviderType());
      putIfSet(node, "baseUrl", config.getBaseUrl());
      putIfSet(node, "apiKeyEnv", config.getApiKeyEnv());
      putIfSet(node, "apiKeyServerId", config.getApiKeyServerId());
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

  /** Its place among the POM's providers or the file's, from 1. */
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

  /**
   * {@code providers.yaml:12}, or {@code the POM (provider #2 'Name')}: for DesiredProvider and
   * messages.
   */
  String origin() {
    if (fromFile()) {
      return fileName + ":" + tree.positionOf(pointer).line();
    }
    return "the POM (provider #"
        + number
        + (name() == null ? "" : " '" + shorten(name()) + "'")
        + ")";
  }

  /** The file's name ({@code providers.yaml}), or null for a POM provider. */
  String fileName() {
    return fileName;
  }

  /**
   * One problem of this provider: {@code field} is a path like the contract's {@code
   * models[0].maxTokens}, or null for the provider as a whole.
   */
  String problem(String field, String message) {
    return where(field)
        + " "
        + label()
        + (field == null ? "" : " field '" + shorten(field) + "'")
        + ": "
        + message;
  }

  private String where(String field) {
    if (!fromFile()) {
      return "the POM (provider #" + number + ")";
    }
    String at = field == null ? pointer : pointer + toPointer(field);
    return fileName + ":" + tree.positionOf(at).line();
  }

  private String label() {
    return name() == null ? "provider #" + number : "provider '" + shorten(name()) + "'";
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
