package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Difference;
import io.github.genesysllm.reconcile.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the configuration wants of a provider's data actions compared with what exists, field by
 * field, as the providers target lists its differences: {@code integration.state}, {@code
 * credential} (the one the integration maps), then per configured model {@code actions[<model
 * id>].<field>} over the action's name, category, URL, method, headers, request template,
 * translation map and its defaults, success template, timeout and contract; an action missing on
 * one side is one difference whose other side is {@link Difference#ABSENT}. The integration's
 * actions that the configuration does not name are {@link #defects}: verify reports them, register
 * leaves them.
 */
public final class DataActionsComparison {

  /** The reported state register brings an integration to. */
  static final String WANTED_STATE = Integration.ACTIVE;

  /** The value of a list of twins when there are none. */
  static final String NONE = "none";

  private DataActionsComparison() {}

  /** The differences between {@code desired} and {@code state}; empty when they agree. */
  public static List<Difference> differences(ProviderSettings desired, ProviderState state) {
    return Fields.differences(fields(desired), fields(desired, state));
  }

  /**
   * What the configuration wants, in the form {@link #fields(ProviderSettings, ProviderState)} has.
   */
  public static Fields fields(ProviderSettings desired) {
    Fields.Builder fields =
        Fields.builder()
            .value("integration.state", WANTED_STATE)
            .value("integration.twins", NONE)
            .value(
                "credential",
                credentialLabel(
                    DataActionNames.credential(desired), DataActionsJson.CREDENTIAL_TYPE))
            .value("credential.twins", NONE);
    for (ModelSettings model : desired.models()) {
      fields.group(
          "actions[" + model.id() + "]", action(ChatAction.definition(desired, model), NONE));
    }
    return fields.build();
  }

  /**
   * What exists for {@code desired}: a group per configured model whose action exists, keyed by the
   * model's id.
   */
  public static Fields fields(ProviderSettings desired, ProviderState state) {
    Fields.Builder fields =
        Fields.builder()
            .value("integration.state", stateOf(state.integration()))
            .value(
                "integration.twins",
                ids(state.integrationTwins().stream().map(Integration::id).toList()))
            .value("credential", mapped(state, DataActionNames.credential(desired)))
            .value(
                "credential.twins",
                ids(state.credentialTwins().stream().map(Credential::id).toList()));
    for (ModelSettings model : desired.models()) {
      DataAction held = state.actions().get(model.id());
      if (held != null) {
        String twins = ids(twinsOf(state, held.name()).stream().map(ActionSummary::id).toList());
        fields.group("actions[" + model.id() + "]", action(held.definition(), twins));
      }
    }
    return fields.build();
  }

  private static Fields action(ActionDefinition action, String twins) {
    Fields.Builder fields = Fields.builder();
    actionFields(action).forEach(fields::value);
    return fields.value("twins", twins).build();
  }

  /**
   * The integration's actions that the configuration does not name, one difference each: {@code
   * extraActions[<name>]}.
   */
  public static List<Difference> defects(ProviderState state) {
    return state.extra().stream()
        .filter(
            a ->
                state.actions().values().stream()
                    .noneMatch(c -> DataActionNames.same(c.name(), a.name())))
        .map(
            a ->
                new Difference("extraActions[" + a.name() + "]", Difference.ABSENT, "id " + a.id()))
        .toList();
  }

  /**
   * An action's compared fields, in order; maps shown sorted by key; templates and the contract by
   * what they are (the plugin's, for which values; else a digest), so that a difference fits a line
   * and still compares the whole text.
   */
  static Map<String, String> actionFields(ActionDefinition action) {
    ActionConfig config = action.config();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", action.name());
    fields.put("category", action.category());
    fields.put("url", config.request().urlTemplate());
    fields.put("method", config.request().requestType());
    fields.put("headers", entries(config.request().headers()));
    fields.put("requestTemplate", ChatAction.describeRequestTemplate(config.request().template()));
    fields.put("translationMap", entries(config.response().translationMap()));
    fields.put("translationMapDefaults", entries(config.response().translationMapDefaults()));
    fields.put(
        "successTemplate", ChatAction.describeSuccessTemplate(config.response().successTemplate()));
    fields.put("timeoutSeconds", String.valueOf(config.timeoutSeconds()));
    fields.put("contract", contractLabel(action.contract()));
    return fields;
  }

  /**
   * What a contract is: the plugin's current one ({@code genesys-llm chat contract 1}), an older or
   * altered one of the plugin's, or another.
   */
  static String contractLabel(ActionContract contract) {
    if (contract.sameAs(ChatAction.contract())) {
      return "genesys-llm chat contract " + ChatAction.CONTRACT_VERSION;
    }
    Integer version = ChatAction.contractVersionOf(contract);
    if (version == null) {
      return "a contract not written by the plugin";
    }
    return "genesys-llm chat contract "
        + version
        + (version == ChatAction.CONTRACT_VERSION ? ", altered" : "");
  }

  /** The reported state, else the intended one. */
  static String stateOf(Integration integration) {
    return integration.reportedState() != null
        ? integration.reportedState()
        : String.valueOf(integration.intendedState());
  }

  /** The extra actions that have the name of a configured one: its twins. */
  static List<ActionSummary> twinsOf(ProviderState state, String actionName) {
    return state.extra().stream().filter(a -> DataActionNames.same(a.name(), actionName)).toList();
  }

  private static String ids(List<String> ids) {
    return ids.isEmpty() ? NONE : String.join(", ", ids);
  }

  private static String mapped(ProviderState state, String desiredName) {
    String id = state.config().credentialId();
    if (id == null) {
      return "none";
    }
    Credential credential = state.credential();
    if (credential == null) {
      return "credential " + id + ", not listed";
    }
    return isOurs(credential, desiredName)
        ? credentialLabel(desiredName, credential.typeName())
        : credentialLabel(credential.name(), credential.typeName());
  }

  /** Whether a credential is the provider's by the name rule and of the type the plugin makes. */
  static boolean isOurs(Credential credential, String name) {
    return DataActionsJson.CREDENTIAL_TYPE.equals(credential.typeName())
        && DataActionNames.same(credential.name(), name);
  }

  private static String credentialLabel(String name, String type) {
    return name + " (" + type + ")";
  }

  private static String entries(Map<String, String> map) {
    return new TreeMap<>(map)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
