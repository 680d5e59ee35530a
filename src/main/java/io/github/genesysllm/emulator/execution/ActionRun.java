package io.github.genesysllm.emulator.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One execution of a data action: the eight operations of contract section 7.1 in order, stopping
 * at the first that fails, recorded as a {@code TestExecutionResult} with credential values masked.
 */
final class ActionRun {

  static final String VALIDATE_INPUT = "Validate input against schema";
  static final String RESOLVE_URL = "Resolve request URL template";
  static final String RESOLVE_BODY = "Resolve request body template";
  static final String RESOLVE_HEADERS = "Resolve request headers";
  static final String EXECUTE_REQUEST = "Execute request";
  static final String RESOLVE_TRANSLATION_MAP = "Resolve translation map";
  static final String EXECUTE_SUCCESS_TEMPLATE = "Execute success template";
  static final String VALIDATE_OUTPUT = "Validate output against schema";

  private static final Set<String> PLATFORM_HEADERS =
      Set.of("host", "content-length", "transfer-encoding", "connection", "expect", "upgrade");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern USES_CREDENTIALS = Pattern.compile("\\$!?\\{?credentials\\b");
  private static final int EXCERPT_CHARS = 4000;

  private final ActionConfigFields config;
  private final JsonNode contract;
  private final Map<String, String> credentials;
  private final JsonNode input;
  private final TemplateRenderer renderer;
  private final RemoteCall remote;
  private final CredentialMask mask;
  private final ArrayNode operations = ActionJson.MAPPER.createArrayNode();
  private final Deadline deadline;

  private Map<String, Object> inputVariables;
  private URI url;
  private String body;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String rawResult;
  private JsonNode response;
  private ObjectNode variables;
  private JsonNode output;

  ActionRun(
      JsonNode config,
      JsonNode contract,
      Map<String, String> credentials,
      JsonNode input,
      TemplateRenderer renderer,
      RemoteCall remote) {
    this.config = new ActionConfigFields(config);
    this.contract = contract == null ? ActionJson.MAPPER.createObjectNode() : contract;
    this.credentials = credentials == null ? Map.of() : new HashMap<>(credentials);
    this.input = input;
    this.renderer = renderer;
    this.remote = remote;
    this.mask = new CredentialMask(this.credentials.values());
    this.deadline = Deadline.inSeconds(this.config.timeoutSeconds());
  }

  ExecutionResult execute() {
    ObjectNode result = ActionJson.MAPPER.createObjectNode();
    result.set("operations", operations);
    try {
      step(VALIDATE_INPUT, this::validateInput);
      step(RESOLVE_URL, this::resolveUrl);
      step(RESOLVE_BODY, this::resolveBody);
      step(RESOLVE_HEADERS, this::resolveHeaders);
      step(EXECUTE_REQUEST, this::executeRequest);
      step(RESOLVE_TRANSLATION_MAP, this::resolveTranslationMap);
      step(EXECUTE_SUCCESS_TEMPLATE, this::executeSuccessTemplate);
      step(VALIDATE_OUTPUT, this::validateOutput);
    } catch (StepFailure f) {
      result.set("error", errorBody(f.code, f.status, f.getMessage()));
      result.put("success", false);
      String step = operations.get(operations.size() - 1).path("name").asText();
      return new ExecutionResult(
          (ObjectNode) mask.mask(result),
          false,
          null,
          new ExecutionFailure(step, f.executeStatus, f.executeCode, mask.mask(f.getMessage())));
    }
    result.set("finalResult", output);
    result.put("success", true);
    return new ExecutionResult((ObjectNode) mask.mask(result), true, mask.mask(output), null);
  }

  private interface Step {
    JsonNode run() throws StepFailure;
  }

  private void step(String name, Step step) throws StepFailure {
    ObjectNode operation = operations.addObject();
    operation.put("step", operations.size());
    operation.put("name", name);
    try {
      if (deadline.passed()) {
        throw StepFailure.timeout(deadline, "the steps before " + name);
      }
      JsonNode shown = step.run();
      operation.put("success", true);
      operation.set("result", shown);
    } catch (StepFailure f) {
      operation.put("success", false);
      operation.set("error", errorBody(f.code, f.status, f.getMessage()));
      throw f;
    }
  }

  private JsonNode validateInput() throws StepFailure {
    JsonNode schema = contract.path("input").path("inputSchema");
    if (!schema.isObject()) {
      throw StepFailure.of(
          400, "invalid.schema", "The action has no input contract (contract.input.inputSchema).");
    }
    if (input == null || !input.isObject()) {
      throw StepFailure.of(
          400,
          "invalid.schema",
          "The input must be a JSON object of input values, got "
              + (input == null ? "nothing" : SchemaValidator.typeOf(input))
              + ".");
    }
    if (ContractRules.depth(input) > ContractRules.MAX_DEPTH) {
      throw StepFailure.of(
          400,
          "invalid.schema",
          "The input is nested deeper than " + ContractRules.MAX_DEPTH + " levels.");
    }
    List<String> problems = SchemaValidator.validate(schema, input, "input");
    if (!problems.isEmpty()) {
      throw StepFailure.of(
          400,
          "invalid.schema",
          "The input does not match the input contract: " + String.join("; ", problems));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) ActionJson.toJava(input);
    values.put("rawRequest", ActionJson.write(input));
    inputVariables = values;
    return input;
  }

