package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.client.ApiRequest.encode;
import static io.github.genesysllm.targets.dataactions.Rest.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.GenesysClient;
import io.github.genesysllm.client.OutcomeUnknownException;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link DataActionsApi} over HTTP, through the client's one policy ({@link Rest}: token, pacing,
 * retries out of one budget, correlation ids, secrets kept out of messages). Listings are read page
 * by page ({@link Listings}). A create whose answer was lost is never sent again before a lookup by
 * name shows it was not applied; when it was, the entity found is returned.
 */
public final class DataActionsClient implements DataActionsApi {

  static final String BASE = "/api/v2/integrations";
  static final String CREDENTIALS = BASE + "/credentials";
  static final String ACTIONS = BASE + "/actions";
  static final int PAGE_SIZE = 100;
  static final int CREDENTIAL_PAGE_SIZE = 200;

  static final String REQUEST_TEMPLATE = "requesttemplate.vm";
  static final String SUCCESS_TEMPLATE = "successtemplate.vm";

  private static final String FULL = "?expand=contract&includeConfig=true";

  private final Rest rest;
  private final Listings listings;

  public DataActionsClient(GenesysClient client) {
    this(new Rest(client, new DataActionsHints()));
  }

  DataActionsClient(Rest rest) {
    this.rest = Objects.requireNonNull(rest, "rest");
    this.listings = new Listings(rest);
  }

  // ---- credentials ----

  @Override
  public List<String> credentialTypes() {
    return rest.get(
        CREDENTIALS + "/types",
        "credential types",
        "a list of credential types",
        DataActionsJson::credentialTypeNames);
  }

  @Override
  public List<Credential> credentials() {
    return listings.cursor(
        CREDENTIALS + "/listing",
        CREDENTIAL_PAGE_SIZE,
        "credentials",
        DataActionsJson::credential,
        Credential::id);
  }

  @Override
  public Credential createCredential(String name, Secret apiKey) {
    return create(
        () -> Identities.credentials(credentials(), name),
        check ->
            rest.send(
                "POST",
                CREDENTIALS,
                DataActionsJson.credentialBody(name, apiKey),
                apiKey,
                "credential '" + name + "'",
                "a credential",
                check,
                DataActionsJson::credential));
  }

  @Override
  public void updateCredential(String id, String name, Secret apiKey) {
    rest.send(
        "PUT",
        CREDENTIALS + "/" + segment(id),
        DataActionsJson.credentialBody(name, apiKey),
        apiKey,
        "credential '" + name + "'",
        "a credential",
        null,
        DataActionsJson::credential);
  }

  @Override
  public boolean deleteCredential(String id) {
    return delete(CREDENTIALS + "/" + segment(id), "credential " + id);
  }

  // ---- integrations ----

  @Override
  public List<Integration> integrations() {
    return listings.pages(
        BASE + "?pageSize=" + PAGE_SIZE,
        "integrations",
        DataActionsJson::integration,
        Integration::id);
  }

  @Override
  public Optional<Integration> integration(String id) {
    return found(
        () ->
            rest.get(
                BASE + "/" + segment(id),
                "integration " + id,
                "an integration",
                DataActionsJson::integration));
  }

  @Override
  public Integration createIntegration(String name) {
    return create(
        () -> Identities.integrations(integrations(), name),
        check ->
            rest.send(
                "POST",
                BASE,
                DataActionsJson.integrationBody(name),
                null,
                "integration '" + name + "'",
                "an integration",
                check,
                DataActionsJson::integration));
  }

  @Override
  public Integration setIntendedState(String id, String intendedState) {
    return rest.send(
        "PATCH",
        BASE + "/" + segment(id),
        DataActionsJson.stateBody(intendedState),
        null,
        "integration " + id,
        "an integration",
        null,
        DataActionsJson::integration);
  }

  @Override
  public boolean deleteIntegration(String id) {
    return delete(BASE + "/" + segment(id), "integration " + id);
  }

  @Override
  public IntegrationConfig config(String integrationId) {
    return rest.get(
        configPath(integrationId),
        "the configuration of integration " + integrationId,
        "an integration configuration",
        DataActionsJson::integrationConfig);
  }

  @Override
  public IntegrationConfig putConfig(String integrationId, IntegrationConfig config) {
    return rest.send(
        "PUT",
        configPath(integrationId),
        DataActionsJson.configBody(config),
        null,
        "the configuration of integration " + integrationId,
        "an integration configuration",
        null,
        DataActionsJson::integrationConfig);
  }

  // ---- actions ----

  @Override
  public List<ActionSummary> actions(String nameSearch) {
    return actionListing(ACTIONS, nameSearch, "data actions");
  }

  @Override
  public List<ActionSummary> drafts(String nameSearch) {
    return actionListing(ACTIONS + "/drafts", nameSearch, "data action drafts");
  }

  private List<ActionSummary> actionListing(String path, String nameSearch, String what) {
    String filter = nameSearch == null ? "" : "&name=" + encode(nameSearch);
    return listings.pages(
        path + "?pageSize=" + PAGE_SIZE + filter,
        what,
        DataActionsJson::actionSummary,
        ActionSummary::id);
  }

  @Override
  public Optional<DataAction> action(String id) {
    return found(() -> full(ACTIONS + "/" + segment(id), "data action " + id));
  }

