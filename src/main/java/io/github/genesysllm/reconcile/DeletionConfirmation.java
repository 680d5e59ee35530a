package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.Identity;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Setting;
import java.util.Optional;

/**
 * The guard of a teardown, as flyway's {@code cleanDisabled} and {@code terraform destroy}'s prompt
 * guard theirs: {@code unregister} deletes only when the build names the organization it acts on
 * ({@link Setting#CONFIRM}), exactly as {@code GET /api/v2/tokens/me} names it (its id when it has
 * no name). A confirmation for another organization is refused too: the credentials are then not
 * those the user thinks.
 */
public final class DeletionConfirmation {

  private DeletionConfirmation() {}

  /**
   * Empty when {@code confirmation} names the organization of {@code identity}; otherwise what is
   * wrong and how to confirm ({@link ReconcileHint#CONFIRM_ORGANIZATION} when nothing was given,
   * {@link ReconcileHint#CHECK_CREDENTIALS_ORGANIZATION} when another organization was named).
   *
   * @param confirmation the value given, null or empty when none
   */
  public static Optional<Problem> problem(Identity identity, String confirmation) {
    String expected = expected(identity);
    if (expected.equals(confirmation)) {
      return Optional.empty();
    }
    String organization =
        "organization '"
            + expected
            + "'"
            + (expected.equals(identity.organizationId())
                ? ""
                : " (id " + identity.organizationId() + ")");
    if (confirmation == null || confirmation.isEmpty()) {
      return Optional.of(
          Problem.at(
              Place.NOWHERE,
              "unregister deletes only when told which organization it may delete from; these"
                  + " credentials act on "
                  + organization,
              howToConfirm(ReconcileHint.CONFIRM_ORGANIZATION, "", expected)));
    }
    return Optional.of(
        Problem.at(
            new Place.OfSetting(Setting.CONFIRM),
            "it names '" + confirmation + "', but these credentials act on " + organization,
            howToConfirm(
                ReconcileHint.CHECK_CREDENTIALS_ORGANIZATION,
                "check that they are those of the organization you mean to clean up; ",
                expected)));
  }

  private static Fix howToConfirm(ReconcileHint key, String first, String expected) {
    return Fix.of(
        key,
        first + "to delete its configured providers, run unregister again with ",
        Setting.CONFIRM.is(expected),
        " (the organization's name, exactly), or see what it would delete with ",
        Setting.DRY_RUN.is("true"),
        ". Nothing was deleted.");
  }

  /** What the confirmation must be: the organization's name, or its id when it has none. */
  public static String expected(Identity identity) {
    String name = identity.organizationName();
    return name == null || name.isEmpty() ? identity.organizationId() : name;
  }
}
