package io.github.genesysllm.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.Identity;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.DesiredProvider;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.TargetType.Access;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

  @Test
  void theDefaultTargetIsTheProvidersApiAndNamesAreExact() {
    assertEquals("providers", Targets.DEFAULT);
    assertEquals("providers", Targets.named(Targets.DEFAULT).name());
    assertEquals(List.of("providers", "dataActions"), Targets.names());
    assertEquals("dataActions", Targets.named("dataActions").name());
  }

  @Test
  void anUnknownNameIsRefusedAtTheTargetSettingListingTheKnownTargets() {
    RefusedInputException e =
        assertThrows(RefusedInputException.class, () -> Targets.named("dataAction"));
    assertEquals(new Place.OfSetting(Setting.TARGET), e.problem().where());
    assertEquals(TargetsHint.NAME_A_KNOWN_TARGET, e.problem().hint());
    assertTrue(e.getMessage().contains("'dataAction'"), "the value given: " + e.getMessage());
    for (String known : Targets.names()) {
      assertTrue(e.getMessage().contains(known), "every known target: " + e.getMessage());
    }

    RefusedInputException blank =
        assertThrows(RefusedInputException.class, () -> Targets.named(" "));
    assertTrue(blank.getMessage().contains("' '"), blank.getMessage());
  }

  @Test
  void aNameThatDiffersOnlyInCaseIsPointedOut() {
    RefusedInputException e =
        assertThrows(RefusedInputException.class, () -> Targets.named("Providers"));
    assertTrue(e.getMessage().contains("did you mean 'providers'?"), e.getMessage());
    RefusedInputException d =
        assertThrows(RefusedInputException.class, () -> Targets.named("dataactions"));
    assertTrue(d.getMessage().contains("did you mean 'dataActions'?"), d.getMessage());
  }

  @Test
  void theProvidersTargetHonoursEveryConfigurationItsRulesAccept() {
    DesiredProvider longest =
        new DesiredProvider(
            new ProviderSettings(
                "n".repeat(200),
                "CUSTOM",
                "https://models.example.com/v1",
                "v1",
                300_000,
                List.of(new ModelSettings("m", "M", 2_000_000, true))),
            Secret.of("sk-test"),
            new Place.InlineProvider(1));

    assertEquals(List.of(), Targets.named("providers").problems(List.of(longest)));
  }

  @Test
  void theProvidersTargetNeedsItsApisScopesAndWritingNeedsBoth() {
    var type = Targets.named("providers");
    assertEquals(List.of("ai:llm:read"), type.scopes(Access.READ).names());
    assertEquals(List.of("ai:llm:read"), type.scopes(Access.PROBE).names());
    assertEquals(List.of("ai:llm:read", "ai:llm:write"), type.scopes(Access.WRITE).names());

    Identity reader = new Identity("o", "Org", "c", "ci", List.of("ai:llm:read"));
    String problem = type.scopes(Access.WRITE).problem(reader, "register", "env");
    assertTrue(problem.contains("lacks the scope ai:llm:write that register needs"), problem);
    assertTrue(problem.contains("AI LLM provider edit permission"), problem);
    Identity none = new Identity("o", "Org", "c", "ci", List.of());
    assertTrue(
        type.scopes(Access.READ).problem(none, "verify", "env").contains("AI LLM provider view"));
    assertEquals(null, type.scopes(Access.READ).problem(reader, "verify", "env"));
  }
}
