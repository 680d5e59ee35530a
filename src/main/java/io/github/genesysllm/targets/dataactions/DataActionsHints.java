package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.RefusalHints;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Setting;
import java.util.List;

/**
 * How a refusal of the data-actions API is fixed; the client words what every target shares
 * (tokens, rate limits, transient faults).
 */
final class DataActionsHints implements RefusalHints {

  static final String PERMISSIONS =
      "integrations:integration:view/add/edit/delete and"
          + " integrations:action:view/add/edit/delete/execute";

  @Override
  public Fix hint(String method, int status, String code, List<String> detailFields) {
    return switch (status) {
      case 400 ->
          Fix.of(
              DataActionsHint.CHECK_PROVIDER_CONFIGURATION,
              "Genesys Cloud refused the request"
                  + (detailFields.isEmpty()
                      ? ""
                      : " (fields " + String.join(", ", detailFields) + ")")
                  + ": the plugin builds it from the provider's configuration (baseUrl, models,"
                  + " timeout); check those against the dataActions target's rules in the README.");
      case 403 ->
          Fix.of(
              DataActionsHint.GRANT_PERMISSIONS,
              "The OAuth client lacks a permission or a scope: its role needs "
                  + PERMISSIONS
                  + ", and the client the scope integrations (integrations:readonly suffices to"
                  + " read).");
      case 404 ->
          Fix.of(
              DataActionsHint.RUN_AGAIN_LATER,
              "It does not exist (any more): it was deleted meanwhile, or Genesys Cloud has not"
                  + " caught up with its creation yet; run again. If every call answers 404, check"
                  + " the API URL: ",
              Setting.REGION,
              " or ",
              Setting.API_URL,
              ".");
      case 409 ->
          Fix.of(
              DataActionsHint.RUN_AGAIN,
              "It was changed meanwhile (by another build or a person), or is still in use: run"
                  + " again.");
      default -> null;
    };
  }
}
