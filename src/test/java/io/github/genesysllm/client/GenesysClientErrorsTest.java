package io.github.genesysllm.client;

import static io.github.genesysllm.client.StubServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refused calls and unreadable answers become messages that say what, where and how to fix it. */
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
    String m = e.getMessage();
    assertTrue(
        m.startsWith(
            "POST "
                + PROVIDERS
                + " answered HTTP 400 invalid.value: The request could not be understood"),
        m);
    assertTrue(m.contains("fields: models[0].maxTokens, baseUrl"), m);
    assertTrue(m.contains("ININ-Correlation-Id " + StubServer.CORRELATION_ID), m);
    assertTrue(m.contains("baseUrl must be an absolute https URL"), m);
    assertNoSecret(m);
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
    assertTrue(
        fromBody.getMessage().contains("ININ-Correlation-Id " + StubServer.BODY_CONTEXT_ID),
        fromBody.getMessage());
    assertNull(none.correlationId());
    assertTrue(none.getMessage().contains("ININ-Correlation-Id none"), none.getMessage());
    assertTrue(none.getMessage().contains("<html>not here</html>"), none.getMessage());
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
    assertTrue(
        e.getMessage().contains("grants the scope the server names, ai:llm:write"), e.getMessage());
    assertTrue(e.getMessage().contains("OAuth client '" + CLIENT_ID + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("entitlement"), e.getMessage());
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

    assertTrue(item.getMessage().contains("deleted meanwhile"), item.getMessage());
    assertTrue(
        listing.getMessage().contains("no custom LLM provider API at " + PROVIDERS),
        listing.getMessage());
    assertTrue(listing.getMessage().contains("-Dgenesys.target=dataActions"), listing.getMessage());
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
    assertTrue(e.getMessage().contains("already taken by provider holder-id"), e.getMessage());
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
    assertTrue(echoKey.getMessage().contains("fields: apiKey"), echoKey.getMessage());
  }

  @Test
  void aListingThatIsNotJsonSaysSoWithoutAParserTrace() {
    stub.enqueue("GET", PROVIDERS, Reply.text(200, "<html><body>Sign in</body></html>"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).listAll());
    String m = e.getMessage();
    assertTrue(
        m.startsWith(
            "The server answered 200 to GET "
                + PROVIDERS
                + "?pageSize=100&pageNumber=1 with a body that "
                + "is not the contract's listing"),
        m);
    assertTrue(
        m.contains("it is not JSON (it starts with '<html><body>Sign in</body></html>')"), m);
    assertTrue(m.contains("ININ-Correlation-Id " + StubServer.CORRELATION_ID), m);
    assertFalse(m.contains("Unexpected character"), m);
  }

  @Test
  void aTruncatedJsonBodySaysSo() {
    stub.enqueue("GET", PROVIDERS, Reply.json(200, "{\"entities\":[{\"id\":"));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).listAll());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
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
      assertTrue(e.getMessage().contains(reason), e.getMessage());
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
    assertTrue(empty.getMessage().contains("it is empty"), empty.getMessage());
  }

  @Test
  void aCreateAnsweredWithAnUnreadableBodyMayHaveBeenApplied() {
    stub.enqueue("POST", PROVIDERS, Reply.text(201, "created!"));
    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> providers(client()).create(settings("a"), Secret.of(API_KEY)));
    assertEquals(201, e.status());
    assertTrue(e.getMessage().contains("The create may have been applied"), e.getMessage());
    assertEquals(1, stub.requests("POST", PROVIDERS).size());
  }

  @Test
  void anIdentityOfTheWrongShapeIsABadAnswer() {
    stub.enqueue("GET", GenesysClient.TOKENS_ME_PATH, Reply.json(200, "{\"organization\":{}}"));
    GenesysApiException e = assertThrows(GenesysApiException.class, () -> client().identity());
    assertTrue(e.getMessage().contains("it has no organization.id"), e.getMessage());
  }
}
