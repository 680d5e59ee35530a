package io.github.genesysllm.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The OAuth scopes a goal needs (contract section 3), checked against {@code GET /api/v2/tokens/me}
 * before any change, so a client without write access fails before it has done half a job.
 */
public enum RequiredScopes {
  /** Reading providers: verify, export, a dry run. */
  READ(List.of("ai:llm:read")),
  /** Creating, updating or deleting them; write does not imply read, and every goal lists first. */
  READ_WRITE(List.of("ai:llm:read", "ai:llm:write"));

  private final List<String> scopes;

  RequiredScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  public List<String> scopes() {
    return scopes;
  }

  /** The needed scopes the identity lacks, in the order above. */
  public List<String> missingFrom(Identity identity) {
    List<String> missing = new ArrayList<>(scopes);
    missing.removeAll(identity.authorizedScopes());
    return missing;
  }

  /**
   * A message for a build log when scopes are missing, or null when none are: names the scopes, the
   * client and the organization, and how to fix it.
   */
  public String problem(Identity identity, String goal, String credentialsSource) {
    List<String> missing = missingFrom(identity);
    if (missing.isEmpty()) {
      return null;
    }
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
        + ". Nothing was changed. Grant the client a role with the AI LLM provider "
        + (missing.contains("ai:llm:write") ? "edit" : "view")
        + " permission (scope "
        + String.join(", ", missing)
        + ") in Genesys Cloud Admin > OAuth, or use another client.";
  }
}