  @Override
  public boolean actionAnswers(String id) {
    return found(
            () ->
                rest.get(
                    ACTIONS + "/" + segment(id),
                    "data action " + id,
                    "a data action",
                    DataActionsJson::actionSummary))
        .isPresent();
  }

  @Override
  public Optional<DataAction> draft(String id) {
    return found(
        () -> full(ACTIONS + "/" + segment(id) + "/draft", "the draft of data action " + id));
  }

  @Override
  public ActionSummary createAction(String integrationId, ActionDefinition action) {
    return createActionAt(ACTIONS, integrationId, action);
  }

  @Override
  public ActionSummary createDraft(String integrationId, ActionDefinition action) {
    return createActionAt(ACTIONS + "/drafts", integrationId, action);
  }

  @Override
  public ActionSummary updateAction(String id, long version, ActionDefinition action) {
    return sendAction(
        "PATCH",
        ACTIONS + "/" + segment(id),
        DataActionsJson.updateActionBody(version, action),
        "data action '" + action.name() + "'");
  }

  @Override
  public ActionSummary draftOf(String id) {
    return sendAction(
        "POST", ACTIONS + "/" + segment(id) + "/draft", null, "the draft of data action " + id);
  }

  @Override
  public ActionSummary updateDraft(String id, long version, ActionDefinition action) {
    return sendAction(
        "PATCH",
        ACTIONS + "/" + segment(id) + "/draft",
        DataActionsJson.updateActionBody(version, action),
        "the draft of data action '" + action.name() + "'");
  }

  @Override
  public ActionSummary publish(String id, long draftVersion) {
    return sendAction(
        "POST",
        ACTIONS + "/" + segment(id) + "/draft/publish",
        DataActionsJson.versionBody(draftVersion),
        "the draft of data action " + id);
  }

  @Override
  public boolean deleteAction(String id) {
    return delete(ACTIONS + "/" + segment(id), "data action " + id);
  }

  @Override
  public boolean deleteDraft(String id) {
    return delete(ACTIONS + "/" + segment(id) + "/draft", "the draft of data action " + id);
  }

  @Override
  public TestRun test(String id, JsonNode input) {
    return testAt(ACTIONS + "/" + segment(id) + "/test", "data action " + id, input);
  }

  @Override
  public TestRun testDraft(String id, JsonNode input) {
    return testAt(
        ACTIONS + "/" + segment(id) + "/draft/test", "the draft of data action " + id, input);
  }

  // ---- helpers ----

  /** A POST that is sent again after a lost answer only when {@code lookup} finds nothing. */
  private static <T> T create(Supplier<List<T>> lookup, Function<BooleanSupplier, T> post) {
    try {
      return post.apply(() -> !lookup.get().isEmpty());
    } catch (OutcomeUnknownException unknown) {
      List<T> found;
      try {
        found = lookup.get();
      } catch (GenesysApiException e) {
        unknown.addSuppressed(e);
        throw unknown;
      }
      if (found.isEmpty()) {
        throw unknown;
      }
      // applied: what the lookup finds is it (or a racer's twin, which settling sorts out)
      return found.get(0);
    }
  }

  private ActionSummary createActionAt(String path, String integrationId, ActionDefinition action) {
    String subject = "data action '" + action.name() + "'";
    boolean draft = path.endsWith("/drafts");
    return create(
        // the whole listing: a name search misses what was created moments ago
        () ->
            Identities.actions(draft ? drafts(null) : actions(null), integrationId, action.name()),
        check ->
            rest.send(
                "POST",
                path,
                DataActionsJson.createActionBody(integrationId, action),
                null,
                subject,
                "a data action",
                check,
                DataActionsJson::actionSummary));
  }

  private ActionSummary sendAction(String method, String path, JsonNode body, String subject) {
    return rest.send(
        method, path, body, null, subject, "a data action", null, DataActionsJson::actionSummary);
  }

  private DataAction full(String path, String subject) {
    DataAction action = rest.get(path + FULL, subject, "a data action", DataActionsJson::action);
    return completeTemplates(action, path.endsWith("/draft"));
  }

  /**
   * Fetches the templates the answer gave only as URIs ({@code requestTemplateUri}), from the
   * action's (or its draft's) template files.
   */
  private DataAction completeTemplates(DataAction action, boolean draft) {
    ActionConfig config = action.definition().config();
    String request = config.request().template();
    String success = config.response().successTemplate();
    if (request != null && success != null) {
      return action;
    }
    String files = ACTIONS + "/" + segment(action.id()) + (draft ? "/draft" : "") + "/templates/";
    String subject = "the templates of data action '" + action.name() + "'";
    return DataActionsJson.withTemplates(
        action,
        request != null ? request : rest.getText(files + REQUEST_TEMPLATE, subject),
        success != null ? success : rest.getText(files + SUCCESS_TEMPLATE, subject));
  }

  private TestRun testAt(String path, String subject, JsonNode input) {
    return rest.send(
        "POST", path, input, null, subject, "a test result", null, DataActionsJson::testRun);
  }

  private static <T> Optional<T> found(Supplier<T> get) {
    try {
      return Optional.of(get.get());
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private boolean delete(String path, String subject) {
    try {
      rest.delete(path, subject);
      return true;
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  private static String configPath(String integrationId) {
    return BASE + "/" + segment(integrationId) + "/config/current";
  }
}
