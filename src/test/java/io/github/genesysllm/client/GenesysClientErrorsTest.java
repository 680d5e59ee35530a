package io.github.genesysllm.client;

import static io.github.genesysllm.client.StubServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refused calls and unreadable answers become problems that say what, where and how to fix it. */
class GenesysClientErrorsTest extends ClientTestSupport {

  private static final String ITEM = PROVIDERS + "/" + ID;

  @Test
  void a400ListsTheBrokenFieldsAndTheCorrelationId() {
    stub.enqueue(
        "POST",
        PROVIDERS,
        Reply.error(
            400,
            "invalid.value",
            "The request could not be understood",
            "models[0].maxTokens",
            "baseUrl"));

    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> providers(client()).create(settings("a"), Secret.of(API_KEY)));

    assertEquals(400, e.status());
    assertEquals("invalid.value", e.code());
    assertEquals(List.of("models[0].maxTokens", "baseUrl"), e.detailFields());
    assertEquals(StubServer.CORRELATION_ID, e.correlationId());
    assertProblem(e, request("POST", PROVIDERS), ClientHint.FIX_PROVIDER_FIELDS);
    // the server's own words reach the user
    assertTrue(e.problem().what().contains("The request could not be understood"), e.getMessage());
    assertNoSecret(e.getMessage());
  }

  @Test
  void withoutTheHeaderTheCorrelationIdIsTheBodysContextIdElseNone() {
    stub.enqueue(
        "GET",
        ITEM,
        Reply.error(404, "not.found", "gone").withoutCorrelationId(),
        Reply.text(404, "<html>not here</html>").withoutCorrelationId());
    GenesysClient client = client();

    GenesysApiException fromBody =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));
    GenesysApiException none =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));

    assertEquals(StubServer.BODY_CONTEXT_ID, fromBody.correlationId());
    assertNull(none.correlationId());
    // that there was none is said, not left out
    assertTrue(none.problem().what().contains("ININ-Correlation-Id none"), none.getMessage());
    assertTrue(none.problem().what().contains("<html>not here</html>"), none.getMessage());
  }

  @Test
  void a403NamesTheScopeTheServerAsksForAndTheEntitlement() {
    stub.enqueue(
        "PUT",
        ITEM,
        Reply.error(
            403,
            "missing.any.permissions",
            "Unable to perform the requested action. "
                + "You must have at least one of the following scopes assigned: [ai:llm:write]"));
    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> providers(client()).update(ID, 1, settings("a"), null));
    assertEquals(403, e.status());
    assertProblem(e, request("PUT", ITEM), ClientHint.GRANT_PERMISSION);
    assertTrue(fixOf(e).contains("the scope the server names, ai:llm:write"), e.getMessage());
    assertTrue(fixOf(e).contains("OAuth client '" + CLIENT_ID + "'"), e.getMessage());
    assertEquals(1, stub.requests("PUT", ITEM).size());
  }

  @Test
  void a404OnAProviderSaysItMayHaveBeenDeletedAndOnTheListingNamesTheDataActionsTarget() {
    stub.enqueue("GET", ITEM, Reply.error(404, "not.found", "not found"));
    stub.enqueue("GET", PROVIDERS, Reply.error(404, "not.found", "not found"));
    GenesysClient client = client();

    GenesysApiException item =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));
    GenesysApiException listing =
        assertThrows(GenesysApiException.class, providers(client)::listAll);

    assertProblem(item, request("GET", ITEM), ClientHint.PROVIDER_GONE);
    assertProblem(
        listing,
        request("GET", PROVIDERS + "?pageSize=100&pageNumber=1"),
        ClientHint.USE_DATA_ACTIONS_TARGET);
    assertTrue(
        listing.problem().fix().parts().contains(Setting.TARGET.is("dataActions")),
        listing.getMessage());
  }

  @Test
  void a409NameTakenNamesTheProviderThatHoldsIt() {
    stub.enqueue(
        "POST",
        PROVIDERS,
        Reply.json(
            409,
            "{\"message\":\"A provider named 'a' already exists\","
                + "\"code\":\"general.conflict\",\"status\":409,\"entityId\":\"holder-id\",\"contextId\":\"c\",\"details\":[]}"));
    GenesysApiException e =
        assertThrows(
            GenesysApiException.class,
            () -> providers(client()).create(settings("a"), Secret.of(API_KEY)));
    assertTrue(e.is(409, "general.conflict"));
    assertEquals("holder-id", e.entityId());
    assertEquals(ClientHint.CHOOSE_ANOTHER_NAME, e.problem().hint());
    assertTrue(fixOf(e).contains("holder-id"), e.getMessage());
    assertEquals(1, stub.requests("POST", PROVIDERS).size());
  }

  @Test
  void serverTextThatEchoesASecretIsWithheld() {
    stub.enqueue(
        "POST",
        PROVIDERS,
        Reply.error(400, "invalid.value", "apiKey '" + API_KEY + "' is not accepted", "apiKey"));
    stub.enqueue(
        "GET",
        ITEM,
        Reply.error(403, "missing.any.permissions", "token token-1 lacks [ai:llm:read]"));
    GenesysClient client = client();

    GenesysApiException echoKey =
        assertThrows(
            GenesysApiException.class,
            () -> providers(client).create(settings("a"), Secret.of(API_KEY)));
    GenesysApiException echoToken =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));

    for (GenesysApiException e : List.of(echoKey, echoToken)) {
      assertNoSecret(e.getMessage());
      assertNoSecret(String.valueOf(e.serverMessage()));
      assertTrue(e.getMessage().contains(Redactor.WITHHELD), e.getMessage());
    }
    assertEquals(List.of("apiKey"), echoKey.detailFields());
  }

  @Test
  void aListingThatIsNotJsonSaysSoWithoutAParserTrace() {
    stub.enqueue("GET", PROVIDERS, Reply.text(200, "<html><body>Sign in</body></html>"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).listAll());
    assertEquals(200, e.status());
    assertProblem(
        e, request("GET", PROVIDERS + "?pageSize=100&pageNumber=1"), ClientHint.CHECK_API_URL);
    assertEquals(List.of(Setting.PROVIDERS_PATH), e.problem().fix().settings());
    assertEquals(StubServer.CORRELATION_ID, e.correlationId());
    String what = e.problem().what();
    assertTrue(
        what.contains("it is not JSON (it starts with '<html><body>Sign in</body></html>')"), what);
    assertFalse(what.contains("Unexpected character"), what);
  }

  @Test
  void aTruncatedJsonBodySaysSo() {
    stub.enqueue("GET", PROVIDERS, Reply.json(200, "{\"entities\":[{\"id\":"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).listAll());
    assertTrue(e.problem().what().contains("truncated"), e.getMessage());
  }

  @Test
  void aListingOfTheWrongShapeSaysWhatIsMissing() {
    stub.enqueue(
        "GET",
        PROVIDERS,
        Reply.json(200, "{\"items\":[]}"),
        Reply.json(200, "[]"),
        Reply.json(200, "{\"entities\":[{\"name\":\"no id\"}]}"));
    GenesysClient client = client();
    for (String reason :
        List.of(
            "it has no 'entities' list",
            "it has no 'entities' list",
            "entities[0]: a provider's 'id' must be a string")) {
      GenesysApiException e = assertThrows(GenesysApiException.class, providers(client)::listAll);
      assertTrue(e.problem().what().contains(reason), e.getMessage());
      assertFalse(e instanceof OutcomeUnknownException);
    }
  }

  @Test
  void anEmptyOrWrongProviderAnswerIsABadAnswer() {
    stub.enqueue(
        "GET", ITEM, Reply.json(200, "{\"id\":\"" + ID + "\",\"name\":\"a\"}"), Reply.empty(200));
    GenesysClient client = client();
    GenesysApiException wrong =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));
    GenesysApiException empty =
        assertThrows(GenesysApiException.class, () -> providers(client).get(ID));
    assertTrue(
        wrong
            .getMessage()
            .contains("not the contract's provider representation: a provider's 'baseUrl'"),
        wrong.getMessage());
    assertTrue(empty.problem().what().contains("it is empty"), empty.getMessage());
  }

  @Test
  void aCreateAnsweredWithAnUnreadableBodyMayHaveBeenApplied() {
    stub.enqueue("POST", PROVIDERS, Reply.text(201, "created!"));
    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> providers(client()).create(settings("a"), Secret.of(API_KEY)));
    assertEquals(201, e.status());
    assertProblem(e, request("POST", PROVIDERS), ClientHint.CHECK_API_URL);
    assertEquals(1, stub.requests("POST", PROVIDERS).size());
  }

  @Test
  void anIdentityOfTheWrongShapeIsABadAnswer() {
    stub.enqueue("GET", GenesysClient.TOKENS_ME_PATH, Reply.json(200, "{\"organization\":{}}"));
    GenesysApiException e = assertThrows(GenesysApiException.class, () -> client().identity());
    assertTrue(e.problem().what().contains("it has no organization.id"), e.getMessage());
  }
}
