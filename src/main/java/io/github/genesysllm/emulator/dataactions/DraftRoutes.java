package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.emulator.ApiResponse;
import io.github.genesysllm.emulator.dataactions.Router.Access;
import io.github.genesysllm.emulator.dataactions.Shapes.ActionView;
import io.github.genesysllm.emulator.execution.ContractRules;
import io.github.genesysllm.provider.ProviderJson;
import java.util.List;
import java.util.Set;

/**
 * The draft workflow (contract section 5.4). A draft may hold a contract that breaks the rules of
 * section 5.2 (ASSUMED, as the UI saves work in progress): validation lists the problems and
 * publishing refuses it with {@code 400 invalid.schema}.
 */
final class DraftRoutes {

  private final ActionStore store;

  DraftRoutes(ActionStore store) {
    this.store = store;
  }

  void addTo(Router router) {
    router
        .add("POST", "actions/drafts", Access.WRITE, this::create)
        .add("GET", "actions/{}/draft", Access.READ, this::get)
        .add("PATCH", "actions/{}/draft", Access.WRITE, this::update)
        .add("DELETE", "actions/{}/draft", Access.WRITE, this::delete)
        .add("POST", "actions/{}/draft", Access.WRITE, this::fromPublished)
        .add("GET", "actions/{}/draft/validation", Access.READ, this::validation)
        .add("POST", "actions/{}/draft/publish", Access.WRITE, this::publish);
  }

  private ApiResponse create(ApiRequest r, List<String> params) {
    ActionInput.Posted posted = ActionInput.post(Bodies.object(r, "PostActionInput"));
    return ApiResponse.json(
        200, ActionRoutes.render(store.create(posted, true), true, ActionView.FULL));
  }

  private ApiResponse get(ApiRequest r, List<String> params) {
    ActionView view = ActionRoutes.view(r);
    return ApiResponse.json(200, ActionRoutes.render(store.get(params.get(0), true), true, view));
  }

  private ApiResponse update(ApiRequest r, List<String> params) {
    ActionInput.Update update = ActionInput.draftUpdate(Bodies.object(r, "UpdateDraftInput"));
    return ApiResponse.json(
        200, ActionRoutes.render(store.update(params.get(0), true, update), true, ActionView.FULL));
  }

  private ApiResponse delete(ApiRequest r, List<String> params) {
    store.deleteDraft(params.get(0));
    return ApiResponse.empty(204);
  }

  /** A draft copied from the published action; its body, if any, is not read. */
  private ApiResponse fromPublished(ApiRequest r, List<String> params) {
    return ApiResponse.json(
        200, ActionRoutes.render(store.draftFromPublished(params.get(0)), true, ActionView.FULL));
  }

  /** {@code DraftValidationResult}: {@code valid} and one ErrorBody per problem. */
  private ApiResponse validation(ApiRequest r, List<String> params) {
    ActionDefinition draft = store.require(params.get(0), true).draft();
    List<String> problems = ContractRules.check(draft.contract());
    ObjectNode body = ProviderJson.MAPPER.createObjectNode();
    body.put("valid", problems.isEmpty());
    ArrayNode errors = body.putArray("errors");
    for (String problem : problems) {
      errors
          .addObject()
          .put("message", problem)
          .put("code", "invalid.schema")
          .put("status", 400)
          .put("contextId", r.correlationId());
    }
    return ApiResponse.json(200, body);
  }

  private ApiResponse publish(ApiRequest r, List<String> params) {
    ObjectNode body = Bodies.object(r, "PublishDraftInput");
    Bodies.onlyProperties(body, "PublishDraftInput", Set.of("version"), Set.of());
    int version = Bodies.integer(body, "version", "", true);
    StoredAction published =
        store.publish(params.get(0), version, d -> ContractRules.check(d.contract()));
    return ApiResponse.json(200, ActionRoutes.render(published, false, ActionView.FULL));
  }
}
