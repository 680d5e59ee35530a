package io.github.genesysllm.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The OAuth scopes a goal needs on its target, checked against {@code GET /api/v2/tokens/me} before
 * any change, so a client without write access fails before it has done half a job. Each scope
 * comes with the permission that grants it, in words for the message: the target names both.
 */
public record RequiredScopes(List<Scope> scopes) {

  /**
   * A scope ({@code ai:llm:write}), the permission a role needs for it ({@code AI LLM ...}), and
   * the broader scopes that grant it too ({@code integrations} grants {@code
   * integrations:readonly}).
   */
  public record Scope(String name, String permission, List<String> grantedAlsoBy) {

    public Scope {
      grantedAlsoBy = List.copyOf(grantedAlsoBy);
    }

    public Scope(String name, String permission) {
      this(name, permission, List.of());
    }

    boolean grantedTo(Identity identity) {
      List<String> granted = identity.authorizedScopes();
      return granted.contains(name) || grantedAlsoBy.stream().anyMatch(granted::contains);
    }
  }

  public RequiredScopes {
    scopes = List.copyOf(scopes);
  }

  /** The scopes' names, in order. */
  public List<String> names() {
    return scopes.stream().map(Scope::name).toList();
  }

  /** The needed scopes the identity lacks, in the order above. */
  public List<String> missingFrom(Identity identity) {
    List<String> missing = new ArrayList<>();
    for (Scope scope : scopes) {
      if (!scope.grantedTo(identity)) {
        missing.add(scope.name());
      }
    }
    return missing;
  }

  /**
   * A message for a build log when scopes are missing, or null when none are: names the scopes, the
   * client and the organization, and how to fix it (the permission of the last scope missing: the
   * strongest, as a target lists its read scopes first).
   */
  public String problem(Identity identity, String goal, String credentialsSource) {
    List<String> missing = missingFrom(identity);
    if (missing.isEmpty()) {
      return null;
    }
    String last = missing.get(missing.size() - 1);
    String permission =
        scopes.stream().filter(s -> s.name().equals(last)).findFirst().orElseThrow().permission();
    return "The OAuth client '"
        + identity.clientName()
        + "' (from "
        + credentialsSource
        + ") of organization '"
        + identity.organizationName()
        + "' lacks the scope"
        + (missing.size() > 1 ? "s " : " ")
        + String.join(", ", missing)
        + " that "
        + goal
        + " needs; it has "
        + identity.authorizedScopes()
        + ". Nothing was changed. Grant the client a role with the "
        + permission
        + " permission (scope "
        + String.join(", ", missing)
        + ") in Genesys Cloud Admin > OAuth, or use another client.";
  }
}
