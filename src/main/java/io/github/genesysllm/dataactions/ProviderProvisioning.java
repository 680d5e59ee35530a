package io.github.genesysllm.dataactions;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.config.ProviderSlug;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
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
 * (contract section 9, in the order CX as Code uses: integration, credential, configuration with
 * its version, enabling, then the actions), from what was observed ({@code current}, null when
 * nothing was), settling every race by reading the organization.
 *
 * <p>Names are not unique in Genesys Cloud, so two builds racing, or a create whose answer was lost
 * and whose lookup missed it, can leave twins. A run that creates something waits until it is
 * listed where the next run will look ({@link Settling#awaitListed}); then, of the twins it sees,
 * it keeps the smallest id, as every run does, deleting the others when it may: its own, an
 * integration whose configuration bears the plugin's mark ({@link #MARK}), a credential or an
 * action of the provider's name (in the provider's integration, any action of its name is the
 * provider's). A twin integration it may not delete fails the provider, naming the ids.
 */
final class ProviderProvisioning {

  /** The notes of an integration's configuration written by the plugin. */
  static final String MARK = "Managed by genesys-llm-maven-plugin (dataActions target)";

  /** What became of the provider; {@code error} is null unless {@code action} is FAILED. */
  record Outcome(Action action, Map<String, String> resourceIds, String error) {}

  /** A failure of this provider the user can act on. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private final DataActionsApi api;
  private final Settling settling;
  private final DesiredProvider desired;
  private final ProviderSettings settings;
  private final ProviderState current;
  private final ProvisionOptions options;
  private final Consumer<String> notes;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private boolean created;
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
    try {
      Integration integration = integration();
      ids.put("integrationId", integration.id());
      Credential credential = credential(integration);
      ids.put("credentialId", credential.id());
      enable(integration);
      ActionProvisioning actions =
          new ActionProvisioning(api, settling, integration.id(), options, notes);
      // an integration found only now may hold actions nobody observed; one created now holds none
      boolean lookUp = current == null && !created;
      for (ModelSettings model : settings.models()) {
        DataAction observed = current == null ? null : current.actions().get(model.id());
        ActionSummary action =
            actions.settle(ChatAction.definition(settings, model), observed, lookUp);
        ids.put("actions." + ProviderSlug.of(model.id()) + ".id", action.id());
      }
      wrote |= actions.wrote();
      Action action = created ? Action.CREATED : wrote ? Action.UPDATED : Action.UNCHANGED;
      return new Outcome(action, ids, null);
    } catch (Failure | GenesysApiException e) {
      String text = String.valueOf(e.getMessage());
      return new Outcome(
          Action.FAILED,
          ids,
          desired.apiKey().occursIn(text)
              ? e.getClass().getName() + " (its message held the API key)"
              : text);
    }
  }

  // ---- the integration ----

  /** The observed integration, or one found or created now. */
  private Integration integration() {
    if (current != null) {
      return current.integration();
    }
    String name = DataActionNames.integration(settings);
    List<Integration> all = api.integrations();
    List<Integration> found = Identities.integrations(all, name);
    if (!found.isEmpty()) {
      notes.accept(
          "integration '" + name + "' (" + found.get(0).id() + ") appeared meanwhile: adopted");
      return found.get(0);
    }
    Optional<Integration> otherType =
        all.stream()
            .filter(i -> !i.isDataActions() && DataActionNames.same(i.name(), name))
            .findFirst();
    if (otherType.isPresent()) {
      throw new Failure(
          "integration '"
              + otherType.get().name()
              + "' ("
              + otherType.get().id()
              + ") has the provider's name but is of type "
              + otherType.get().typeId()
              + ", not Web Services Data Actions ("
              + Integration.TYPE
              + "): rename the provider or that integration");
    }
    Integration mine = api.createIntegration(name);
    created = true;
    notes.accept("created integration '" + name + "' (" + mine.id() + ")");
    List<Integration> seen =
        settling.awaitListed(
            "integration '" + name + "'",
            () ->
                listedWith(
                    Identities.integrations(api.integrations(), name), Integration::id, mine.id()));
    return keepOneIntegration(seen, mine.id());
  }

  /** Of twins, the smallest id stays; the others go when this run may delete them. */
  private Integration keepOneIntegration(List<Integration> twins, String mine) {
    Integration kept = twins.get(0);
    for (Integration twin : twins.subList(1, twins.size())) {
      if (!twin.id().equals(mine) && !marked(twin.id())) {
        throw new Failure(
            "there are several Web Services Data Actions integrations named '"
                + kept.name()
                + "' ("
                + String.join(", ", twins.stream().map(Integration::id).toList())
                + "), and "
                + twin.id()
                + " was not made by the plugin: delete or rename all but one of them");
      }
      api.deleteIntegration(twin.id());
      notes.accept(
          "deleted integration "
              + twin.id()
              + ", a twin of "
              + kept.id()
              + " (another build created it at the same time)");
    }
    if (!kept.id().equals(mine)) {
      created = false;
      wrote = true;
      notes.accept("kept integration " + kept.id() + ", the older twin");
    }
    return kept;
  }

  private boolean marked(String integrationId) {
    try {
      return MARK.equals(api.config(integrationId).notes());
    } catch (GenesysApiException e) {
      if (e.status() == 404) {
        return true; // gone already: deleting it again is harmless
      }
      throw e;
    }
  }

  // ---- the credential and the configuration ----

  /**
   * The provider's credential, mapped in the integration's configuration: the one mapped already if
   * it is the provider's, else the provider's of that name (created, with the key, when there is
   * none). The key is sent again only when keys are rotated.
   */
  private Credential credential(Integration integration) {
    String name = DataActionNames.credential(settings);
    String mapped = current == null ? null : current.config().credentialId();
    List<Credential> ours = Identities.credentials(api.credentials(), name);
    Credential chosen =
        ours.stream()
            .filter(c -> c.id().equals(mapped))
            .findFirst()
            .orElse(ours.isEmpty() ? null : ours.get(0));
    List<Credential> twins = List.of();
    if (chosen == null) {
      Credential mine = api.createCredential(name, desired.apiKey());
      wrote = true;
      notes.accept("created credential '" + name + "' (" + mine.id() + ")");
      twins =
          settling.awaitListed(
              "credential '" + name + "'",
              () ->
                  listedWith(
                      Identities.credentials(api.credentials(), name), Credential::id, mine.id()));
      chosen = twins.get(0);
    } else if (options.rotateApiKey()) {
      api.updateCredential(chosen.id(), name, desired.apiKey());
      wrote = true;
      notes.accept("sent the API key to credential '" + name + "' (" + chosen.id() + ")");
    }
    String credentialId = chosen.id();
    wrote |= settling.updateConfig(integration.id(), c -> configured(c, credentialId)).written();
    for (Credential twin : twins.subList(Math.min(1, twins.size()), twins.size())) {
      try {
        api.deleteCredential(twin.id());
        notes.accept("deleted credential " + twin.id() + ", a twin of " + credentialId);
      } catch (GenesysApiException e) {
        if (e.status() != 409) {
          throw e;
        }
        notes.accept(
            "left credential " + twin.id() + ", a twin of " + credentialId + ": still in use");
      }
    }
    return chosen;
  }

  /** The configuration with the plugin's name, mark and credential mapping; the rest kept. */
  private IntegrationConfig configured(IntegrationConfig config, String credentialId) {
    IntegrationConfig mapped = config.withCredential(credentialId);
    return new IntegrationConfig(
        DataActionNames.integration(settings),
        mapped.version(),
        MARK,
        mapped.properties(),
        mapped.advanced(),
        mapped.credentialIds());
  }

  // ---- the state ----

  /** Enabled, and reporting ACTIVE before any action is tested or the run ends. */
  private void enable(Integration integration) {
    Integration now = integration;
    if (!Integration.ENABLED.equals(now.intendedState())) {
      now =
          settling.afterCreate(
              () -> api.setIntendedState(integration.id(), Integration.ENABLED),
              "integration " + integration.id());
      wrote = true;
    }
    if (!Integration.ACTIVE.equals(now.reportedState())) {
      now = settling.awaitReported(integration.id(), Set.of(Integration.ACTIVE, Integration.ERROR));
    }
    if (Integration.ERROR.equals(now.reportedState())) {
      throw new Failure(
          "integration '"
              + now.name()
              + "' ("
              + now.id()
              + ") reports ERROR"
              + (now.reportedDetail() == null ? "" : ": " + now.reportedDetail())
              + "; check its credential and configuration in Genesys Cloud");
    }
  }

  /** {@code list} when it holds {@code id}, for {@link Settling#awaitListed}. */
  static <T> Optional<List<T>> listedWith(List<T> list, Function<T, String> idOf, String id) {
    return list.stream().anyMatch(e -> idOf.apply(e).equals(id))
        ? Optional.of(list)
        : Optional.empty();
  }
}
