package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces credential values with {@value #MASK} wherever they appear in what an execution shows
 * (contract section 7.1): as they are, JSON-escaped, URL-encoded or Base64-encoded, longest first
 * so no part of a longer value is left. Public for the execution routes, which mask an {@code
 * /execute} failure's message once more before it leaves the emulator.
 */
public final class CredentialMask {

  static final String MASK = "*****";

  private static final EscHelper ESC = new EscHelper();
  private static final EncodingHelper ENCODING = new EncodingHelper();

  private final List<String> forms;

  public CredentialMask(Collection<String> values) {
    Set<String> all = new LinkedHashSet<>();
    for (String value : values) {
      if (value == null || value.isEmpty()) {
        continue;
      }
      all.add(value);
      all.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
      all.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
      all.add(ESC.uriEncode(value));
      all.add(ENCODING.base64(value));
    }
    this.forms = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** Whether {@code text} holds a credential value in any of its forms. */
  boolean occursIn(String text) {
    return text != null && forms.stream().anyMatch(text::contains);
  }

  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String form : forms) {
      masked = masked.replace(form, MASK);
    }
    return masked;
  }

  /** A copy of {@code node} with every string (and field name) masked. */
  JsonNode mask(JsonNode node) {
    if (node == null || forms.isEmpty()) {
      return node;
    }
    if (node.isTextual()) {
      return occursIn(node.textValue()) ? TextNode.valueOf(mask(node.textValue())) : node;
    }
    if (node.isObject()) {
      ObjectNode copy = ActionJson.MAPPER.createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(mask(field.getKey()), mask(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ActionJson.MAPPER.createArrayNode();
      node.forEach(element -> copy.add(mask(element)));
      return copy;
    }
    return node;
  }
}
