package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.emulator.ApiResponse;
import io.github.genesysllm.emulator.dataactions.Router.Access;
import io.github.genesysllm.emulator.dataactions.Shapes.ActionView;
import io.github.genesysllm.emulator.execution.ContractRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The published-action endpoints (contract sections 5.3, 5.5 to 5.9), the two listings (published
 * and drafts) and the template and schema files of both.
 */
final class ActionRoutes {

  /** Section 8: ids per {@code GET /actions?ids=}. */
  static final int MAX_IDS = 50;

  private final ActionStore store;

  ActionRoutes(ActionStore store) {
    this.store = store;
  }

  void addTo(Router router) {
    router
        .add("GET", "actions", Access.READ, (r, p) -> list(r, false))
        .add("GET", "actions/drafts", Access.READ, (r, p) -> list(r, true))
        .add("POST", "actions", Access.WRITE, this::create)
        .add("GET", "actions/{}", Access.READ, this::get)
        .add("PATCH", "actions/{}", Access.WRITE, this::update)
        .add("DELETE", "actions/{}", Access.WRITE, this::delete)
        .add("GET", "actions/{}/templates/{}", Access.READ, (r, p) -> template(p, false))
        .add("GET", "actions/{}/draft/templates/{}", Access.READ, (r, p) -> template(p, true))
        .add("GET", "actions/{}/schemas/{}", Access.READ, (r, p) -> schema(r, p, false))
        .add("GET", "actions/{}/draft/schemas/{}", Access.READ, (r, p) -> schema(r, p, true));
  }

  private ApiResponse create(ApiRequest r, List<String> params) {
    ActionInput.Posted posted = ActionInput.post(Bodies.object(r, "PostActionInput"));
    List<String> problems = ContractRules.check(posted.definition().contract());
    if (!problems.isEmpty()) {
      throw ActionInput.invalidSchema(problems);
    }
    return ApiResponse.json(200, render(store.create(posted, false), false, ActionView.FULL));
  }

  private ApiResponse get(ApiRequest r, List<String> params) {
    ActionView view = view(r);
    return ApiResponse.json(200, render(store.get(params.get(0), false), false, view));
  }

  private ApiResponse update(ApiRequest r, List<String> params) {
    ActionInput.Update update = ActionInput.update(Bodies.object(r, "UpdateActionInput"));
    return ApiResponse.json(
        200, render(store.update(params.get(0), false, update), false, ActionView.FULL));
  }

  private ApiResponse delete(ApiRequest r, List<String> params) {
    store.delete(params.get(0));
    return ApiResponse.empty(204);
  }

  /**
   * GET /actions and /actions/drafts: {@code name} (a substring, any case), {@code category} (the
   * whole name, any case), {@code ids}, {@code secure}, {@code sortBy}/{@code sortOrder}, paging;
   * no {@code integrationId} filter (section 5.5).
   */
  private ApiResponse list(ApiRequest r, boolean drafts) {
    String name = r.query().get("name");
    String category = r.query().get("category");
    Set<String> ids = Query.ids(r, MAX_IDS);
    Boolean secure = r.query().containsKey("secure") ? Query.flag(r, "secure", false) : null;
    Query.flag(r, "includeAuthActions", false); // the emulator has no auth actions to include
    ActionView view = new ActionView(false, Query.flag(r, "includeConfig", false), false);
    String sortBy = r.query().get("sortBy");
    String sortOrder = Query.choice(r, "sortOrder", Set.of("ASC", "DESC"));
    List<JsonNode> matching = new ArrayList<>();
    for (StoredAction action : store.all()) {
      ActionDefinition d = ActionStore.part(action, drafts);
      if (d == null
          || (name != null
              && (!contains(d.name(), name) || store.hiddenFromSearch(action.id(), drafts)))
          || (category != null && !d.category().equalsIgnoreCase(category))
          || (ids != null && !ids.contains(action.id()))
          || (secure != null && d.secure() != secure)) {
        continue;
      }
      matching.add(render(action, drafts, view));
    }
    if (sortBy != null) {
      if (!Set.of("id", "name", "category", "integrationId", "version", "secure")
          .contains(sortBy)) {
        throw Query.invalid(
            "sortBy", "must be a root field: id, name, category, integrationId, version, secure");
      }
      matching.sort(Comparator.comparing(n -> n.get(sortBy), ActionRoutes::compareValues));
    }
    if ("DESC".equals(sortOrder)) {
      Collections.reverse(matching);
    }
    return ApiResponse.json(200, Paging.pageNumbered(r, matching));
  }

  private static boolean contains(String text, String part) {
    return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  private static int compareValues(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Long.compare(a.asLong(), b.asLong());
    }
    return a.asText().compareToIgnoreCase(b.asText());
  }

  /** A template as {@code text/plain}; 404 for another name or a template never set. */
  private ApiResponse template(List<String> params, boolean draft) {
    ActionDefinition d = ActionStore.part(store.require(params.get(0), draft), draft);
    String file = params.get(1);
    JsonNode text =
        switch (file) {
          case Shapes.REQUEST_TEMPLATE -> d.config().path("request").get("requestTemplate");
          case Shapes.SUCCESS_TEMPLATE -> d.config().path("response").get("successTemplate");
          default ->
              throw Bodies.notFound(
                  "No template '"
                      + file
                      + "'; the templates are "
                      + Shapes.REQUEST_TEMPLATE
                      + " and "
                      + Shapes.SUCCESS_TEMPLATE);
        };
    if (text == null) {
      throw Bodies.notFound("The action '" + params.get(0) + "' has no " + file + " set");
    }
    return ApiResponse.text(200, text.asText());
  }

  private ApiResponse schema(ApiRequest r, List<String> params, boolean draft) {
    boolean flatten = Query.flag(r, "flatten", false);
    ActionDefinition d = ActionStore.part(store.require(params.get(0), draft), draft);
    String file = params.get(1);
    JsonNode schema =
        switch (file) {
          case Shapes.INPUT_SCHEMA -> d.inputSchema();
          case Shapes.SUCCESS_SCHEMA -> d.successSchema();
          default ->
              throw Bodies.notFound(
                  "No schema '"
                      + file
                      + "'; the schemas are "
                      + Shapes.INPUT_SCHEMA
                      + " and "
                      + Shapes.SUCCESS_SCHEMA);
        };
    return ApiResponse.json(200, flatten ? Flattening.schema(schema) : schema.deepCopy());
  }

  /** {@code expand=contract} (its one value), {@code flatten}, {@code includeConfig}. */
  static ActionView view(ApiRequest r) {
    boolean contract = false;
    for (String value : r.queryValues("expand")) {
      for (String part : value.split(",")) {
        if (!part.equals("contract")) {
          throw Query.invalid("expand", "takes only contract, got '" + part + "'");
        }
        contract = true;
      }
    }
    return new ActionView(
        contract, Query.flag(r, "includeConfig", false), Query.flag(r, "flatten", false));
  }

  static JsonNode render(StoredAction action, boolean draft, ActionView view) {
    return Shapes.action(
        action.id(), action.integrationId(), ActionStore.part(action, draft), draft, view);
  }
}
