package io.github.genesysllm.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.Identity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionConfirmationTest {

  private static final Identity PROD =
      new Identity("org-1", "Acme Prod", "client-1", "ci", List.of("ai:llm:write"));

  @Test
  void theExactNameConfirms() {
    assertNull(DeletionConfirmation.problem(PROD, "Acme Prod"));
  }

  @Test
  void nothingGivenSaysHowToConfirm() {
    for (String none : new String[] {null, ""}) {
      String problem = DeletionConfirmation.problem(PROD, none);

      assertTrue(
          problem.contains("these credentials act on organization 'Acme Prod' (id org-1)"),
          problem);
      assertTrue(problem.contains("-Dgenesys.confirm=\"Acme Prod\""), problem);
      assertTrue(problem.endsWith("Nothing was deleted."), problem);
    }
  }

  @Test
  void anyOtherValueIsRefusedCaseAndSpacesIncluded() {
    for (String near : List.of("acme prod", "Acme Prod ", "Acme  Prod", "org-1", "Acme Test")) {
      String problem = DeletionConfirmation.problem(PROD, near);

      assertTrue(
          problem.startsWith("genesys.confirm names '" + near + "', but these credentials act on"),
          problem);
    }
  }

  @Test
  void anOrganizationWithoutNameIsConfirmedByItsId() {
    Identity unnamed = new Identity("org-2", null, "client-1", "ci", List.of());

    assertEquals("org-2", DeletionConfirmation.expected(unnamed));
    assertNull(DeletionConfirmation.problem(unnamed, "org-2"));
    assertTrue(
        DeletionConfirmation.problem(unnamed, null).contains("organization 'org-2':"),
        DeletionConfirmation.problem(unnamed, null));
  }
}
