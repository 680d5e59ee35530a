package io.github.genesysllm.targets.dataactions;

import static io.github.genesysllm.targets.dataactions.Samples.acme;
import static io.github.genesysllm.targets.dataactions.Samples.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.provider.ProviderSettings;
import org.junit.jupiter.api.Test;

class DataActionNamesTest {

  @Test
  void everyNameIsDerivedFromTheProviderAndTheModel() {
    ProviderSettings acme = acme();
    assertEquals("Acme Gateway", DataActionNames.integration(acme));
    assertEquals("Acme Gateway", DataActionNames.category(acme));
    assertEquals("Acme Gateway API key", DataActionNames.credential(acme));
    assertEquals("Acme Gateway - gpt-4o-mini", DataActionNames.action(acme, acme.models().get(0)));
    assertEquals(
        "Acme Gateway - llama-3/8b:q4", DataActionNames.action(acme, acme.models().get(1)));
  }

  @Test
  void theModelIdIsReadBackFromAnActionNameByTheNameRule() {
    assertEquals(
        "gpt-4o-mini", DataActionNames.modelIdOf("Acme Gateway", "acme GATEWAY - gpt-4o-mini"));
    assertNull(DataActionNames.modelIdOf("Acme Gateway", "Acme Gateway - "));
    assertNull(DataActionNames.modelIdOf("Acme Gateway", "Acme Gateway gpt-4o-mini"));
    assertNull(DataActionNames.modelIdOf("Acme Gateway", "Other - gpt-4o-mini"));
  }

  @Test
  void theNameRuleIgnoresCaseAndCompatibilityFormsButNotAccentsOrSpaces() {
    assertTrue(DataActionNames.same("Acme Gateway", "ACME gateway"));
    assertTrue(DataActionNames.same("Straße", "STRASSE"));
    assertTrue(DataActionNames.same("Ｇateway", "gateway"), "full-width letters are plain ones");
    assertTrue(DataActionNames.same("Acme\u00a0Gateway", "Acme Gateway"), "no-break space");
    assertFalse(DataActionNames.same("Café", "Cafe"));
    assertFalse(DataActionNames.same("Acme Gateway", "Acme  Gateway"));
  }

  @Test
  void modelIdsThatDifferOnlyInCaseNameTheSameAction() {
    ProviderSettings p = Samples.provider("P", model("GPT-4", 10), model("gpt-4", 10));
    assertTrue(
        DataActionNames.same(
            DataActionNames.action(p, p.models().get(0)),
            DataActionNames.action(p, p.models().get(1))));
  }
}
