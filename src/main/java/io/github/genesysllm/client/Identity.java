package io.github.genesysllm.client;

import java.util.List;

/** Who the token belongs to: the answer of {@code GET /api/v2/tokens/me}. */
public record Identity(
    String organizationId,
    String organizationName,
    String clientId,
    String clientName,
    List<String> authorizedScopes) {

  public Identity {
    authorizedScopes = List.copyOf(authorizedScopes);
  }
}
