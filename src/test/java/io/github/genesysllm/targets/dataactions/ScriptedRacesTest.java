package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.targets.dataactions.EmulatedOrg.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.Action;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Racing builds, one interleaving at a time: a racer acts at a chosen call of the build under test,
 * as a build that listed a moment earlier or later would, and the build still ends with one
 * credential, integration and action per configured name.
 */
class ScriptedRacesTest {

  private final EmulatedOrg org = new EmulatedOrg(b -> {});
  private final ProviderSettings acme = Samples.acme();
  private final String credentialName = DataActionNames.credential(acme);
  private final EmulatedOrg.Build racer = org.new Build();

  @AfterEach
  void close() {
    org.close();
  }

  /**
   * A racer that listed before this build's credential existed creates and maps its own just before
   * this build maps the one it listed: the build, which wrote, looks again and keeps one.
   */
  @Test
  void aTwinMappedByARacerWhileThisBuildMapsItsOwnIsSettled() {
    String[] theirs = new String[1];
    ProviderProvisioning.Outcome outcome =
        registerWith(
            "putConfig",
            false,
            () -> {
              theirs[0] =
                  racer
                      .api
                      .createCredential(credentialName, EmulatedOrg.desired(acme).apiKey())
                      .id();
              racer.settling.updateConfig(integrationId(), c -> c.withCredential(theirs[0]));
            });

    assertNotEquals(Action.FAILED, outcome.action(), String.valueOf(outcome.problem()));
    String kept = onlyCredential();
    assertEquals(kept, outcome.resourceIds().get("credentialId"));
    assertTrue(kept.compareTo(theirs[0]) <= 0, "the twin of smallest id stays");
    assertEquals(kept, racer.api.config(integrationId()).credentialId());
  }

  /**
   * A racer that listed this build's credential and a twin of smaller id keeps the twin and deletes
   * this build's just before this build maps it: the refused mapping is looked at again, not
   * failed.
   */
  @Test
  void aCredentialDeletedByARacerBeforeItIsMappedGivesWayToTheKeptTwin() {
    String[] theirs = new String[1];
    ProviderProvisioning.Outcome outcome =
        registerWith(
            "putConfig",
            false,
            () -> {
              String mine = racer.api.credentials().get(0).id();
              theirs[0] = smallerTwinOf(mine);
              racer.settling.updateConfig(integrationId(), c -> c.withCredential(theirs[0]));
              racer.api.deleteCredential(mine);
            });

    assertNotEquals(Action.FAILED, outcome.action(), String.valueOf(outcome.problem()));
    assertEquals(theirs[0], onlyCredential());
    assertEquals(theirs[0], outcome.resourceIds().get("credentialId"));
    assertEquals(theirs[0], racer.api.config(integrationId()).credentialId());
  }

  /**
   * A racer keeps its twin integration and deletes this build's, with the action this build just
   * created in it: the build stops waiting for that action to be listed and starts over on the kept
   * integration.
   */
  @Test
  void anIntegrationDeletedUnderAnActionBeingWaitedForIsStartedOver() {
    String[] kept = new String[1];
    ProviderProvisioning.Outcome outcome =
        registerWith(
            "createAction",
            true,
            () -> {
              String mine = integrationId();
              kept[0] = racer.api.createIntegration(DataActionNames.integration(acme)).id();
              racer.api.deleteIntegration(mine);
            });

    assertNotEquals(Action.FAILED, outcome.action(), String.valueOf(outcome.problem()));
    assertEquals(kept[0], outcome.resourceIds().get("integrationId"));
    assertEquals(
        List.of(kept[0]),
        Identities.integrations(racer.api.integrations(), acme.name()).stream()
            .map(Integration::id)
            .toList());
    onlyCredential();
    assertEquals(
        acme.models().size(),
        racer.api.actions(null).stream().filter(a -> a.integrationId().equals(kept[0])).count());
  }

  /**
   * Registers {@code acme} from nothing in a build whose API lets {@code racer} run once, just
   * before (or after) the first call of {@code method}.
   */
  private ProviderProvisioning.Outcome registerWith(
      String method, boolean afterTheCall, Runnable racing) {
    EmulatedOrg.Build build = org.new Build();
    AtomicBoolean once = new AtomicBoolean();
    DataActionsApi raced =
        (DataActionsApi)
            Proxy.newProxyInstance(
                DataActionsApi.class.getClassLoader(),
                new Class<?>[] {DataActionsApi.class},
                (proxy, called, args) -> {
                  boolean now = called.getName().equals(method) && once.compareAndSet(false, true);
                  if (now && !afterTheCall) {
                    racing.run();
                  }
                  Object answer;
                  try {
                    answer = called.invoke(build.api, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                  if (now && afterTheCall) {
                    racing.run();
                  }
                  return answer;
                });
    ProviderProvisioning.Outcome outcome =
        new ProviderProvisioning(
                raced,
                new Settling(raced, Settling.patienceOf(build.genesys)),
                EmulatedOrg.desired(acme),
                null,
                plain(),
                build.notes::add)
            .run();
    assertTrue(once.get(), "the racer ran");
    return outcome;
  }

  /** The id of the provider's integration, as listed. */
  private String integrationId() {
    return Identities.integrations(racer.api.integrations(), acme.name()).get(0).id();
  }

  /** A new credential of the provider's name with an id smaller than {@code id}. */
  private String smallerTwinOf(String id) {
    for (int attempt = 0; attempt < 64; attempt++) {
      String twin =
          racer.api.createCredential(credentialName, EmulatedOrg.desired(acme).apiKey()).id();
      if (twin.compareTo(id) < 0) {
        return twin;
      }
      racer.api.deleteCredential(twin);
    }
    throw new AssertionError("no random id smaller than " + id + " in 64 tries");
  }

  /** The one credential of the provider's name left, once every lag is past. */
  private String onlyCredential() {
    org.time.advance(Duration.ofSeconds(60));
    List<Credential> left = Identities.credentials(racer.api.credentials(), credentialName);
    assertEquals(1, left.size(), "credentials: " + left);
    return left.get(0).id();
  }
}
