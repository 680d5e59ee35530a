package io.github.genesysllm.reconcile;

import io.github.genesysllm.client.Identity;

/**
 * The guard of a teardown, as flyway's {@code cleanDisabled} and {@code terraform destroy}'s prompt
 * guard theirs: {@code unregister} deletes only when the build names the organization it acts on,
 * exactly as {@code GET /api/v2/tokens/me} names it (its id when it has no name). A confirmation
 * for another organization is refused too: the credentials are then not those the user thinks.
 */
public final class DeletionConfirmation {

  /** The property that carries the confirmation. */
  public static final String PROPERTY = "genesys.confirm";

  private DeletionConfirmation() {}

  /**
   * Null when {@code confirmation} names the organization of {@code identity}; otherwise what is
   * wrong and how to confirm.
   *
   * @param confirmation the value given, null or empty when none
   */
  public static String problem(Identity identity, String confirmation) {
    String expected = expected(identity);
    if (expected.equals(confirmation)) {
      return null;
    }
    String organization =
        "organization '"
            + expected
            + "'"
            + (expected.equals(identity.organizationId())
                ? ""
                : " (id " + identity.organizationId() + ")");
    String howTo =
        "to delete its configured providers, run unregister again with -D"
            + PROPERTY
            + "=\""
            + expected
            + "\" (the organization's name, exactly), or see what it would delete with"
            + " -Dgenesys.dryRun=true. Nothing was deleted.";
    if (confirmation == null || confirmation.isEmpty()) {
      return "unregister deletes only when told which organization it may delete from; these"
          + " credentials act on "
          + organization
          + ": "
          + howTo;
    }
    return PROPERTY
        + " names '"
        + confirmation
        + "', but these credentials act on "
        + organization
        + ": check that they are those of the organization you mean to clean up; "
        + howTo;
  }

  /** What the confirmation must be: the organization's name, or its id when it has none. */
  public static String expected(Identity identity) {
    String name = identity.organizationName();
    return name == null || name.isEmpty() ? identity.organizationId() : name;
  }
}
