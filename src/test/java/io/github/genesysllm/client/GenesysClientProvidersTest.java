package io.github.genesysllm.client;

import static io.github.genesysllm.client.StubServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderJson;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.providers.ProvidersClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The calls of the contract's section 5 when all goes well: what the client sends and reads. */
class GenesysClientProvidersTest extends ClientTestSupport {

  @Test
  void listAllReadsEveryPageBuildingThePageUrlItselfNotFollowingNextUri() {
    String elsewhere =
        "{\"entities\":["
            + providerJson("id-3", "c")
            + ","
            + providerJson("id-4", "d")
            + "],\"nextUri\":\"https://evil.example.com/api/v2/ai/llm/providers?pageSize=100&pageNumber=3\"}";
    stub.enqueue(
        "GET",
        PROVIDERS,
        Reply.json(200, listing(true, providerJson("id-1", "a"), providerJson("id-2", "b"))),
        Reply.json(200, elsewhere),
        Reply.json(200, listing(false, providerJson("id-5", "e"))));

    List<Provider> all = providers(client()).listAll();

    assertEquals(
        List.of("id-1", "id-2", "id-3", "id-4", "id-5"), all.stream().map(Provider::id).toList());
    List<String> queries =
        stub.requests("GET", PROVIDERS).stream().map(StubServer.Request::rawQuery).toList();
    assertEquals(
        List.of(
            "pageSize=100&pageNumber=1", "pageSize=100&pageNumber=2", "pageSize=100&pageNumber=3"),
        queries);
  }

  @Test
  void listingStopsAtAnEmptyPageEvenWithANextUri() {
    stub.enqueue(
        "GET",
        PROVIDERS,
        Reply.json(200, listing(true, providerJson("id-1", "a"))),
        Reply.json(200, listing(true)));
    assertEquals(1, providers(client()).listAll().size());
    assertEquals(2, stub.requests("GET", PROVIDERS).size());
  }

