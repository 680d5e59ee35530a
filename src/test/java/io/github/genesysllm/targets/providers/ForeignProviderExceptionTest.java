package io.github.genesysllm.targets.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Wording;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.reconcile.ProviderProblems;
import io.github.genesysllm.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignProviderExceptionTest {

  private static final Provider THEIRS =
      new Provider(
          "p-9",
          new ProviderSettings(
              "Other Team Gateway",
              "CUSTOM",
              "https://models.example.com/v1",
              "v1",
              30_000,
              List.of(new ModelSettings("m", "M", 1024, false))),
          false,
          1L,
          null,
          null,
          null);

  @Test
  void theRefusalIsAtTheConfiguredNameAndSaysWhatWasFound() {
    ForeignProviderException e = new ForeignProviderException("Gateway", THEIRS);

    Problem problem = e.problem();
    assertEquals(new Place.OfProvider("Gateway", "name"), problem.where());
    assertEquals(ProvidersHint.RENAME_OR_CHOOSE_ANOTHER_NAME, problem.hint());
    assertTrue(
        problem.what().contains("p-9") && problem.what().contains("'Other Team Gateway'"),
        "what the server pointed at: " + problem.what());
  }

  @Test
  void itsOutcomeIsTheProblemItselfAndItsLineSaysTheFieldWithoutTheProviderNorTheClass() {
    Problem problem = new ForeignProviderException("Gateway", THEIRS).problem();

    Problem outcome =
        ProviderProblems.of(new ForeignProviderException("Gateway", THEIRS), Secret.of("sk-test"));

    assertEquals(problem, outcome);
    assertEquals(
        "field name: " + Problem.at(Place.NOWHERE, problem.what(), problem.fix()),
        ProviderProblems.line(outcome, "Gateway", Wording.PLAIN));
  }
}
