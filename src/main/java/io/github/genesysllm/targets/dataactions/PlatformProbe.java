package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Checks a provider's models end to end from the platform side: runs each published action's {@code
 * /test} with a tiny prompt, so that Genesys Cloud itself calls the model (the build machine never
 * needs to reach it), and tells the latency of each test and the length of its answer.
 */
final class PlatformProbe {

  /**
   * One action's test: {@code millis} is the test call's round trip; {@code answerLength} the
   * length of {@code answer} (0 when it failed); {@code failedStep} and {@code error} say why it
   * failed; {@code actionId} is null when the action does not exist.
   */
  record Tested(
      String modelId,
      String actionId,
      boolean ok,
      long millis,
      int answerLength,
      String failedStep,
      String error) {}

  private final DataActionsApi api;
  private final LongSupplier nanoClock;

  /** How a failed platform-side test is fixed: Genesys Cloud, not the build, calls the model. */
  static Fix checkModelReachable() {
    return Fix.of(
        DataActionsHint.CHECK_MODEL_REACHABLE,
        "Genesys Cloud calls the model itself: check that the model's URL is reachable from"
            + " Genesys Cloud over HTTPS and that the key is valid (",
        Setting.ROTATE_API_KEYS,
        " sends it again)");
  }

  PlatformProbe(DataActionsApi api, LongSupplier nanoClock) {
    this.api = Objects.requireNonNull(api, "api");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** Tests each configured model's action, in configuration order. */
  List<Tested> probe(ProviderSettings provider, ProviderState state) {
    List<Tested> out = new ArrayList<>();
    for (ModelSettings model : provider.models()) {
      DataAction action = state.actions().get(model.id());
      if (action == null) {
        out.add(new Tested(model.id(), null, false, 0, 0, null, "its data action does not exist"));
        continue;
      }
      long start = nanoClock.getAsLong();
      TestRun run = api.test(action.id(), ActionProvisioning.TEST_INPUT);
      long millis = (nanoClock.getAsLong() - start) / 1_000_000;
      String answer =
          run.finalResult() == null
              ? null
              : run.finalResult().path(ChatAction.OUTPUT_ANSWER).asText(null);
      boolean ok = run.success() && answer != null;
      out.add(
          new Tested(
              model.id(),
              action.id(),
              ok,
              millis,
              answer == null ? 0 : answer.length(),
              run.failedStep(),
              ok
                  ? null
                  : run.error() != null
                      ? run.error()
                      : "the answer has no '" + ChatAction.OUTPUT_ANSWER + "'"));
    }
    return out;
  }
}
