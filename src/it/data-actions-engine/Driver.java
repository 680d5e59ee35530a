import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the emulator's data-actions API as a client would (contract section 9): credential,
 * integration with its credential and enabled, a chat-completion action, then /test and /execute;
 * a second action too slow for its timeoutSeconds; a key rotated to a wrong one. Writes each
 * answer the checks look at to the results directory as {name}.json. Run by the JDK as a
 * single-file program: java Driver.java emulatorUrl clientId clientSecret endpointFile resultsDir
 */
public class Driver {

  static final String KEY = "it-model-key-5d2e";
  static final String WRONG_KEY = "it-wrong-key-90af";
  /** Quotes, backslashes, a newline, a tab and non-ASCII: all must reach the model intact. */
  static final String PROMPT = "Say \"hi\" to C:\\temp\\new\nthen stop\t(tab) é 日本";

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static String api;
  static String token;
  static Path results;

  public static void main(String[] args) throws Exception {
    api = args[0];
    String modelBase = Files.readString(Path.of(args[3])).strip();
    results = Path.of(args[4]);
    Files.createDirectories(results);
    token = token(args[1], args[2]);

    String credential =
        id(call("POST", "/api/v2/integrations/credentials",
            "{\"name\": \"it-model-key\", \"type\": {\"name\": \"userDefined\"},"
                + " \"credentialFields\": {\"apiKey\": \"" + KEY + "\"}}"));
    String integration =
        id(call("POST", "/api/v2/integrations",
            "{\"integrationType\": {\"id\": \"custom-rest-actions\"}, \"name\": \"IT gateway\"}"));
    String config = call("GET", "/api/v2/integrations/" + integration + "/config/current", null);
    call("PUT", "/api/v2/integrations/" + integration + "/config/current",
        "{\"name\": \"IT gateway\", \"version\": " + number(config, "version")
            + ", \"notes\": \"\", \"properties\": {}, \"advanced\": {},"
            + " \"credentials\": {\"basicAuth\": {\"id\": \"" + credential + "\"}}}");
    call("PATCH", "/api/v2/integrations/" + integration, "{\"intendedState\": \"ENABLED\"}");
    for (int attempt = 0; ; attempt++) {
      String state = call("GET", "/api/v2/integrations/" + integration, null);
      if (state.contains("\"code\":\"ACTIVE\"")) {
        break;
      }
      if (attempt == 10) {
        throw new IllegalStateException("the integration did not become ACTIVE: " + state);
      }
      Thread.sleep(200);
    }

    String input = "{\"prompt\": \"" + json(PROMPT) + "\", \"maxTokens\": 16}";
    Files.writeString(results.resolve("input.json"), input);
    String chat = id(call("POST", "/api/v2/integrations/actions", action(integration, "IT chat", modelBase + "/v1", 60)));
    String slow = id(call("POST", "/api/v2/integrations/actions", action(integration, "IT slow chat", modelBase + "/slow/v1", 1)));

    save("test-ok", call("POST", "/api/v2/integrations/actions/" + chat + "/test", input));
    save("execute-ok", call("POST", "/api/v2/integrations/actions/" + chat + "/execute", input));
    save("test-slow", call("POST", "/api/v2/integrations/actions/" + slow + "/test", input));

    call("PUT", "/api/v2/integrations/credentials/" + credential,
        "{\"name\": \"it-model-key\", \"type\": {\"name\": \"userDefined\"},"
            + " \"credentialFields\": {\"apiKey\": \"" + WRONG_KEY + "\"}}");
    save("test-wrong-key", call("POST", "/api/v2/integrations/actions/" + chat + "/test", input));
    System.out.println("Driver: all calls answered, results in " + results);
  }

  /** The chat-completion action of contract section 9, step 5. */
  static String action(String integration, String name, String baseUrl, int timeoutSeconds) {
    String body =
        "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\":"
            + " \"$esc.jsonString(${input.prompt})\"}], \"max_tokens\": ${input.maxTokens}}";
    return "{\"name\": \"" + name + "\", \"category\": \"IT gateway\", \"integrationId\": \"" + integration + "\","
        + " \"secure\": false,"
        + " \"config\": {\"timeoutSeconds\": " + timeoutSeconds + ","
        + "   \"request\": {\"requestUrlTemplate\": \"" + baseUrl
        + "/chat/completions?api-key=$esc.url(${credentials.apiKey})\", \"requestType\": \"POST\","
        + "     \"headers\": {\"Authorization\": \"Bearer ${credentials.apiKey}\", \"Content-Type\": \"application/json\"},"
        + "     \"requestTemplate\": \"" + json(body) + "\"},"
        + "   \"response\": {\"translationMap\": {\"answer\": \"$.choices[0].message.content\"},"
        + "     \"translationMapDefaults\": {}, \"successTemplate\": \"{\\\"answer\\\": ${answer}}\"}},"
        + " \"contract\": {"
        + "   \"input\": {\"inputSchema\": {\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\","
        + "     \"required\": [\"prompt\", \"maxTokens\"], \"properties\": {\"prompt\": {\"type\": \"string\"},"
        + "     \"maxTokens\": {\"type\": \"integer\"}}, \"additionalProperties\": true}},"
        + "   \"output\": {\"successSchema\": {\"type\": \"object\", \"required\": [\"answer\"],"
        + "     \"properties\": {\"answer\": {\"type\": \"string\"}}, \"additionalProperties\": true}}}}";
  }

  static String token(String clientId, String secret) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api + "/oauth/token"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token: HTTP " + response.statusCode() + " " + response.body());
    }
    return text(response.body(), "access_token");
  }

  /** Sends a call and gives the answer's body; any status but 200 and 204 stops the driver. */
  static String call(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(Duration.ofSeconds(90))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200 && response.statusCode() != 204) {
      throw new IllegalStateException(
          method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  static void save(String name, String body) throws Exception {
    Files.writeString(results.resolve(name + ".json"), body, StandardCharsets.UTF_8);
  }

  static String id(String body) {
    return text(body, "id");
  }

  static String text(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + body);
    }
    return m.group(1);
  }

  static String number(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + body);
    }
    return m.group(1);
  }

  /** {@code value} escaped for a JSON string literal. */
  static String json(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
