package io.github.genesysllm.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.Identity;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.SettingValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeletionConfirmationTest {

  private static final Identity PROD =
      new Identity("org-1", "Acme Prod", "client-1", "ci", List.of("ai:llm:write"));

  @Test
  void theExactNameConfirms() {
    assertEquals(Optional.empty(), DeletionConfirmation.problem(PROD, "Acme Prod"));
  }

  @Test
  void nothingGivenSaysHowToConfirmOrToLookFirst() {
    for (String none : new String[] {null, ""}) {
      Problem problem = DeletionConfirmation.problem(PROD, none).orElseThrow();

      assertEquals(Place.NOWHERE, problem.where());
      assertEquals(ReconcileHint.CONFIRM_ORGANIZATION, problem.hint());
      assertEquals(List.of(Setting.CONFIRM, Setting.DRY_RUN), problem.fix().settings());
      assertTrue(
          problem.fix().parts().contains(new SettingValue(Setting.CONFIRM, "Acme Prod")),
          "the confirmation to give: " + problem);
      assertTrue(
          problem.fix().parts().contains(new SettingValue(Setting.DRY_RUN, "true")),
          "the dry run to try: " + problem);
      assertTrue(problem.what().contains("'Acme Prod' (id org-1)"), "the organization: " + problem);
    }
  }

  @Test
  void anyOtherValueIsRefusedCaseAndSpacesIncluded() {
    for (String near : List.of("acme prod", "Acme Prod ", "Acme  Prod", "org-1", "Acme Test")) {
      Problem problem = DeletionConfirmation.problem(PROD, near).orElseThrow();

      assertEquals(new Place.OfSetting(Setting.CONFIRM), problem.where(), near);
      assertEquals(ReconcileHint.CHECK_CREDENTIALS_ORGANIZATION, problem.hint(), near);
      assertTrue(
          problem.fix().parts().contains(new SettingValue(Setting.CONFIRM, "Acme Prod")),
          problem.toString());
      assertTrue(problem.what().contains("'" + near + "'"), "the value given: " + problem);
    }
  }

  @Test
  void anOrganizationWithoutNameIsConfirmedByItsId() {
    Identity unnamed = new Identity("org-2", null, "client-1", "ci", List.of());

    assertEquals("org-2", DeletionConfirmation.expected(unnamed));
    assertEquals(Optional.empty(), DeletionConfirmation.problem(unnamed, "org-2"));
    Problem problem = DeletionConfirmation.problem(unnamed, null).orElseThrow();
    assertTrue(
        problem.fix().parts().contains(new SettingValue(Setting.CONFIRM, "org-2")),
        problem.toString());
  }
}
