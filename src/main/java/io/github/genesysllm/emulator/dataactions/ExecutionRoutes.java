package io.github.genesysllm.emulator.dataactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.emulator.ApiError;
import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.emulator.ApiResponse;
import io.github.genesysllm.emulator.dataactions.Router.Access;
import io.github.genesysllm.emulator.execution.ContractRules;
import io.github.genesysllm.emulator.execution.CredentialMask;
import io.github.genesysllm.emulator.execution.ExecutionFailure;
import io.github.genesysllm.emulator.execution.ExecutionResult;
import java.util.List;

/**
 * {@code POST /actions/{id}/test}, {@code /actions/{id}/draft/test} and {@code
 * /actions/{id}/execute} (contract section 7): the request-level checks, then the {@link
 * ActionRunner}, outside the lock (a remote call takes up to {@code timeoutSeconds}).
 *
 * <p>Request-level refusals, for all three: an unknown action (or no draft) is {@code 404}; a body
 * that is not a JSON object {@code 400 bad.request}; an integration that is not ENABLED with its
 * credential {@code 400 bad.request} (ASSUMED, also for the tests, which then have no step to fail
 * at); a draft whose contract breaks section 5.2 {@code 400 invalid.schema}. Functional failures
 * are the runner's: {@code /test} answers its TestExecutionResult with 200, {@code /execute} its
 * failure's status and code.
 */
final class ExecutionRoutes {

  private final ActionStore store;
  private final ActionRunner runner;

  ExecutionRoutes(ActionStore store, ActionRunner runner) {
    this.store = store;
    this.runner = runner;
  }

  void addTo(Router router) {
    router
        .add("POST", "actions/{}/test", Access.WRITE, (r, p) -> run(r, p.get(0), false, true))
        .add("POST", "actions/{}/draft/test", Access.WRITE, (r, p) -> run(r, p.get(0), true, true))
        .add("POST", "actions/{}/execute", Access.WRITE, (r, p) -> run(r, p.get(0), false, false));
  }

  private ApiResponse run(ApiRequest r, String id, boolean draft, boolean test) {
    boolean flatten = Query.flag(r, "flatten", false);
    ActionStore.Execution execution = store.execution(id, draft);
    JsonNode input = Bodies.json(r);
    if (!input.isObject()) {
      throw Bodies.badRequest(
          "The request body must be a JSON object of the action's input values, got "
              + Bodies.kind(input));
    }
    StoredIntegration integration = execution.integration();
    if (!integration.executable()) {
      throw Bodies.badRequest(
          "The integration "
              + integration.id()
              + " ('"
              + integration.config().name()
              + "') is "
              + integration.intendedState()
              + " with reportedState "
              + integration.reportedState()
              + "; its actions run once it is ENABLED with a credential under '"
              + StoredIntegration.CREDENTIAL_KEY
              + "'");
    }
    ActionDefinition definition = execution.definition();
    if (draft) {
      List<String> problems = ContractRules.check(definition.contract());
      if (!problems.isEmpty()) {
        throw ActionInput.invalidSchema(problems);
      }
    }
    ExecutionResult result =
        runner.run(definition.config(), definition.contract(), execution.credentials(), input);
    if (test) {
      ObjectNode testResult = result.testResult().deepCopy();
      withContextId(testResult, r.correlationId());
      if (flatten && testResult.hasNonNull("finalResult")) {
        testResult.set("finalResult", Flattening.value(testResult.get("finalResult")));
      }
      return ApiResponse.json(200, testResult);
    }
    if (result.success()) {
      return ApiResponse.json(
          200, flatten ? Flattening.value(result.finalResult()) : result.finalResult());
    }
    ExecutionFailure failure = result.failure();
    // the engine masks credential values already; masked again so that none ever leaves here
    CredentialMask mask = new CredentialMask(execution.credentials().values());
    throw new ApiError(failure.status(), failure.code(), mask.mask(failure.message()));
  }

  /**
   * Section 1.2: an ErrorBody carries the answer's correlation id as {@code contextId}, also the
   * failed operation's and the final one of a TestExecutionResult (the engine knows no request).
   */
  private static void withContextId(ObjectNode testResult, String correlationId) {
    if (testResult.get("error") instanceof ObjectNode error) {
      error.put("contextId", correlationId);
    }
    for (JsonNode operation : testResult.path("operations")) {
      if (operation.get("error") instanceof ObjectNode error) {
        error.put("contextId", correlationId);
      }
    }
  }
}
