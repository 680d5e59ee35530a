package io.github.genesysllm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.log.SafeText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of the contract's section 4, in one place: the emulator applies them to request
 * bodies and the plugin applies them to its configuration before any call, so both sides agree.
 * Every broken rule is reported, not only the first.
 */
public final class ProviderRules {

  public static final String TYPE_CUSTOM = "CUSTOM";
  public static final String DEFAULT_API_VERSION = "v1";
  public static final int DEFAULT_TIMEOUT = 30_000;
  public static final int MIN_TIMEOUT = 1_000;
  public static final int MAX_TIMEOUT = 300_000;
  public static final int MAX_NAME = 200;
  public static final int MAX_BASE_URL = 2_048;
  public static final int MAX_API_KEY = 4_096;
  public static final int MAX_API_VERSION = 32;
  public static final int MAX_MODELS = 50;
  public static final int MAX_MODEL_ID = 128;
  public static final int MAX_MAX_TOKENS = 2_000_000;

  /** The highest TCP port; a URL's port is 1 to this, or none. */
  public static final int MAX_PORT = 65_535;

  private static final Pattern API_VERSION = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._:/-]+");

  /**
   * What the body is for, which decides whether {@code apiKey} and {@code version} are required.
   */
  public enum Operation {
    /** POST: {@code apiKey} required, {@code version} ignored. */
    CREATE,
    /** PUT: {@code version} required, {@code apiKey} optional. */
    UPDATE,
    /**
     * A configuration checked before any call: neither is required, a given {@code apiKey} is
     * checked.
     */
    CONFIGURATION
  }

  private ProviderRules() {}

  /** Checks a JSON object against every rule; an empty list means it is valid. */
  public static List<FieldViolation> validate(JsonNode body, Operation operation) {
    List<FieldViolation> out = new ArrayList<>();
    checkName(body.get("name"), out);
    JsonNode type = body.get("providerType");
    if (isMissing(type)) {
      out.add(new FieldViolation("providerType", "is required; the only accepted value is CUSTOM"));
    } else if (!type.isTextual() || !TYPE_CUSTOM.equals(type.asText())) {
      out.add(
          new FieldViolation(
              "providerType", "must be CUSTOM (the only value accepted), got " + describe(type)));
    }
    checkBaseUrl(body.get("baseUrl"), out);
    JsonNode apiKey = body.get("apiKey");
    if (isMissing(apiKey)) {
      if (operation == Operation.CREATE) {
        out.add(new FieldViolation("apiKey", "is required when a provider is created"));
      }
    } else if (!apiKey.isTextual()
        || apiKey.asText().isEmpty()
        || apiKey.asText().length() > MAX_API_KEY) {
      // never echo the value: it is a secret
      out.add(
          new FieldViolation("apiKey", "must be a string of 1 to " + MAX_API_KEY + " characters"));
    }
    JsonNode apiVersion = body.get("apiVersion");
    if (!isMissing(apiVersion)
        && (!apiVersion.isTextual()
            || apiVersion.asText().isEmpty()
            || apiVersion.asText().length() > MAX_API_VERSION
            || !API_VERSION.matcher(apiVersion.asText()).matches())) {
      out.add(
          new FieldViolation(
              "apiVersion",
              "must be 1 to "
                  + MAX_API_VERSION
                  + " characters of A-Z a-z 0-9 . _ -, got "
                  + describe(apiVersion)));
    }
    JsonNode timeout = body.get("timeout");
    if (!isMissing(timeout) && !isIntegerIn(timeout, MIN_TIMEOUT, MAX_TIMEOUT)) {
      out.add(
          new FieldViolation(
              "timeout",
              "must be an integer number of milliseconds from "
                  + MIN_TIMEOUT
                  + " to "
                  + MAX_TIMEOUT
                  + ", got "
                  + describe(timeout)));
    }
    checkModels(body.get("models"), out);
    if (operation == Operation.UPDATE) {
      JsonNode version = body.get("version");
      if (isMissing(version) || !version.isIntegralNumber() || !version.canConvertToLong()) {
        out.add(
            new FieldViolation(
                "version",
                "is required on update and must be an integer, got " + describe(version)));
      }
    }
    return out;
  }

  private static void checkName(JsonNode name, List<FieldViolation> out) {
    if (isMissing(name)) {
      out.add(new FieldViolation("name", "is required"));
    } else if (!name.isTextual()) {
      out.add(new FieldViolation("name", "must be a string, got " + describe(name)));
    } else {
      String text = name.asText();
      if (WhiteSpace.isBlank(text) || text.length() > MAX_NAME) {
        out.add(
            new FieldViolation(
                "name",
                "must be 1 to "
                    + MAX_NAME
                    + " characters and not blank, got "
                    + text.length()
                    + " characters"));
      } else if (WhiteSpace.isPadded(text)) {
        out.add(
            new FieldViolation(
                "name", "must not start or end with white space, got " + describe(name)));
      }
    }
  }

  private static void checkBaseUrl(JsonNode node, List<FieldViolation> out) {
    if (isMissing(node)) {
      out.add(new FieldViolation("baseUrl", "is required: the https URL of the model endpoint"));
      return;
    }
    if (!node.isTextual()) {
      out.add(new FieldViolation("baseUrl", "must be a string, got " + describe(node)));
      return;
    }
    String problem = baseUrlProblem(node.asText());
    if (problem != null) {
      out.add(new FieldViolation("baseUrl", problem + ", got " + describe(node)));
    }
  }

  /** Why {@code url} is not an acceptable {@code baseUrl}, or null when it is. */
  static String baseUrlProblem(String url) {
    if (url.length() > MAX_BASE_URL) {
      return "must be at most " + MAX_BASE_URL + " characters";
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | IllegalArgumentException e) {
      // java.net.URI throws NumberFormatException on some malformed IPv6 hosts
      return "must be an absolute https URL";
    }
    if (!uri.isAbsolute() || uri.isOpaque() || !"https".equalsIgnoreCase(uri.getScheme())) {
      return "must be an absolute https URL";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "must name a host";
    }
    if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
      return "must have a port from 1 to " + MAX_PORT + " (or none, for 443)";
    }
    if (uri.getRawUserInfo() != null) {
      return "must not contain user info (put credentials in the API key, not the URL)";
    }
    if (uri.getRawQuery() != null) {
      return "must not have a query";
    }
    if (uri.getRawFragment() != null) {
      return "must not have a fragment";
    }
    if (url.endsWith("/")) {
      return "must not end with '/'";
    }
    return null;
  }

  private static void checkModels(JsonNode models, List<FieldViolation> out) {
    if (isMissing(models)) {
      out.add(new FieldViolation("models", "is required: 1 to " + MAX_MODELS + " models"));
      return;
    }
    if (!models.isArray() || models.isEmpty() || models.size() > MAX_MODELS) {
      out.add(
          new FieldViolation(
              "models",
              "must be a list of 1 to "
                  + MAX_MODELS
                  + " models, got "
                  + (models.isArray() ? models.size() + " models" : describe(models))));
      if (!models.isArray()) {
        return;
      }
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < models.size(); i++) {
      String at = "models[" + i + "]";
      JsonNode model = models.get(i);
      if (!model.isObject()) {
        out.add(
            new FieldViolation(
                at, "must be an object with id, name and maxTokens, got " + describe(model)));
        continue;
      }
      JsonNode id = model.get("id");
      if (isMissing(id)) {
        out.add(new FieldViolation(at + ".id", "is required"));
      } else if (!id.isTextual()
          || id.asText().isEmpty()
          || id.asText().length() > MAX_MODEL_ID
          || !MODEL_ID.matcher(id.asText()).matches()) {
        out.add(
            new FieldViolation(
                at + ".id",
                "must be 1 to "
                    + MAX_MODEL_ID
                    + " characters of A-Z a-z 0-9 . _ : / -, got "
                    + describe(id)));
      } else if (!ids.add(id.asText())) {
        out.add(
            new FieldViolation(
                at + ".id",
                "must be unique among the provider's models, got "
                    + describe(id)
                    + " a second time"));
      }
      JsonNode name = model.get("name");
      if (isMissing(name)) {
        out.add(new FieldViolation(at + ".name", "is required"));
      } else if (!name.isTextual()
          || WhiteSpace.isBlank(name.asText())
          || name.asText().length() > MAX_NAME) {
        out.add(
            new FieldViolation(
                at + ".name",
                "must be 1 to " + MAX_NAME + " characters and not blank, got " + describe(name)));
      }
      JsonNode maxTokens = model.get("maxTokens");
      if (isMissing(maxTokens)) {
        out.add(
            new FieldViolation(
                at + ".maxTokens", "is required: an integer from 1 to " + MAX_MAX_TOKENS));
      } else if (!isIntegerIn(maxTokens, 1, MAX_MAX_TOKENS)) {
        out.add(
            new FieldViolation(
                at + ".maxTokens",
                "must be an integer from 1 to " + MAX_MAX_TOKENS + ", got " + describe(maxTokens)));
      }
      JsonNode streaming = model.get("supportsStreaming");
      if (!isMissing(streaming) && !streaming.isBoolean()) {
        out.add(
            new FieldViolation(
                at + ".supportsStreaming", "must be true or false, got " + describe(streaming)));
      }
    }
  }

  private static boolean isMissing(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static boolean isIntegerIn(JsonNode node, long min, long max) {
    return node.isIntegralNumber()
        && node.canConvertToLong()
        && node.asLong() >= min
        && node.asLong() <= max;
  }

  /** A short, quoted rendering of a value for a message (truncated: a value may be huge). */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "nothing";
    }
    // a URL's password never shows, not even in the emulator's answers
    String text =
        node.isTextual() ? "'" + SafeText.maskUserInfo(node.asText()) + "'" : node.toString();
    if (text.length() > 80) {
      text = text.substring(0, 77) + "...";
    }
    String kind =
        node.isTextual()
            ? ""
            : node.isNumber()
                ? ""
                : node.isBoolean() ? "" : " (" + node.getNodeType().name().toLowerCase() + ")";
    return text + kind;
  }
}
