package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import io.github.genesysllm.reconcile.ProviderProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Brings one configured provider's credential, integration and actions to the configuration
 * (contract section 9, in CX as Code's order: integration, credential, configuration with its
 * version, enabling, then the actions), from what was observed ({@code current}, null when nothing
 * was), settling every race by reading the organization.
 *
 * <p>Names are not unique in Genesys Cloud, so two builds racing, or a create whose answer was lost
 * and whose lookup missed it, leave twins. Every run keeps the twin of smallest id: a run that
 * creates something waits until the listing shows it, or a smaller twin ({@link
 * Settling#awaitListed}), then keeps the smallest and deletes the others; a run that finds twins
 * does the same. It deletes only what it may: credentials and actions of the provider's name (in
 * the provider's integration, any action of its name is the provider's), and an integration that it
 * created, whose configuration bears the plugin's mark ({@link #MARK}), or that is still empty (no
 * action, no foreign credential). A twin integration it may not delete fails the provider, naming
 * the ids. A provider whose integration vanishes under it (a racing build kept a twin) is started
 * over, at most twice. A provider whose integration another build made meanwhile (found just before
 * creating one, or kept as the twin of smaller id) is {@link Action#ADOPTED}.
 */
final class ProviderProvisioning {

  /** The notes of an integration's configuration written by the plugin. */
  static final String MARK = "Managed by genesys-llm-maven-plugin (dataActions target)";

  private static final int MAX_STARTS = 3;

  /**
   * The fields of a provider a problem of this target is at: its {@value #INTEGRATION}, its {@value
   * #CREDENTIAL}, or the action of a model ({@link #action}).
   */
  static final String INTEGRATION = "integration";

  static final String CREDENTIAL = "credential";

  /** The field of the action of the model {@code modelId}: {@code actions[gpt-4o-mini]}. */
  static String action(String modelId) {
    return "actions[" + modelId + "]";
  }

  /** What became of the provider; {@code problem} is null unless {@code action} is FAILED. */
  record Outcome(Action action, Map<String, String> resourceIds, Problem problem) {

    Outcome {
      resourceIds = Maps.ordered(resourceIds);
    }
  }

  private final DataActionsApi api;
  private final Settling settling;
  private final DesiredProvider desired;
  private final ProviderSettings settings;
  private final ProvisionOptions options;
  private final Consumer<String> notes;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private ProviderState current;
  private boolean created;
  private boolean adopted;
  private boolean wrote;

  ProviderProvisioning(
      DataActionsApi api,
      Settling settling,
      DesiredProvider desired,
      ProviderState current,
      ProvisionOptions options,
      Consumer<String> notes) {
    this.api = Objects.requireNonNull(api, "api");
    this.settling = Objects.requireNonNull(settling, "settling");
    this.desired = Objects.requireNonNull(desired, "desired");
    this.settings = desired.settings();
    this.current = current;
    this.options = Objects.requireNonNull(options, "options");
    this.notes = Objects.requireNonNull(notes, "notes");
  }

  /** Runs the change; never throws for what the server answers: a failure is an outcome. */
  Outcome run() {
    for (int start = 1; ; start++) {
      try {
        provision();
        Action action =
            created
                ? Action.CREATED
                : adopted ? Action.ADOPTED : wrote ? Action.UPDATED : Action.UNCHANGED;
        return new Outcome(action, ids, null);
      } catch (GenesysApiException | ProvisioningFailure e) {
        String integrationId = ids.get("integrationId");
        // a 404, a 400 naming the integration, or a wait for an action that went with it, after a
        // racer deleted it as the twin of one of smaller id
        if (start < MAX_STARTS && integrationId != null && vanished(integrationId)) {
          notes.accept(
              "integration "
                  + integrationId
                  + " vanished (a racing build kept a twin): starting over");
          current = null;
          ids.clear();
          created = false;
          wrote = true;
          continue;
        }
        return failed(e);
      }
    }
  }

  /**
   * Whether the integration is gone: not listed any more (a deleted one may go on answering GET by
   * id for a while, and a refused write says the same).
   */
  private boolean vanished(String integrationId) {
    return api.integrations().stream().noneMatch(i -> i.id().equals(integrationId));
  }

  private Outcome failed(RuntimeException e) {
    return new Outcome(Action.FAILED, ids, ProviderProblems.of(e, desired.apiKey()));
  }

  /** The provider's {@code field}, where a problem is. */
  private Place at(String field) {
    return new Place.OfProvider(desired.name(), field);
  }

  private void provision() {
    Integration integration = integration();
    ids.put("integrationId", integration.id());
    CredentialProvisioning credentials =
        new CredentialProvisioning(api, settling, desired, options, notes, at(CREDENTIAL));
    Credential credential = credentials.settle(integration.id());
    wrote |= credentials.wrote();
    ids.put("credentialId", credential.id());
    enable(integration);
    ActionProvisioning actions =
        new ActionProvisioning(api, settling, integration.id(), options, notes);
    // a model's action's problems are at the field of that model's action
    // an integration found only now may hold actions nobody observed; one created now holds none
    boolean lookUp = current == null && !created;
    for (ModelSettings model : settings.models()) {
      ActionDefinition wanted = ChatAction.definition(settings, model);
      DataAction observed = current == null ? null : current.actions().get(model.id());
      List<ActionSummary> twins =
          current == null ? List.of() : DataActionsComparison.twinsOf(current, wanted.name());
      ActionSummary action =
          actions.settle(wanted, at(action(model.id())), observed, twins, lookUp);
      ids.put(ProviderState.actionKey(model), action.id());
    }
    wrote |= actions.wrote();
  }

  // ---- the integration ----

  /** The observed integration, or one found or created now; its twins deleted. */
  private Integration integration() {
    String name = DataActionNames.integration(settings);
    if (current != null) {
      return keepOne(current.integration(), current.integrationTwins(), null);
    }
    List<Integration> all = api.integrations();
    List<Integration> found = Identities.integrations(all, name);
    if (!found.isEmpty()) {
      notes.accept("integration '" + name + "' (" + found.get(0).id() + ") appeared meanwhile");
      adopted = true;
      return keepOne(found.get(0), found.subList(1, found.size()), null);
    }
    Optional<Integration> otherType =
        all.stream()
            .filter(i -> !i.isDataActions() && DataActionNames.same(i.name(), name))
            .findFirst();
    if (otherType.isPresent()) {
      throw new ProvisioningFailure(
          Problem.at(
              at(INTEGRATION),
              "integration '"
                  + otherType.get().name()
                  + "' ("
                  + otherType.get().id()
                  + ") has the provider's name but is of type "
                  + otherType.get().typeId()
                  + ", not Web Services Data Actions ("
                  + Integration.TYPE
                  + ")",
              Fix.of(
                  DataActionsHint.RENAME_PROVIDER_OR_INTEGRATION,
                  "rename the provider or that integration")));
    }
    Integration mine = api.createIntegration(name);
    created = true;
    notes.accept("created integration '" + name + "' (" + mine.id() + ")");
    List<Integration> seen =
        settling.awaitListed(
            "integration '" + name + "'",
            at(INTEGRATION),
            () ->
                listedWith(
                    Identities.integrations(api.integrations(), name), Integration::id, mine.id()));
    Integration kept = keepOne(seen.get(0), seen.subList(1, seen.size()), mine.id());
    if (!kept.id().equals(mine.id())) {
      created = false;
      adopted = true;
      notes.accept("kept integration " + kept.id() + ", a twin of smaller id");
      if (seen.stream().noneMatch(i -> i.id().equals(mine.id()))) {
        api.deleteIntegration(mine.id()); // not listed yet: deleted by its id
      }
    }
    return kept;
  }

  /** Deletes {@code twins} of {@code kept}: each one this run may delete, else fails. */
  private Integration keepOne(Integration kept, List<Integration> twins, String mine) {
    for (Integration twin : twins) {
      if (!twin.id().equals(mine) && !deletable(twin)) {
        throw new ProvisioningFailure(
            Problem.at(
                at(INTEGRATION),
                "there are several Web Services Data Actions integrations named '"
                    + kept.name()
                    + "' ("
                    + kept.id()
                    + ", "
                    + twin.id()
                    + "), and "
                    + twin.id()
                    + " holds data actions or a credential the plugin did not make",
                Fix.of(
                    DataActionsHint.KEEP_ONE_INTEGRATION,
                    "delete or rename all but one of them in Genesys Cloud")));
      }
      if (api.deleteIntegration(twin.id())) {
        wrote = true;
        notes.accept("deleted integration " + twin.id() + ", a twin of " + kept.id());
      }
    }
    return kept;
  }

  /**
   * Marked by the plugin, or still empty: no action, no credential but the provider's. The actions
   * are listed before the configuration is read: a racing build marks the configuration before it
   * makes actions, so an integration it is filling is seen marked, never unmarked with actions.
   */
  private boolean deletable(Integration twin) {
    boolean noAction =
        api.actions(null).stream().noneMatch(a -> a.integrationId().equals(twin.id()));
    IntegrationConfig config;
    try {
      config = api.config(twin.id());
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return true; // gone already
      }
      throw e;
    }
    if (MARK.equals(config.notes())) {
      return true;
    }
    String mapped = config.credentialId();
    boolean ownCredential =
        mapped == null
            || Identities.credentials(api.credentials(), DataActionNames.credential(settings))
                .stream()
                .anyMatch(c -> c.id().equals(mapped));
    return ownCredential && noAction;
  }

  // ---- the state ----

  /** Enabled, and reporting ACTIVE before any action is tested or the run ends. */
  private void enable(Integration integration) {
    Integration now = integration;
    if (!Integration.ENABLED.equals(now.intendedState())) {
      now = api.setIntendedState(integration.id(), Integration.ENABLED);
      wrote = true;
    }
    if (!Integration.ACTIVE.equals(now.reportedState())) {
      now =
          settling.awaitReported(
              integration.id(), Set.of(Integration.ACTIVE, Integration.ERROR), at(INTEGRATION));
    }
    if (Integration.ERROR.equals(now.reportedState())) {
      throw new ProvisioningFailure(
          Problem.at(
              at(INTEGRATION),
              "integration '"
                  + now.name()
                  + "' ("
                  + now.id()
                  + ") reports ERROR"
                  + (now.reportedDetail() == null ? "" : ": " + now.reportedDetail()),
              Fix.of(
                  DataActionsHint.CHECK_INTEGRATION,
                  "check its credential and configuration in Genesys Cloud")));
    }
  }

  /**
   * {@code list} when it holds {@code id} or a smaller one (a twin every run keeps), for {@link
   * Settling#awaitListed}; {@code list} is sorted by id.
   */
  static <T> Optional<List<T>> listedWith(List<T> list, Function<T, String> idOf, String id) {
    return list.stream().anyMatch(e -> idOf.apply(e).compareTo(id) <= 0)
        ? Optional.of(list)
        : Optional.empty();
  }
}
