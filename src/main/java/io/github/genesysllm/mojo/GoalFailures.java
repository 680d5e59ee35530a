package io.github.genesysllm.mojo;

import io.github.genesysllm.client.GenesysApiException;
import io.github.genesysllm.config.ConfigurationException;
import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.reconcile.ProbeUnavailableException;
import io.github.genesysllm.reconcile.RefusedChangeException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place that turns what stops a goal into Maven's exceptions, always keeping the cause (or,
 * for problems worded anew, as suppressed: see {@link #keeping}), so that {@code mvn -e} shows it
 * and a plain build prints the message alone (no stack trace for an expected failure). {@link
 * MojoFailureException} for what the user can fix in the build (configuration, parameters,
 * credentials, scopes, a change the target refuses, drift), {@link MojoExecutionException} for the
 * rest (a server fault, a file that cannot be written, a bug). A plain class's exception that
 * carries its problems ({@link Reported}) is worded by {@link MavenHelpfulSuggestions}, any other
 * by its message. Every message is made safe to print ({@link SafeText}).
 */
final class GoalFailures {

  private GoalFailures() {}

  /** What the user can fix, in one line. */
  static MojoFailureException failure(String message) {
    return new MojoFailureException(SafeText.of(message));
  }

  /** What the user can fix, in one line, caused by {@code cause}. */
  static MojoFailureException failure(String message, Throwable cause) {
    return new MojoFailureException(SafeText.of(message), cause);
  }

  /** What the user can fix, as a problem, in Maven's words. */
  static MojoFailureException failure(Problem problem) {
    return new MojoFailureException(MavenHelpfulSuggestions.line(problem));
  }

  /**
   * What the user can fix: {@code header} alone when there are no {@code problems}, else above
   * them, one a line in Maven's words.
   */
  static MojoFailureException failure(String header, List<Problem> problems) {
    return problems.isEmpty()
        ? failure(header)
        : new MojoFailureException(MavenHelpfulSuggestions.message(header, problems));
  }

  /**
   * What the user can fix, as a plain class refused a value the goal gave it: its problems in
   * Maven's words when it carries them, else its message.
   */
  static MojoFailureException refused(RuntimeException e) {
    return keeping(failure(said(e)), e);
  }

  /** What the build cannot fix by itself, in one line, caused by {@code cause}. */
  static MojoExecutionException error(String message, Throwable cause) {
    return new MojoExecutionException(SafeText.of(message), cause);
  }

  /** What the build cannot fix by itself, in several lines: {@code header}, each item, footer. */
  static MojoExecutionException error(String header, List<String> items, String footer) {
    return new MojoExecutionException(
        SafeText.of(header)
            + items.stream().map(item -> "\n  - " + SafeText.of(item)).collect(Collectors.joining())
            + (footer == null ? "" : "\n" + SafeText.of(footer)));
  }

  /**
   * Maven's exception for what stopped {@code goal}'s work: Maven's own as they are; a
   * configuration error, a value a plain class refused (an {@link IllegalArgumentException} that
   * carries its problems), a probe that cannot start and a refused change as a failure; a server's
   * answer as a failure when it refuses the credentials or their scopes (401, 403), else as an
   * error; anything else, unexpected, as an error naming its type.
   */
  static AbstractMojoExecutionException of(String goal, Exception e) {
    if (e instanceof AbstractMojoExecutionException maven) {
      return maven;
    }
    String said = said(e);
    if (e instanceof ConfigurationException) {
      return keeping(new MojoFailureException(said), e); // each line already made safe
    }
    if ((e instanceof IllegalArgumentException && e instanceof Reported)
        || e instanceof ProbeUnavailableException) {
      return keeping(failure(said), e);
    }
    if (e instanceof RefusedChangeException) {
      return keeping(failure(goal + " stopped: " + said), e);
    }
    if (e instanceof GenesysApiException api) {
      String message = goal + " stopped: " + said;
      return api.status() == 401 || api.status() == 403
          ? keeping(failure(message), e)
          : keeping(new MojoExecutionException(SafeText.of(message)), e);
    }
    return error(
        goal + " failed unexpectedly: " + e.getClass().getName() + ": " + e.getMessage(), e);
  }

  /**
   * What {@code e} says: its problems in Maven's words when it carries them as data, else its
   * message, in the plugin's own words.
   */
  static String said(Exception e) {
    return e instanceof Reported reported
        ? MavenHelpfulSuggestions.message(reported)
        : e.getMessage();
  }

  /**
   * {@code failure}, keeping {@code e} for {@code mvn -e}: as its cause when {@code failure} says
   * what {@code e} says; else (problems in Maven's words, {@code e}'s message in the plugin's own)
   * as a suppressed exception, which {@code mvn -e} shows too: Maven adds each cause's message to
   * the build's error, which would list every problem twice.
   */
  static <X extends AbstractMojoExecutionException> X keeping(X failure, Exception e) {
    if (e.getMessage() == null || failure.getMessage().contains(e.getMessage())) {
      failure.initCause(e);
    } else {
      failure.addSuppressed(e);
    }
    return failure;
  }

  /**
   * Throws {@link #of}'s exception for {@code e} with its own type, as {@code Mojo.execute}
   * declares them.
   */
  static void rethrow(String goal, Exception e)
      throws MojoExecutionException, MojoFailureException {
    AbstractMojoExecutionException mapped = of(goal, e);
    if (mapped instanceof MojoFailureException failure) {
      throw failure;
    }
    throw (MojoExecutionException) mapped;
  }
}
