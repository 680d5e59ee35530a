package io.github.genesysllm.targets.dataactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.reconcile.Probed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the platform-side tests of the actions of the configured provider {@code provider} found, as
 * verify reports it: OK when every action answered, else which failed, at which step and why, and
 * the failure as a problem at the first failed model's action. Never holds a secret (the platform
 * masks credential values in its test output).
 */
record ProbedActions(String provider, List<PlatformProbe.Tested> tests) implements Probed {

  ProbedActions {
    tests = List.copyOf(tests);
  }

  @Override
  public boolean ok() {
    return tests.stream().allMatch(PlatformProbe.Tested::ok);
  }

  /**
   * {@code OK: gpt-4o-mini answered 2 characters in 840 ms; ...} or {@code FAILED: gpt-4o-mini at
   * step 'Execute request': ...}.
   */
  @Override
  public String describe() {
    return (ok() ? "OK: " : "FAILED: ")
        + tests.stream().map(ProbedActions::line).collect(Collectors.joining("; "))
        + (ok() ? "" : ". Genesys Cloud calls the model itself");
  }

  /** The failed tests, at the action of the first failed model, with how to fix them. */
  @Override
  public Problem problem() {
    List<PlatformProbe.Tested> failed = tests.stream().filter(t -> !t.ok()).toList();
    if (failed.isEmpty()) {
      return null;
    }
    return Problem.at(
        new Place.OfProvider(provider, ProviderProvisioning.action(failed.get(0).modelId())),
        "the platform-side test failed: "
            + failed.stream().map(ProbedActions::line).collect(Collectors.joining("; ")),
        PlatformProbe.checkModelReachable());
  }

  private static String line(PlatformProbe.Tested test) {
    return test.ok()
        ? test.modelId()
            + " answered "
            + test.answerLength()
            + " characters in "
            + test.millis()
            + " ms"
        : test.modelId()
            + (test.failedStep() == null ? "" : " at step '" + test.failedStep() + "'")
            + ": "
            + test.error();
  }

  /**
   * {@code {"status", "actions": [{"model", "id", "ok", "millis", "answerLength" | "step",
   * "error"}]}}.
   */
  @Override
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("status", ok() ? "OK" : "FAILED");
    ArrayNode actions = node.putArray("actions");
    for (PlatformProbe.Tested test : tests) {
      ObjectNode action = actions.addObject();
      action.put("model", test.modelId());
      if (test.actionId() != null) {
        action.put("id", test.actionId());
      }
      action.put("ok", test.ok());
      action.put("millis", test.millis());
      if (test.ok()) {
        action.put("answerLength", test.answerLength());
      } else {
        if (test.failedStep() != null) {
          action.put("step", test.failedStep());
        }
        action.put("error", test.error());
      }
    }
    return node;
  }
}
