package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.emulator.ApiRequest;
import io.github.genesysllm.emulator.ApiResponse;
import io.github.genesysllm.emulator.EmulatorSettings;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Web Services Data Actions subset of the Platform API ({@code data-actions-api.md}) under
 * {@value #PREFIX}: credentials, the {@code custom-rest-actions} integration type, integrations
 * with their configuration, data actions with drafts and files, and their test and execution
 * through an {@link ActionRunner}. The emulator's handler gives it the requests of its prefix and
 * an {@link Authorizer} for the token, rate limit and scope checks it shares with the rest of the
 * emulator; state is kept in memory and, when there is a state file, in its {@code dataActions}
 * section (credential values encrypted, see {@link CredentialCipher}).
 */
public final class DataActionsApi {

  public static final String PREFIX = "/api/v2/integrations";

  /** The 403 code of a token without the scope (contract section 2). */
  public static final String SCOPE_DENIED_CODE = "app.not.authorized.for.scope";

  /** Runs {@code call} when the request's token holds one of {@code anyOfScopes}. */
  @FunctionalInterface
  public interface Authorizer {
    ApiResponse authorize(List<String> anyOfScopes, Supplier<ApiResponse> call);
  }

  private final Router router = new Router();

  /**
   * @param section the state file's data-actions section, or null for none
   * @throws IOException when the stored state is broken or cannot be decrypted, saying how to fix
   *     it
   */
  public DataActionsApi(EmulatorSettings settings, StateSection section, ActionRunner runner)
      throws IOException {
    ConsistencyLag lag =
        new ConsistencyLag(
            settings.timeSource(),
            settings.searchLagSeconds(),
            settings.createLagSeconds(),
            settings.deleteLagSeconds());
    DataActionsState state = new DataActionsState(settings.timeSource(), lag, section);
    ActionStore actions = new ActionStore(state);
    new CredentialRoutes(new CredentialStore(state)).addTo(router);
    new IntegrationRoutes(new IntegrationStore(state)).addTo(router);
    new ActionRoutes(actions).addTo(router);
    new DraftRoutes(actions).addTo(router);
    new ExecutionRoutes(actions, runner).addTo(router);
  }

  /** Whether {@code path} is under {@value #PREFIX}. */
  public static boolean serves(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  /**
   * Answers a request of the prefix: 404 for an unknown path and 405 for a known path with another
   * method (both without the token), otherwise what the endpoint answers once {@code authorizer}
   * lets it run.
   */
  public ApiResponse handle(ApiRequest r, Authorizer authorizer) {
    return router.dispatch(r, authorizer);
  }
}
