package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data action the plugin makes of one model: an OpenAI-compatible chat completion. {@code POST
 * {baseUrl}/chat/completions} with the key of the integration's credential as a bearer token; the
 * body names the model, carries the user's prompt (and an optional system prompt) escaped with
 * {@code $esc.jsonString}, {@code max_tokens} (the caller's, never above the model's {@code
 * maxTokens}, which is also the default) and {@code stream: false}; the result is {@code answer}
 * plus the finish reason and the token counts, which default to {@code ""} and {@code 0} when the
 * model's answer lacks them or gives them as {@code null}.
 *
 * <p>The contract (input and output schemas) is the same for every provider and model: no
 * configuration change (baseUrl, model id, maxTokens, timeout, key) changes it, because a changed
 * contract means a new action with a new id, which breaks every Architect flow calling the old one.
 * It carries {@link #CONTRACT_VERSION}, raised only when the plugin's own contract changes.
 */
public final class ChatAction {

  /** The plugin's contract version, in both schemas' {@code description}. */
  public static final int CONTRACT_VERSION = 1;

  public static final String INPUT_PROMPT = "prompt";
  public static final String INPUT_SYSTEM_PROMPT = "systemPrompt";
  public static final String INPUT_MAX_TOKENS = "maxTokens";
  public static final String OUTPUT_ANSWER = "answer";

  static final String PATH = "/chat/completions";
  static final String AUTHORIZATION = "Bearer ${credentials.apiKey}";

  private static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";
  private static final String OWNER = "genesys-llm-maven-plugin";
  private static final Pattern VERSION_MARK =
      Pattern.compile("\\(contract (\\d{1,9}) of " + Pattern.quote(OWNER) + "\\)");

  /** The model's ceiling, the first line of the body template (read back by {@link #parse}). */
  private static final Pattern CEILING =
      Pattern.compile("\\A#set\\(\\$maxTokens = (\\d{1,9})\\)\n");

  /** The model id in the body template. */
  private static final Pattern MODEL = Pattern.compile("\\{\"model\": \"([A-Za-z0-9._:/-]+)\"");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ChatAction() {}

  /** The action for {@code model} of {@code provider}. */
  public static ActionDefinition definition(ProviderSettings provider, ModelSettings model) {
    return new ActionDefinition(
        DataActionNames.action(provider, model),
        DataActionNames.category(provider),
        config(provider.baseUrl(), model.id(), model.maxTokens(), provider.timeout() / 1000),
        contract());
  }

  /** The configuration: everything a provider's settings decide. */
  static ActionConfig config(String baseUrl, String modelId, int maxTokens, int timeoutSeconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", AUTHORIZATION);
    headers.put("Content-Type", "application/json");
    return new ActionConfig(
        timeoutSeconds,
        new ActionConfig.Request(
            baseUrl + PATH, "POST", headers, requestTemplate(modelId, maxTokens)),
        response());
  }

  /**
   * The body: Velocity that keeps {@code max_tokens} at most {@code maxTokens} whatever the caller
   * asks, and writes the system message only when one is given. The model id needs no escaping: the
   * provider rules allow only {@code A-Z a-z 0-9 . _ : / -} in it.
   */
  static String requestTemplate(String modelId, int maxTokens) {
    return "#set($maxTokens = "
        + maxTokens
        + ")\n"
        + "#if($input.maxTokens && $input.maxTokens > 0 && $input.maxTokens < $maxTokens)"
        + "#set($maxTokens = $input.maxTokens)#end\n"
        + "{\"model\": \""
        + modelId
        + "\", \"messages\": ["
        + "#if($input.systemPrompt){\"role\": \"system\", \"content\": "
        + "\"$esc.jsonString(${input.systemPrompt})\"}, #end"
        + "{\"role\": \"user\", \"content\": \"$esc.jsonString(${input.prompt})\"}], "
        + "\"max_tokens\": $maxTokens, \"stream\": false}";
  }

  private static ActionConfig.Response response() {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put(OUTPUT_ANSWER, "$.choices[0].message.content");
    paths.put("finishReason", "$.choices[0].finish_reason");
    paths.put("promptTokens", "$.usage.prompt_tokens");
    paths.put("completionTokens", "$.usage.completion_tokens");
    paths.put("totalTokens", "$.usage.total_tokens");
    // JSON literals; answer has none, so that an answer without content fails loudly
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("finishReason", "\"\"");
    defaults.put("promptTokens", "0");
    defaults.put("completionTokens", "0");
    defaults.put("totalTokens", "0");
    StringBuilder template = new StringBuilder("{\"answer\": ${answer}");
    defaults.forEach(
        (variable, literal) ->
            template
                .append(", \"")
                .append(variable)
                .append("\": ")
                .append(orDefault(variable, literal)));
    return new ActionConfig.Response(paths, defaults, template.append('}').toString());
  }

  /**
   * {@code ${variable}}, or {@code literal} when the gateway answered an explicit JSON {@code null}
   * for it: a default replaces only a path that resolves to nothing, a null found is a value
   * (contract section 6.2), and a null would fail the output schema. The variable arrives as its
   * JSON text, so a null is the text {@code null}; {@code $!} makes a variable that is not set at
   * all empty, which takes the default too.
   */
  private static String orDefault(String variable, String literal) {
    String text = "\"$!{" + variable + "}\"";
    return "#if("
        + text
        + " == \"null\" || "
        + text
        + " == \"\")"
        + literal
        + "#else${"
        + variable
        + "}#end";
  }

  /**
   * The contract, version {@link #CONTRACT_VERSION}: a flat input of {@code prompt} (required),
   * {@code systemPrompt} and {@code maxTokens}; an output of {@code answer} (required), {@code
   * finishReason} and three token counts.
   */
  public static ActionContract contract() {
    ObjectNode input = schema("LLM chat completion input", "The prompt for the model");
    input.putArray("required").add(INPUT_PROMPT);
    ObjectNode in = input.putObject("properties");
    property(in, INPUT_PROMPT, "string", "The user's message");
    property(in, INPUT_SYSTEM_PROMPT, "string", "Instructions sent before the prompt (optional)");
    property(
            in,
            INPUT_MAX_TOKENS,
            "integer",
            "The most tokens to generate (optional; never above the model's maxTokens)")
        .put("minimum", 1);
    input.put("additionalProperties", false);

    ObjectNode output = schema("LLM chat completion output", "The model's answer");
    output.putArray("required").add(OUTPUT_ANSWER);
    ObjectNode out = output.putObject("properties");
    property(out, OUTPUT_ANSWER, "string", "The model's answer");
    property(
        out,
        "finishReason",
        "string",
        "Why the model stopped (stop, length, ...); empty when not given");
    property(out, "promptTokens", "integer", "Tokens in the prompt; 0 when not given");
    property(out, "completionTokens", "integer", "Tokens in the answer; 0 when not given");
    property(out, "totalTokens", "integer", "Tokens in all; 0 when not given");
    output.put("additionalProperties", true);
    return new ActionContract(input, output);
  }

  /**
   * What a request template is, in one line: {@code the plugin's chat body for model gpt-4o-mini,
   * max_tokens at most 4096}, or, for any other text, its length and digest.
   */
  static String describeRequestTemplate(String template) {
    Matcher ceiling = CEILING.matcher(String.valueOf(template));
    Matcher model = MODEL.matcher(String.valueOf(template));
    if (ceiling.find() && model.find()) {
      String modelId = model.group(1);
      int maxTokens = Integer.parseInt(ceiling.group(1));
      if (requestTemplate(modelId, maxTokens).equals(template)) {
        return "the plugin's chat body for model " + modelId + ", max_tokens at most " + maxTokens;
      }
    }
    return TemplateDigest.of(template);
  }

  /** What a success template is: the plugin's, or another text's length and digest. */
  static String describeSuccessTemplate(String template) {
    return response().successTemplate().equals(template)
        ? "the plugin's result (answer, finishReason, token counts)"
        : TemplateDigest.of(template);
  }

  /**
   * The plugin contract version a contract carries, or null when it is not one of the plugin's
   * (written by hand, or by another tool).
   */
  public static Integer contractVersionOf(ActionContract contract) {
    Matcher m = VERSION_MARK.matcher(contract.inputSchema().path("description").asText(""));
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** What an action of the plugin's shape was made from, as {@link #parse} reads it back. */
  public record Model(String baseUrl, String modelId, int maxTokens, int timeoutSeconds) {}

  /**
   * Reads back what an action was made from, for export: its model id from its name (the
   * integration's name, {@code " - "}, the id), the rest from its configuration; null unless the
   * action is exactly what {@link #definition} makes of those values (same configuration and the
   * current contract).
   */
  public static Model parse(String integrationName, ActionDefinition action) {
    String modelId = DataActionNames.modelIdOf(integrationName, action.name());
    ActionConfig config = action.config();
    String url = config.request().urlTemplate();
    Matcher ceiling = CEILING.matcher(String.valueOf(config.request().template()));
    if (modelId == null
        || url == null
        || !url.endsWith(PATH)
        || !ceiling.find()
        || config.timeoutSeconds() == null) {
      return null;
    }
    Model model =
        new Model(
            url.substring(0, url.length() - PATH.length()),
            modelId,
            Integer.parseInt(ceiling.group(1)),
            config.timeoutSeconds());
    ActionConfig rebuilt =
        config(model.baseUrl(), model.modelId(), model.maxTokens(), model.timeoutSeconds());
    return rebuilt.equals(config) && contract().sameAs(action.contract()) ? model : null;
  }

  private static ObjectNode schema(String title, String what) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", DRAFT_04);
    schema.put("title", title);
    schema.put("description", what + " (contract " + CONTRACT_VERSION + " of " + OWNER + ")");
    schema.put("type", "object");
    return schema;
  }

  private static ObjectNode property(
      ObjectNode properties, String name, String type, String description) {
    ObjectNode property = properties.putObject(name);
    property.put("type", type);
    property.put("title", name);
    property.put("description", description);
    return property;
  }
}
