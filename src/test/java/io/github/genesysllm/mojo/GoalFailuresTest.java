package io.github.genesysllm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.client.OutcomeUnknownException;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.reconcile.ProbeUnavailableException;
import io.github.genesysllm.reconcile.RefusedChangeException;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** Which of Maven's exceptions each cause of a stopped goal becomes, always with the cause kept. */
class GoalFailuresTest {

  private static final Problem NOT_OURS =
      Problem.at(new Place.OfProvider("Gateway", "name"), "not ours", null);

  @Test
  void aConfigurationErrorIsAFailureInMavensWordsWithItsCause() {
    ConfigurationException cause =
        new ConfigurationException(
            List.of(
                Problem.at(new Place.InlineProvider(1), "a", null),
                Problem.at(Place.NOWHERE, "b", null)));

    AbstractMojoExecutionException mapped = GoalFailures.of("register", cause);

    assertInstanceOf(MojoFailureException.class, mapped);
    assertEquals(MavenHelpfulSuggestions.message(cause), mapped.getMessage());
    assertTrue(mapped.getMessage().contains("the POM (provider #1): a"), mapped.getMessage());
    assertNull(mapped.getCause(), "Maven would add the plain words of a cause to the error");
    assertSame(cause, mapped.getSuppressed()[0], "kept for mvn -e");
  }

  @Test
  void aConfigurationErrorInTheSameWordsIsTheCause() {
    ConfigurationException cause =
        new ConfigurationException(Problem.at(new Place.InFile("p.yaml", 2), "a", null));

    AbstractMojoExecutionException mapped = GoalFailures.of("register", cause);

    assertEquals("p.yaml:2: a", mapped.getMessage());
    assertSame(cause, mapped.getCause());
  }

  @Test
  void aRefusedChangeIsAFailureWordedInMavensTerms() {
    RefusedChangeException cause = new RefusedChangeException(NOT_OURS);

    AbstractMojoExecutionException mapped = GoalFailures.of("register", cause);

    assertInstanceOf(MojoFailureException.class, mapped);
    assertSame(cause, mapped.getCause());
    assertEquals(
        "register stopped: " + MavenHelpfulSuggestions.line(NOT_OURS), mapped.getMessage());
  }

  @Test
  void aValueAPlainClassRefusedIsAFailureWordedInMavensTerms() {
    RefusedInputException cause =
        new RefusedInputException(
            Problem.at(
                new Place.OfSetting(Setting.CONCURRENCY),
                "0 providers changed at once is out of range",
                null));

    AbstractMojoExecutionException mapped = GoalFailures.of("register", cause);

    assertInstanceOf(MojoFailureException.class, mapped);
    assertSame(cause, kept(mapped), "kept for mvn -e");
    assertTrue(
        mapped.getMessage().startsWith("concurrency (-Dgenesys.concurrency): "),
        mapped.getMessage());
  }

  @Test
  void aProbeThatCannotStartIsAFailureKeepingItsCauseAndItsCausesProblems() {
    IllegalStateException reason = new IllegalStateException("could not read the trust store");
    ProbeUnavailableException cause = new ProbeUnavailableException(reason);

    AbstractMojoExecutionException mapped = GoalFailures.of("verify", cause);

    assertInstanceOf(MojoFailureException.class, mapped);
    assertSame(cause, mapped.getCause());
    assertSame(reason, mapped.getCause().getCause());
    assertTrue(mapped.getMessage().contains("could not read the trust store"), mapped.getMessage());
  }

  @Test
  void anIllegalArgumentThatCarriesNoProblemIsNotTakenForTheUsersFault() {
    AbstractMojoExecutionException mapped =
        GoalFailures.of("register", new IllegalArgumentException("a bug"));

    assertInstanceOf(MojoExecutionException.class, mapped);
  }

  @Test
  void refusedCredentialsOrScopesAreAFailureAnyOtherAnswerAnError() {
    for (int status : new int[] {401, 403}) {
      GenesysApiException cause = answer(status);
      AbstractMojoExecutionException mapped = GoalFailures.of("verify", cause);
      assertInstanceOf(MojoFailureException.class, mapped, "status " + status);
      assertSame(cause, mapped.getCause());
    }
    for (int status : new int[] {0, 400, 404, 409, 429, 500, 503}) {
      GenesysApiException cause = answer(status);
      AbstractMojoExecutionException mapped = GoalFailures.of("verify", cause);
      assertInstanceOf(MojoExecutionException.class, mapped, "status " + status);
      assertSame(cause, mapped.getCause());
    }
    OutcomeUnknownException unknown =
        new OutcomeUnknownException(
            Problem.at(Place.NOWHERE, "no answer", null), 0, new IOException("reset"));
    assertInstanceOf(MojoExecutionException.class, GoalFailures.of("register", unknown));
  }

  @Test
  void anUnexpectedExceptionIsAnErrorNamingItsTypeWithTheCauseKept() {
    IllegalStateException cause = new IllegalStateException("bug");

    AbstractMojoExecutionException mapped = GoalFailures.of("export", cause);

    assertInstanceOf(MojoExecutionException.class, mapped);
    assertSame(cause, mapped.getCause());
    assertTrue(
        mapped.getMessage().contains(IllegalStateException.class.getName()), mapped.getMessage());
  }

  @Test
  void mavensOwnExceptionsPassAsTheyAre() {
    MojoFailureException failure = GoalFailures.failure("fix it");
    MojoExecutionException error = GoalFailures.error("disk full", new IOException("ENOSPC"));

    assertSame(failure, GoalFailures.of("register", failure));
    assertSame(error, GoalFailures.of("register", error));
  }

  @Test
  void rethrowThrowsTheMappedExceptionWithItsOwnType() {
    RefusedChangeException refused = new RefusedChangeException(NOT_OURS);
    MojoFailureException failure =
        assertThrows(MojoFailureException.class, () -> GoalFailures.rethrow("register", refused));
    assertSame(refused, failure.getCause());

    GenesysApiException serverFault = answer(500);
    MojoExecutionException error =
        assertThrows(
            MojoExecutionException.class, () -> GoalFailures.rethrow("register", serverFault));
    assertSame(serverFault, error.getCause());
  }

  @Test
  void noMessageCanBreakALineOfTheBuildLog() {
    MojoFailureException failure = GoalFailures.failure("a\n[INFO] BUILD SUCCESS");
    assertFalse(failure.getMessage().contains("\n"), failure.getMessage());

    MojoExecutionException listed = GoalFailures.error("2 failed:", List.of("x\ny", "z"), "again");
    assertEquals(
        List.of("2 failed:", "  - x\\ny", "  - z", "again"), listed.getMessage().lines().toList());
  }

  /**
   * What {@link GoalFailures#keeping} kept of the exception behind {@code failure}: its cause, else
   * its first suppressed.
   */
  static Throwable kept(Exception failure) {
    return failure.getCause() != null || failure.getSuppressed().length == 0
        ? failure.getCause()
        : failure.getSuppressed()[0];
  }

  private static GenesysApiException answer(int status) {
    return new GenesysApiException(
        new Problem(Place.NOWHERE, "HTTP " + status, null, "cid"),
        status,
        null,
        null,
        null,
        List.of(),
        null);
  }
}
