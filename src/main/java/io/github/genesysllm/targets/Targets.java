package io.github.genesysllm.targets;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.reconcile.TargetType;
import io.github.genesysllm.targets.dataactions.DataActionsTargetType;
import io.github.genesysllm.targets.providers.ProvidersTargetType;
import java.util.List;

/**
 * The registry of targets: the only place that names them. A new target is a package of its own
 * (its {@link io.github.genesysllm.reconcile.Target} and {@link TargetType}) and one entry here;
 * the core and the goals know nothing else of it.
 */
public final class Targets {

  /** The target of a build that names none. */
  public static final String DEFAULT = ProvidersTargetType.NAME;

  private static final List<TargetType> KNOWN =
      List.of(new ProvidersTargetType(), new DataActionsTargetType());

  private Targets() {}

  /** The names of the known targets, in the registry's order. */
  public static List<String> names() {
    return KNOWN.stream().map(TargetType::name).toList();
  }

  /**
   * The target of that exact name.
   *
   * @throws RefusedInputException at {@link Setting#TARGET}, naming the value (a name that differs
   *     only in case is pointed out) and every known target, when there is none of that name
   */
  public static TargetType named(String name) {
    for (TargetType type : KNOWN) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    String hint =
        KNOWN.stream()
            .map(TargetType::name)
            .filter(known -> name != null && known.equalsIgnoreCase(name.strip()))
            .map(known -> " (did you mean '" + known + "'? names are case-sensitive)")
            .findFirst()
            .orElse("");
    throw new RefusedInputException(
        Problem.at(
            new Place.OfSetting(Setting.TARGET),
            "unknown target '" + name + "'" + hint,
            Fix.of(
                TargetsHint.NAME_A_KNOWN_TARGET,
                "the known targets are "
                    + String.join(", ", names())
                    + "; name one of them, or leave it out for "
                    + DEFAULT)));
  }
}
