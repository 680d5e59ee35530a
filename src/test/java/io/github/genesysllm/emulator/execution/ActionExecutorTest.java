package io.github.genesysllm.emulator.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.probe.TestModelEndpoint;
import io.github.genesysllm.probe.TrustStoreProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionExecutorTest {

  static final String KEY = "test-fake-key-7c1d";
  static final String PROMPT = "Say \"hi\" \\ to C:\\temp\nsecond line\ttab é 日本";
  static final String ANSWER =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},"
          + "\"finish_reason\":\"stop\"}]}";

  private final RemoteService remote = RemoteService.http().answer(200, ANSWER);
  private final ActionExecutor executor = new ActionExecutor(TestModelEndpoint.trustingContext());

  @AfterEach
  void stop() {
    remote.close();
  }

  static JsonNode json(String text) {
    try {
      return ActionJson.parse(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** The chat-completion action of contract section 9, step 5, calling {@code base}. */
  static ObjectNode chatConfig(String base) {
    ObjectNode config =
        (ObjectNode)
            json(
                """
        {'timeoutSeconds': 60,
         'request': {'requestUrlTemplate': 'URL/v1/chat/completions', 'requestType': 'POST',
           'headers': {'Authorization': 'Bearer ${credentials.apiKey}', 'Content-Type': 'application/json'}},
         'response': {'translationMap': {'answer': '$.choices[0].message.content'},
           'translationMapDefaults': {}, 'successTemplate': '{\\'answer\\': ${answer}}'}}
        """
                    .replace("URL", base));
    ((ObjectNode) config.get("request"))
        .put(
            "requestTemplate",
            "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"$esc.jsonString(${input.prompt})\"}], \"max_tokens\": ${input.maxTokens}}");
    return config;
  }

  static final JsonNode CONTRACT =
      json(
          """
      {'input': {'inputSchema': {'$schema': 'http://json-schema.org/draft-04/schema#',
         'type': 'object', 'required': ['prompt', 'maxTokens'],
         'properties': {'prompt': {'type': 'string'}, 'maxTokens': {'type': 'integer'}},
         'additionalProperties': true}},
       'output': {'successSchema': {'type': 'object', 'required': ['answer'],
         'properties': {'answer': {'type': 'string'}}, 'additionalProperties': true}}}
      """);

  static ObjectNode input(String prompt, int maxTokens) {
    ObjectNode input = ActionJson.MAPPER.createObjectNode();
    input.put("prompt", prompt);
    input.put("maxTokens", maxTokens);
    return input;
  }

  private ExecutionResult run(JsonNode config) {
    return run(config, CONTRACT, input(PROMPT, 16));
  }

  private ExecutionResult run(JsonNode config, JsonNode contract, JsonNode input) {
    return executor.run(config, contract, Map.of("apiKey", KEY), input);
  }

  /** The failed operation: last of the list, and the result's error. */
  static JsonNode failedStep(ExecutionResult result, String name) {
    assertFalse(result.success(), () -> result.testResult().toPrettyString());
    assertFalse(result.testResult().path("success").asBoolean(true));
    JsonNode operations = result.testResult().get("operations");
    JsonNode last = operations.get(operations.size() - 1);
    assertEquals(name, last.get("name").asText(), () -> result.testResult().toPrettyString());
    assertFalse(last.get("success").asBoolean());
    assertFalse(last.has("result"));
    assertEquals(last.get("error"), result.testResult().get("error"));
    assertEquals(name, result.failure().step());
    assertNull(result.finalResult());
    assertFalse(result.testResult().has("finalResult"));
    for (int i = 0; i < operations.size() - 1; i++) {
      assertTrue(operations.get(i).get("success").asBoolean());
    }
    return last.get("error");
  }

  @Test
  void theChatCompletionActionRunsEveryStep() throws Exception {
    ExecutionResult result = run(chatConfig(remote.base()));

    assertTrue(result.success(), () -> result.testResult().toPrettyString());
    assertNull(result.failure());
    assertEquals(json("{'answer': 'Hello!'}"), result.finalResult());
    JsonNode test = result.testResult();
    assertEquals(List.of("operations", "finalResult", "success"), fieldNames(test));
    assertTrue(test.get("success").asBoolean());
    assertEquals(json("{'answer': 'Hello!'}"), test.get("finalResult"));
    JsonNode operations = test.get("operations");
    List<String> names =
        List.of(
            "Validate input against schema",
            "Resolve request URL template",
            "Resolve request body template",
            "Resolve request headers",
            "Execute request",
            "Resolve translation map",
            "Execute success template",
            "Validate output against schema");
    assertEquals(names.size(), operations.size());
    for (int i = 0; i < names.size(); i++) {
      JsonNode operation = operations.get(i);
      assertEquals(List.of("step", "name", "success", "result"), fieldNames(operation));
      assertEquals(i + 1, operation.get("step").asInt());
      assertEquals(names.get(i), operation.get("name").asText());
      assertTrue(operation.get("success").asBoolean());
    }
    assertEquals(input(PROMPT, 16), operations.get(0).get("result"));
    assertEquals(remote.base() + "/v1/chat/completions", operations.get(1).get("result").asText());
    assertEquals(PROMPT, operations.get(2).get("result").at("/messages/0/content").asText());
    assertEquals(16, operations.get(2).get("result").get("max_tokens").asInt());
    assertEquals(
        json("{'Authorization': '*****', 'Content-Type': 'application/json'}"),
        operations.get(3).get("result"));
    assertEquals(json(ANSWER.replace('"', '\'')), operations.get(4).get("result"));
    assertEquals(json("{'answer': 'Hello!'}"), operations.get(5).get("result"));
    assertEquals(json("{'answer': 'Hello!'}"), operations.get(6).get("result"));
    assertEquals(json("{'answer': 'Hello!'}"), operations.get(7).get("result"));

    RemoteService.Received sent = remote.received().get(0);
    assertEquals("POST", sent.method());
    assertEquals("/v1/chat/completions", sent.path());
    assertEquals("Bearer " + KEY, sent.header("Authorization"));
    assertEquals("application/json", sent.header("Content-Type"));
    JsonNode body = ActionJson.parse(sent.body());
    assertEquals(PROMPT, body.at("/messages/0/content").asText());
    assertEquals("gpt-4o-mini", body.get("model").asText());
    assertFalse(test.toString().contains(KEY));
  }

  // --- step 1: input -------------------------------------------------------------------------

  @Test
  void inputThatBreaksTheContractFailsTheFirstStepAndCallsNothing() {
    ObjectNode config = chatConfig(remote.base());
    ObjectNode missing = ActionJson.MAPPER.createObjectNode().put("prompt", "x");
    JsonNode error = failedStep(run(config, CONTRACT, missing), "Validate input against schema");
    assertEquals("invalid.schema", error.get("code").asText());
    assertEquals(400, error.get("status").asInt());
    assertTrue(error.get("message").asText().contains("input.maxTokens: required"));

    ObjectNode fraction = input("x", 1).put("maxTokens", 1.5);
    assertTrue(
        failedStep(run(config, CONTRACT, fraction), "Validate input against schema")
            .get("message")
            .asText()
            .contains("input.maxTokens: expected integer, got number"));
    // draft-04: a number with a fraction part is no integer, even 16.0
    ObjectNode wholeDouble = input("x", 1).put("maxTokens", 16.0);
    failedStep(run(config, CONTRACT, wholeDouble), "Validate input against schema");
    ObjectNode text = input("x", 1).put("maxTokens", "16");
    failedStep(run(config, CONTRACT, text), "Validate input against schema");
    failedStep(
        run(config, CONTRACT, ActionJson.MAPPER.createArrayNode()),
        "Validate input against schema");
    assertEquals(0, remote.received().size());

    ExecutionResult refused = run(config, CONTRACT, missing);
    assertEquals(
        new ExecutionFailure(
            "Validate input against schema", 400, "invalid.schema", refused.failure().message()),
        refused.failure());
  }

  @Test
  void closedContractsRefuseOtherInputsAndEnumsAreChecked() {
    JsonNode closed =
        json(
            """
        {'input': {'inputSchema': {'type': 'object', 'additionalProperties': false,
           'properties': {'prompt': {'type': 'string'}, 'maxTokens': {'type': 'integer'},
             'tone': {'type': 'string', 'enum': ['dry', 'warm']}}}},
         'output': {'successSchema': {'type': 'object', 'properties': {}}}}
        """);
    ObjectNode extra = input("x", 1).put("other", true);
    assertTrue(
        failedStep(run(chatConfig(remote.base()), closed, extra), "Validate input against schema")
            .get("message")
            .asText()
            .contains("input.other: not a property of the contract"));
    ObjectNode wrongTone = input("x", 1).put("tone", "loud");
    assertTrue(
        failedStep(
                run(chatConfig(remote.base()), closed, wrongTone), "Validate input against schema")
            .get("message")
            .asText()
            .contains("input.tone: must be one of"));
    assertTrue(run(chatConfig(remote.base()), closed, input("x", 1).put("tone", "warm")).success());
  }

  // --- steps 2-4: templates ------------------------------------------------------------------

  @Test
  void aMissingInputRendersAsWrittenSoTheUrlIsInvalid() {
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("request"))
        .put("requestUrlTemplate", remote.base() + "/v1/${input.model}/chat/completions");
    JsonNode error = failedStep(run(config), "Resolve request URL template");
    assertEquals("invalid.substitution", error.get("code").asText());
    assertTrue(error.get("message").asText().contains("/v1/${input.model}/chat"));
  }

  @Test
  void aSilentReferenceRendersAsNothing() {
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("request"))
        .put("requestUrlTemplate", remote.base() + "/v1$!{input.model}/chat/completions");
    assertTrue(run(config).success());
    assertEquals("/v1/chat/completions", remote.received().get(0).path());
  }

  @Test
  void urlValuesAreEscapedWithEscUrlAndAGetSendsNoBody() {
    ObjectNode config = chatConfig(remote.base());
    ObjectNode request = (ObjectNode) config.get("request");
    request.put("requestType", "GET");
    ((ObjectNode) request.get("headers")).remove("Content-Type");
    request.put("requestUrlTemplate", remote.base() + "/search?q=$esc.url(${input.prompt})");
    request.put("requestTemplate", "${input.rawRequest}");
    ExecutionResult result = run(config, CONTRACT, input("a b&c", 2));
    assertTrue(result.success(), () -> result.testResult().toPrettyString());
    RemoteService.Received sent = remote.received().get(0);
    assertEquals("GET", sent.method());
    assertEquals("q=a+b%26c", sent.query());
    assertEquals("", sent.body());
    assertNull(sent.header("Content-Type"));
    // ${input.rawRequest} is the whole input as JSON
    assertEquals(input("a b&c", 2), result.testResult().at("/operations/2/result"));
  }

  @Test
  void aJsonBodyThatIsNotJsonFailsBeforeTheCall() {
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("request"))
        .put("requestTemplate", "{\"content\": \"${input.prompt}\"}");
    JsonNode error = failedStep(run(config), "Resolve request body template");
    assertEquals("invalid.substitution", error.get("code").asText());
    assertTrue(error.get("message").asText().contains("$esc.jsonString"));
    assertEquals(0, remote.received().size());
  }

  @Test
  void aBodyDeclaredAsTextIsSentAsItIs() {
    ObjectNode config = chatConfig(remote.base());
    ObjectNode request = (ObjectNode) config.get("request");
    request.put("requestTemplate", "prompt=$esc.urlFormEncode(${input.prompt})");
    ((ObjectNode) request.get("headers")).put("Content-Type", "application/x-www-form-urlencoded");
    ExecutionResult result = run(config, CONTRACT, input("a b", 1));
    assertTrue(result.success());
    assertEquals("prompt=a+b", result.testResult().at("/operations/2/result").asText());
    assertEquals("prompt=a+b", remote.received().get(0).body());
    assertEquals(
        "application/x-www-form-urlencoded", remote.received().get(0).header("Content-Type"));
  }

  @Test
  void aBodyNestedDeeperThanFiftyLevelsFails() {
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("request")).put("requestTemplate", "[".repeat(51) + "]".repeat(51));
    assertTrue(
        failedStep(run(config), "Resolve request body template")
            .get("message")
            .asText()
            .contains("deeper than 50"));
    ((ObjectNode) config.get("request")).put("requestTemplate", "[".repeat(50) + "]".repeat(50));
    assertTrue(run(config).success());
  }

  @Test
  void headersWithoutContentTypeGetJsonAndLineBreaksOrPlatformHeadersAreRefused() {
    ObjectNode config = chatConfig(remote.base());
    ObjectNode headers = (ObjectNode) config.get("request").get("headers");
    headers.remove("Content-Type");
    headers.put("X-Prompt", "${input.prompt}");
    ExecutionResult injected = run(config, CONTRACT, input("a\r\nX-Evil: 1", 1));
    assertTrue(
        failedStep(injected, "Resolve request headers")
            .get("message")
            .asText()
            .contains("X-Prompt resolves to a value with a line break"));

    headers.put("X-Prompt", "plain");
    ExecutionResult result = run(config);
    assertTrue(result.success());
    assertEquals(
        json("{'Authorization': '*****', 'X-Prompt': 'plain', 'Content-Type': 'application/json'}"),
        result.testResult().at("/operations/3/result"));
    assertEquals("application/json", remote.received().get(0).header("Content-Type"));

    headers.put("Content-Length", "12");
    failedStep(run(config), "Resolve request headers");
  }

  @Test
  void unsupportedHelpersAndTemplateErrorsAreInvalidSubstitutions() {
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("request"))
        .put("requestTemplate", "{\"q\": \"$esc.xml(${input.prompt})\"}");
    ExecutionResult result = run(config);
    JsonNode error = failedStep(result, "Resolve request body template");
    assertEquals("invalid.substitution", error.get("code").asText());
    assertEquals(400, result.failure().status());
    assertTrue(error.get("message").asText().contains("$esc.xml() is not supported"));

    ((ObjectNode) config.get("request")).put("requestTemplate", "#if($input.prompt) {}");
    failedStep(run(config), "Resolve request body template");

    ObjectNode success = chatConfig(remote.base());
    ((ObjectNode) success.get("response"))
        .put("successTemplate", "$successTemplateUtils.firstFromArray(\"${answer}\", \"\")");
    ExecutionResult late = run(success);
    failedStep(late, "Execute success template");
    assertEquals(500, late.failure().status());
    assertEquals("invalid.substitution", late.failure().code());
  }

  // --- step 5: the request -------------------------------------------------------------------

  @Test
  void aRemoteErrorFailsTheRequestStepEchoingItsStatus() {
    remote.answer(401, "{\"error\":\"invalid api key\"}");
    ExecutionResult result = run(chatConfig(remote.base()));
    JsonNode error = failedStep(result, "Execute request");
    assertEquals(
        json(
            """
            {'message': 'REST call for action execute failed. Message: Request to backend service\
             failed. Response from web service: {\\'error\\':\\'invalid api key\\'}',
             'code': 'bad.request', 'status': 401}
            """
                .replace("\\'", "\\\"")),
        error);
    assertEquals(400, result.failure().status());
    assertEquals("bad.request", result.failure().code());
    assertEquals(error.get("message").asText(), result.failure().message());
  }

  @Test
  void aRemoteServerErrorIsAnInternalServerErrorForExecute() {
    remote.answer(503, "overloaded");
    ExecutionResult result = run(chatConfig(remote.base()));
    assertEquals(503, failedStep(result, "Execute request").get("status").asInt());
    assertEquals(
        new ExecutionFailure(
            "Execute request", 500, "internal.server.error", result.failure().message()),
        result.failure());
  }

  @Test
  void redirectsAreNotFollowed() {
    remote.answer(302, "").redirectTo("http://127.0.0.1:1/elsewhere");
    assertEquals(
        302, failedStep(run(chatConfig(remote.base())), "Execute request").get("status").asInt());
    assertEquals(1, remote.received().size());
  }

  @Test
  void aSlowServiceHitsTimeoutSeconds() {
    remote.delay(5_000);
    ObjectNode config = chatConfig(remote.base()).put("timeoutSeconds", 1);
    ExecutionResult result = run(config);
    JsonNode error = failedStep(result, "Execute request");
    assertEquals("request.timeout", error.get("code").asText());
    assertEquals(504, error.get("status").asInt());
    assertEquals(
        new ExecutionFailure("Execute request", 504, "request.timeout", result.failure().message()),
        result.failure());
  }

  @Test
  void aServiceThatDripsItsAnswerStillHitsTimeoutSecondsAndTheConnectionIsClosed()
      throws InterruptedException {
    // each byte comes well within any read timeout, the whole answer (40 s) never within 1 s
    remote.answer(200, ANSWER).drip(200);
    ObjectNode config = chatConfig(remote.base()).put("timeoutSeconds", 1);
    JsonNode error = failedStep(run(config), "Execute request");
    assertEquals("request.timeout", error.get("code").asText());
    assertTrue(remote.abandonedByClient(), "the exchange must be cancelled, not left to drip");
  }

  @Test
  void anInvalidTimeoutOrMethodFailsTheRequestStep() {
    for (String timeout : List.of("0", "61", "1.5", "'10'")) {
      ObjectNode config = chatConfig(remote.base());
      config.set("timeoutSeconds", json(timeout));
      assertTrue(
          failedStep(run(config), "Execute request")
              .get("message")
              .asText()
              .contains("timeoutSeconds must be a whole number from 1 to 60"),
          timeout);
    }
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("request")).put("requestType", "TRACE");
    failedStep(run(config), "Execute request");
    assertEquals(0, remote.received().size());
  }

  @Test
  void anOversizedAnswerFails() {
    remote.answer(200, "\"" + "x".repeat(RemoteCall.MAX_RESPONSE_BYTES) + "\"");
    ExecutionResult result = run(chatConfig(remote.base()));
    assertEquals(
        "response.entity.too.large", failedStep(result, "Execute request").get("code").asText());
  }

  @Test
  void anAnswerNestedTooDeeplyFails() {
    remote.answer(200, "[".repeat(51) + "]".repeat(51));
    failedStep(run(chatConfig(remote.base())), "Execute request");
  }

  @Test
  void aServiceThatIsNotThereFails() {
    remote.close();
    JsonNode error = failedStep(run(chatConfig(remote.base())), "Execute request");
    assertTrue(error.get("message").asText().contains("Could not connect to 127.0.0.1:"));
  }

  // --- steps 6-8: the answer -----------------------------------------------------------------

  @Test
  void translationDefaultsApplyOnlyWhenNothingResolvesNotForNull() {
    remote.answer(200, "{\"a\": null, \"list\": [{\"id\": 1}, {\"id\": 2}], \"n\": 3.5}");
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("request")).put("requestTemplate", "{}");
    ObjectNode response = (ObjectNode) config.get("response");
    response.set(
        "translationMap",
        json(
            """
        {'a': '$.a', 'missing': '$.nope', 'ids': '$.list[*].id', 'none': '$..nothing', 'n': '$.n',
         'first': '$.list[0]'}
        """));
    response.set(
        "translationMapDefaults",
        json(
            """
        {'a': '\\'default\\'', 'missing': '\\'fallback\\'', 'none': '[\\'empty\\']'}
        """
                .replace("\\'", "\\\"")));
    response.put(
        "successTemplate",
        "{\"a\": ${a}, \"missing\": ${missing}, \"ids\": ${ids}, \"none\": ${none}, \"n\": ${n},"
            + " \"first\": ${first}, \"raw\": $rawResult}");
    JsonNode free =
        json(
            "{'input': {'inputSchema': {'type': 'object', 'properties': {}}},"
                + " 'output': {'successSchema': {'type': 'object', 'properties': {}}}}");
    ExecutionResult result = run(config, free, ActionJson.MAPPER.createObjectNode());
    assertTrue(result.success(), () -> result.testResult().toPrettyString());
    assertEquals(
        json(
            """
            {'a': null, 'missing': 'fallback', 'ids': [1, 2], 'none': ['empty'], 'n': 3.5,
             'first': {'id': 1}}
            """),
        result.testResult().at("/operations/5/result"));
    JsonNode output = result.finalResult();
    assertTrue(output.get("a").isNull());
    assertEquals(json("{'a': null, 'list': [{'id': 1}, {'id': 2}], 'n': 3.5}"), output.get("raw"));
  }

  @Test
  void aPathThatResolvesToNothingWithoutADefaultFails() {
    remote.answer(200, "{\"choices\": []}");
    ExecutionResult result = run(chatConfig(remote.base()));
    JsonNode error = failedStep(result, "Resolve translation map");
    assertEquals("no.results", error.get("code").asText());
    assertTrue(error.get("message").asText().contains("translationMap.answer"));
  }

  @Test
  void malformedDefaultsAndPathsFailTheTranslationStep() {
    ObjectNode config = chatConfig(remote.base());
    ObjectNode response = (ObjectNode) config.get("response");
    response.set("translationMapDefaults", json("{'answer': 'not json'}"));
    assertTrue(
        failedStep(run(config), "Resolve translation map")
            .get("message")
            .asText()
            .contains("translationMapDefaults.answer"));
    response.set("translationMapDefaults", json("{'other': '1'}"));
    failedStep(run(config), "Resolve translation map");
    response.set("translationMapDefaults", json("{}"));
    response.set("translationMap", json("{'answer': '$.[['}"));
    failedStep(run(config), "Resolve translation map");
  }

  @Test
  void aStringValueIsInsertedAsJsonSoQuotingItAgainIsNotJson() {
    remote.answer(200, "{\"choices\":[{\"message\":{\"content\":\"He said \\\"no\\\"\\n\"}}]}");
    ExecutionResult result = run(chatConfig(remote.base()));
    assertEquals("He said \"no\"\n", result.finalResult().get("answer").asText());

    ObjectNode quoted = chatConfig(remote.base());
    ((ObjectNode) quoted.get("response")).put("successTemplate", "{\"answer\": \"${answer}\"}");
    JsonNode error = failedStep(run(quoted), "Execute success template");
    assertEquals("invalid.substitution", error.get("code").asText());
  }

  @Test
  void rawResultPassesTheAnswerThroughByDefault() {
    remote.answer(200, "{\"answer\": \"straight\"}");
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("response")).remove("successTemplate");
    ((ObjectNode) config.get("response")).set("translationMap", json("{}"));
    assertEquals(json("{'answer': 'straight'}"), run(config).finalResult());
  }

  @Test
  void anOutputThatBreaksTheSuccessContractFailsTheLastStep() {
    remote.answer(200, "{\"choices\":[{\"message\":{\"content\": 42}}]}");
    ExecutionResult result = run(chatConfig(remote.base()));
    JsonNode error = failedStep(result, "Validate output against schema");
    assertEquals("invalid.schema", error.get("code").asText());
    assertTrue(
        error.get("message").asText().contains("output.answer: expected string, got integer"));
    assertEquals(8, result.testResult().get("operations").size());
  }

  // --- masking, TLS --------------------------------------------------------------------------

  @Test
  void credentialValuesAreMaskedWhereverTheyAppear() {
    remote.answer(401, "{\"error\":\"key " + KEY + " is invalid\"}");
    ObjectNode config = chatConfig(remote.base());
    ((ObjectNode) config.get("request"))
        .put(
            "requestUrlTemplate", remote.base() + "/v1/chat/completions?key=${credentials.apiKey}");
    ((ObjectNode) config.get("request").get("headers")).put("X-Echo", "k=${input.prompt}");
    ExecutionResult result = run(config, CONTRACT, input("my key is " + KEY, 1));
    String shown = result.testResult().toString();
    assertFalse(shown.contains(KEY), shown);
    assertFalse(result.failure().message().contains(KEY));
    assertTrue(result.failure().message().contains("key ***** is invalid"));
    assertTrue(result.testResult().at("/operations/1/result").asText().endsWith("?key=*****"));
    assertEquals("my key is *****", result.testResult().at("/operations/0/result/prompt").asText());
    assertEquals("*****", result.testResult().at("/operations/3/result/X-Echo").asText());
    // the remote got the real values
    assertEquals("key=" + KEY, remote.received().get(0).query());

    remote.answer(200, "{\"choices\":[{\"message\":{\"content\":\"echo " + KEY + "\"}}]}");
    ExecutionResult echoed = run(chatConfig(remote.base()));
    assertEquals("echo *****", echoed.finalResult().get("answer").asText());
    assertFalse(echoed.testResult().toString().contains(KEY));
  }

  @Test
  void httpsWorksWithTheTrustedCertificateAndFailsWithTheJdkTrust() {
    try (RemoteService tls = RemoteService.https().answer(200, ANSWER)) {
      ExecutionResult trusted = run(chatConfig(tls.base()));
      assertTrue(trusted.success(), () -> trusted.testResult().toPrettyString());
      assertEquals("Bearer " + KEY, tls.received().get(0).header("Authorization"));

      ActionExecutor jdkTrust = new ActionExecutor(jdkContext());
      ExecutionResult untrusted =
          jdkTrust.run(chatConfig(tls.base()), CONTRACT, Map.of("apiKey", KEY), input("x", 1));
      JsonNode error = failedStep(untrusted, "Execute request");
      assertTrue(error.get("message").asText().contains("TLS handshake with 127.0.0.1:"));
      assertTrue(error.get("message").asText().contains("javax.net.ssl.trustStore=<file>"));
    }
  }

  @Test
  void theDefaultExecutorTrustsTheJvmTrustStoreProperties() {
    try (TrustStoreProperties trust = new TrustStoreProperties().trustTestCertificate();
        RemoteService tls = RemoteService.https().answer(200, ANSWER)) {
      ExecutionResult result =
          new ActionExecutor()
              .run(chatConfig(tls.base()), CONTRACT, Map.of("apiKey", KEY), input("x", 1));
      assertTrue(result.success(), () -> result.testResult().toPrettyString());
    }
  }

  @Test
  void aTrustStoreThatCannotBeLoadedFailsEachExecutionAtItsRequestStepNotTheExecutor() {
    String missing = "/no/such/dir/truststore.p12";
    try (TrustStoreProperties trust = new TrustStoreProperties().trustStore(missing)) {
      ActionExecutor executor = new ActionExecutor(); // reads no trust store yet
      ExecutionResult notAFile =
          executor.run(chatConfig(remote.base()), CONTRACT, Map.of("apiKey", KEY), input("x", 1));
      JsonNode error = failedStep(notAFile, "Execute request");
      assertEquals("internal.server.error", error.get("code").asText());
      assertEquals(500, notAFile.failure().status());
      assertEquals("internal.server.error", notAFile.failure().code());
      String message = error.get("message").asText();
      assertTrue(message.contains("javax.net.ssl.trustStore names " + missing), message);
      assertFalse(message.contains("Exception"), message);
      assertFalse(message.contains("\tat "), message);
      assertEquals(List.of(), remote.received(), "no request was sent");

      // the trust is loaded again at the next call, and kept once it loads
      trust.trustTestCertificate();
      ExecutionResult fixed =
          executor.run(chatConfig(remote.base()), CONTRACT, Map.of("apiKey", KEY), input("x", 1));
      assertTrue(fixed.success(), () -> fixed.testResult().toPrettyString());
      trust.trustStore(missing);
      ExecutionResult kept =
          executor.run(chatConfig(remote.base()), CONTRACT, Map.of("apiKey", KEY), input("x", 1));
      assertTrue(kept.success(), () -> kept.testResult().toPrettyString());
    }
  }

  private static javax.net.ssl.SSLContext jdkContext() {
    try {
      javax.net.ssl.TrustManagerFactory trust =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      trust.init((java.security.KeyStore) null);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> fieldNames(JsonNode node) {
    return List.copyOf(iterable(node.fieldNames()));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    java.util.ArrayList<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