  @Test
  void aServerThatIgnoresPageNumberIsCaughtInsteadOfListingForever() {
    String samePage = listing(true, providerJson("id-1", "a"));
    stub.fallback("GET", PROVIDERS, () -> Reply.json(200, samePage));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).listAll());
    assertTrue(e.getMessage().contains("id-1 was listed before"), e.getMessage());
    assertEquals(2, stub.requests("GET", PROVIDERS).size());
  }

  /** A page of one new provider each time, always naming a next page. */
  private java.util.function.Supplier<Reply> endlessPages(String counts) {
    java.util.concurrent.atomic.AtomicInteger page =
        new java.util.concurrent.atomic.AtomicInteger();
    return () -> {
      int n = page.incrementAndGet();
      return Reply.json(
          200,
          "{\"entities\":["
              + providerJson("id-" + n, "p" + n)
              + "]"
              + counts
              + ",\"nextUri\":\""
              + PROVIDERS
              + "?pageSize=100&pageNumber="
              + (n + 1)
              + "\"}");
    };
  }

  @Test
  @Timeout(60) // the endless listing would otherwise never end
  void aListingEndsAtThePageCountWhateverNextUriSays() {
    stub.fallback("GET", PROVIDERS, endlessPages(",\"pageCount\":1,\"total\":250"));
    assertEquals(
        List.of("id-1"), providers(client()).listAll().stream().map(Provider::id).toList());
    assertEquals(1, stub.requests("GET", PROVIDERS).size());
  }

  @Test
  @Timeout(60) // the endless listing would otherwise never end
  void aListingEndsOnceTheTotalIsRead() {
    stub.fallback("GET", PROVIDERS, endlessPages(",\"total\":3"));
    assertEquals(3, providers(client()).listAll().size());
    assertEquals(3, stub.requests("GET", PROVIDERS).size());
  }

  @Test
  @Timeout(60) // the endless listing would otherwise never end
  void aListingWithoutAnEndFailsAfterTheMostPagesThePluginReads() {
    stub.fallback("GET", PROVIDERS, endlessPages(""));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).listAll());
    assertTrue(
        e.getMessage()
            .contains("still names a next page after " + ProvidersClient.MAX_PAGES + " pages"),
        e.getMessage());
    assertEquals(ProvidersClient.MAX_PAGES, stub.requests("GET", PROVIDERS).size());
  }

  @Test
  void aPageCountThatIsNotAWholeNumberIsABadAnswer() {
    stub.fallback("GET", PROVIDERS, endlessPages(",\"pageCount\":\"one\""));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).listAll());
    assertTrue(e.getMessage().contains("its 'pageCount' is not a whole number"), e.getMessage());
  }

  @Test
  void findByNameEncodesTheNameAndMatchesItCaseInsensitively() {
    String name = "Gateway & Co/1 é+";
    stub.enqueue(
        "GET",
        PROVIDERS,
        Reply.json(200, listing(false, providerJson("id-9", "GATEWAY & CO/1 É+"))));

    Optional<Provider> found = providers(client()).findByName(name);

    assertEquals("id-9", found.orElseThrow().id());
    assertEquals(
        "pageSize=100&pageNumber=1&name=Gateway%20%26%20Co%2F1%20%C3%A9%2B",
        stub.requests("GET", PROVIDERS).get(0).rawQuery());
  }

  @Test
  void findByNameIgnoresOtherNamesAServerReturns() {
    stub.enqueue("GET", PROVIDERS, Reply.json(200, listing(false, providerJson("id-1", "Other"))));
    assertEquals(Optional.empty(), providers(client()).findByName("Mine"));
  }

  @Test
  void findByNameKeepsOnlyWhatThePluginsNameRuleMatches() {
    // a server folding the dotted capital I as Turkish does lists it; the plugin's rule does not
    stub.enqueue(
        "GET", PROVIDERS, Reply.json(200, listing(false, providerJson("id-1", "İstanbul"))));
    assertEquals(Optional.empty(), providers(client()).findByName("Istanbul"));

    stub.enqueue(
        "GET", PROVIDERS, Reply.json(200, listing(false, providerJson("id-2", "STRASSE"))));
    assertEquals("id-2", providers(client()).findByName("Straße").orElseThrow().id());
  }

  @Test
  void findByNameRefusesTwoProvidersThatTheRuleTakesForOneName() {
    stub.enqueue(
        "GET",
        PROVIDERS,
        Reply.json(
            200, listing(false, providerJson("id-1", "STRASSE"), providerJson("id-2", "Straße"))));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).findByName("strasse"));
    assertTrue(e.getMessage().contains("'STRASSE' (id id-1), 'Straße' (id id-2)"), e.getMessage());
  }

  @Test
  void aListedIdThatIsNotASafePathSegmentIsABadAnswer() {
    stub.enqueue("GET", PROVIDERS, Reply.json(200, listing(false, providerJson("..", "Dots"))));
    GenesysApiException e =
        assertThrows(GenesysApiException.class, () -> providers(client()).listAll());
    assertTrue(e.getMessage().contains("'id' must be usable in a URL path"), e.getMessage());
  }

  @Test
  void anIdThatIsNotASafePathSegmentIsNeverPutInARequest() {
    for (String id : List.of("..", ".", "a/b", "x?y=1", "x#y", "a\nb")) {
      GenesysApiException e =
          assertThrows(GenesysApiException.class, () -> providers(client()).get(id));
      assertTrue(e.getMessage().contains("cannot be used in a request"), e.getMessage());
      assertThrows(GenesysApiException.class, () -> providers(client()).delete(id));
      assertThrows(
          GenesysApiException.class, () -> providers(client()).update(id, 1, settings("X"), null));
    }
    assertTrue(
        stub.requests().stream().noneMatch(r -> r.path().startsWith(PROVIDERS)),
        stub.requests().toString());
  }

  @Test
  void anyOtherIdIsPercentEncodedInThePath() {
    stub.enqueue("GET", PROVIDERS + "/a b%", Reply.json(200, providerJson("a b%", "Odd")));
    assertEquals("a b%", providers(client()).get("a b%").id());
    assertEquals(
        List.of("/api/v2/ai/llm/providers/a%20b%25"),
        stub.requests().stream()
            .filter(r -> r.path().startsWith(PROVIDERS))
            .map(r -> r.uri())
            .toList());
  }

  @Test
  void getReadsTheRepresentation() {
    stub.enqueue("GET", PROVIDERS + "/" + ID, Reply.json(200, providerJson(ID, "Private Gateway")));
    Provider p = providers(client()).get(ID);
    assertEquals(ID, p.id());
    assertEquals("Private Gateway", p.name());
    assertEquals(settings("Private Gateway"), p.settings());
    assertEquals(1, p.version());
  }

  @Test
  void createPostsTheBodyWithTheApiKeyAndReadsTheNewProvider() throws Exception {
    stub.enqueue(
        "POST",
        PROVIDERS,
        Reply.json(201, providerJson(ID, "New")).header("Location", PROVIDERS + "/" + ID));

    Provider created = providers(client()).create(settings("New"), Secret.of(API_KEY));

    assertEquals(ID, created.id());
    StubServer.Request post = stub.requests("POST", PROVIDERS).get(0);
    assertTrue(
        post.header("Content-Type").startsWith("application/json"), post.header("Content-Type"));
    JsonNode body = ProviderJson.MAPPER.readTree(post.body());
    assertEquals(API_KEY, body.get("apiKey").asText());
    assertEquals("New", body.get("name").asText());
    assertFalse(body.has("version"));
  }

  @Test
  void updatePutsTheVersionAndKeepsTheKeyWhenNoneIsGiven() throws Exception {
    stub.enqueue("PUT", PROVIDERS + "/" + ID, Reply.json(200, providerJson(ID, "Renamed")));

    assertEquals("Renamed", providers(client()).update(ID, 7, settings("Renamed"), null).name());

    JsonNode body =
        ProviderJson.MAPPER.readTree(stub.requests("PUT", PROVIDERS + "/" + ID).get(0).body());
    assertEquals(7, body.get("version").asLong());
    assertFalse(body.has("apiKey"));
  }

  @Test
  void deleteSendsADelete() {
    stub.enqueue("DELETE", PROVIDERS + "/" + ID, Reply.empty(204));
    providers(client()).delete(ID);
    assertEquals(1, stub.requests("DELETE", PROVIDERS + "/" + ID).size());
  }

  @Test
  void aConfiguredProvidersPathIsUsed() {
    stub.enqueue("GET", "/custom/providers", Reply.json(200, listing(false)));
    providers(client(b -> b.providersPath("/custom/providers"))).listAll();
    assertEquals(1, stub.requests("GET", "/custom/providers").size());
  }

  @Test
  void identityReadsTokensMe() {
    stub.enqueue(
        "GET",
        GenesysClient.TOKENS_ME_PATH,
        Reply.json(
            200,
            "{\"organization\":{\"id\":\"org-1\",\"name\":\"Acme\"},"
                + "\"homeOrganization\":{\"id\":\"org-1\",\"name\":\"Acme\"},\"authorizedScope\":[\"ai:llm:read\",\"ai:llm:write\"],"
                + "\"OAuthClient\":{\"id\":\""
                + CLIENT_ID
                + "\",\"name\":\"ci-deployer\"}}"));
    assertEquals(
        new Identity(
            "org-1", "Acme", CLIENT_ID, "ci-deployer", List.of("ai:llm:read", "ai:llm:write")),
        client().identity());
  }

  @Test
  void identityWithoutAnOAuthClientLeavesItsFieldsEmpty() {
    stub.enqueue(
        "GET",
        GenesysClient.TOKENS_ME_PATH,
        Reply.json(200, "{\"organization\":{\"id\":\"org-1\"},\"authorizedScope\":[]}"));
    Identity identity = client().identity();
    assertNull(identity.clientId());
    assertEquals(List.of(), identity.authorizedScopes());
  }

  @Test
  void statsCountEveryRequestByMethodForTheSummaryLine() {
    stub.enqueue(
        "GET",
        PROVIDERS + "/" + ID,
        Reply.error(503, "service.unavailable", "busy"),
        Reply.json(200, providerJson(ID, "a")));
    stub.enqueue("POST", PROVIDERS, Reply.json(201, providerJson(ID, "a")));
    stub.enqueue("PUT", PROVIDERS + "/" + ID, Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client();
    providers(client).get(ID);
    providers(client).create(settings("a"), Secret.of(API_KEY));
    providers(client).update(ID, 1, settings("a"), null);

    assertEquals(
        "5 HTTP requests (GET 2, POST 1, PUT 1, token 1), 1 retry", client.stats().summary());
    assertEquals(5, client.stats().requests());
    assertEquals(1, client.stats().tokenRequests());
  }

  @Test
  void parallelCallsShareOneClientAndOneToken() throws Exception {
    stub.fallback("GET", PROVIDERS + "/" + ID, () -> Reply.json(200, providerJson(ID, "a")));
    GenesysClient client = client();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Provider>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        results.add(threads.submit(() -> providers(client).get(ID)));
      }
      for (Future<Provider> result : results) {
        assertEquals(ID, result.get().id());
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(1, stub.requests("POST", "/oauth/token").size());
    assertEquals(20, stub.requests("GET", PROVIDERS + "/" + ID).size());
    assertEquals(21, client.stats().requests());
  }
}