  private JsonNode resolveUrl() throws StepFailure {
    String rendered =
        render("requestUrlTemplate", config.urlTemplate(), requestVariables(), 400).strip();
    try {
      url = new URI(rendered);
    } catch (URISyntaxException e) {
      url = null;
    }
    if (url == null
        || url.getHost() == null
        || !("https".equalsIgnoreCase(url.getScheme())
            || "http".equalsIgnoreCase(url.getScheme()))) {
      throw StepFailure.of(
          400,
          "invalid.substitution",
          "The request URL "
              + rendered
              + " is not an absolute http(s) URL: check requestUrlTemplate and escape values"
              + " put in a path or query with $esc.url(...)");
    }
    return TextNode.valueOf(rendered);
  }

  private JsonNode resolveBody() throws StepFailure {
    body = render("requestTemplate", config.bodyTemplate(), requestVariables(), 400);
    JsonNode json;
    try {
      json = ActionJson.parse(body);
    } catch (JsonProcessingException e) {
      if (ActionJson.tooDeep(e) || (config.sendsBody() && config.jsonContent())) {
        throw StepFailure.of(
            400,
            "invalid.substitution",
            "The request body is not valid JSON ("
                + ActionJson.reason(e)
                + "): insert string inputs inside quotes as \"$esc.jsonString(${input.x})\"");
      }
      return TextNode.valueOf(body);
    }
    return json;
  }

  private JsonNode resolveHeaders() throws StepFailure {
    JsonNode templates = config.headerTemplates();
    ObjectNode shown = ActionJson.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> header : templates.properties()) {
      String name = header.getKey();
      if (!HEADER_NAME.matcher(name).matches()) {
        throw StepFailure.of(
            400, "bad.request", "config.request.headers: " + name + " is not a header name.");
      }
      if (PLATFORM_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw StepFailure.of(
            400,
            "bad.request",
            "config.request.headers: "
                + name
                + " is set by the platform for each request; remove it from the headers.");
      }
      if (!header.getValue().isTextual()) {
        throw StepFailure.of(
            400, "bad.request", "config.request.headers." + name + " must be a string template.");
      }
      String template = header.getValue().textValue();
      String value = render("headers." + name, template, requestVariables(), 400).strip();
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw StepFailure.of(
            400,
            "invalid.substitution",
            "The header " + name + " resolves to a value with a line break.");
      }
      headers.put(name, value);
      boolean secret = USES_CREDENTIALS.matcher(template).find() || mask.occursIn(value);
      shown.put(name, secret ? CredentialMask.MASK : value);
    }
    if (config.sendsBody()
        && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
      headers.put("Content-Type", "application/json");
      shown.put("Content-Type", "application/json");
    }
    return shown;
  }

  private JsonNode executeRequest() throws StepFailure {
    config.checkTimeout();
    config.checkMethod();
    byte[] sent = config.sendsBody() ? body.getBytes(StandardCharsets.UTF_8) : null;
    RemoteCall.Response answer = remote.send(config.method(), url, headers, sent, deadline);
    if (!answer.success()) {
      throw StepFailure.remote(answer.status(), excerpt(answer.body()));
    }
    rawResult = answer.body();
    try {
      response = rawResult.isBlank() ? null : ActionJson.parse(rawResult);
    } catch (JsonProcessingException e) {
      if (ActionJson.tooDeep(e)) {
        throw StepFailure.unreachable(
            "internal.server.error",
            "The response from the web service is nested deeper than "
                + ContractRules.MAX_DEPTH
                + " levels.");
      }
      response = null;
    }
    return response == null ? TextNode.valueOf(rawResult) : response;
  }

  private JsonNode resolveTranslationMap() throws StepFailure {
    variables =
        TranslationMap.resolve(config.translationMap(), config.translationMapDefaults(), response);
    return variables;
  }

  private JsonNode executeSuccessTemplate() throws StepFailure {
    Map<String, Object> context = new HashMap<>();
    variables.properties().forEach(v -> context.put(v.getKey(), ActionJson.write(v.getValue())));
    context.put("rawResult", rawResult);
    context.put("input", inputVariables);
    String rendered = render("successTemplate", config.successTemplate(), context, 500);
    try {
      output = ActionJson.parse(rendered);
    } catch (JsonProcessingException e) {
      throw StepFailure.of(
          500,
          "invalid.substitution",
          "The success template's output is not JSON ("
              + ActionJson.reason(e)
              + "): translation-map variables are JSON already, insert them as ${name}"
              + " without quotes");
    }
    return output;
  }

  private JsonNode validateOutput() throws StepFailure {
    JsonNode schema = contract.path("output").path("successSchema");
    if (!schema.isObject()) {
      throw StepFailure.of(
          400,
          "invalid.schema",
          "The action has no output contract (contract.output.successSchema).");
    }
    List<String> problems = SchemaValidator.validate(schema, output, "output");
    if (!problems.isEmpty()) {
      throw StepFailure.of(
          400,
          "invalid.schema",
          "The output does not match the success contract: " + String.join("; ", problems));
    }
    return output;
  }

  private Map<String, Object> requestVariables() {
    Map<String, Object> context = new HashMap<>();
    context.put("input", inputVariables);
    context.put("credentials", new HashMap<>(credentials));
    return context;
  }

  private String render(String name, String template, Map<String, Object> context, int status)
      throws StepFailure {
    try {
      return renderer.render(name, template, context, deadline);
    } catch (TemplateRenderer.Failure e) {
      if (e.timedOut) {
        throw StepFailure.timeout(deadline, "rendering " + name);
      }
      throw StepFailure.of(status, "invalid.substitution", e.getMessage());
    }
  }

  private static String excerpt(String text) {
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text;
  }

  private static ObjectNode errorBody(String code, int status, String message) {
    ObjectNode error = ActionJson.MAPPER.createObjectNode();
    error.put("message", message);
    error.put("code", code);
    error.put("status", status);
    return error;
  }
}
