package io.github.genesysllm.client;

/**
 * A rate limit the server stated in a 429 that the client had not been pacing to, adopted for the
 * rest of the run (reported once).
 *
 * @param tokenRequests whether it limits the token requests (per OAuth client) rather than the API
 *     requests (per token)
 * @param stated the limit the server stated
 * @param configured the limit the client was configured with, which it keeps too
 */
public record LearnedRateLimit(boolean tokenRequests, RateWindow stated, RateWindow configured) {

  /** The sentence for the build log. */
  public String describe() {
    return "The server limits "
        + (tokenRequests ? "token requests" : "API requests")
        + " to "
        + stated
        + " (its 429 said so), not the configured "
        + configured
        + ": pacing to both for the rest of the run";
  }
}
