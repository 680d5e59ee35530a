package io.github.genesysllm.client;

import io.github.genesysllm.log.SafeText;
import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import io.github.genesysllm.problem.Setting;
import io.github.genesysllm.problem.Wording;
import java.util.List;

/**
 * A setting of the client is wrong (a region, a URL, a budget): nothing was sent. Its {@link
 * #problem()} is at {@link Place.OfSetting}; its message is that problem in the plugin's own words.
 */
public class InvalidSettingException extends IllegalArgumentException implements Reported {

  private final transient Problem problem;

  InvalidSettingException(Setting setting, String what, Fix fix) {
    this(Problem.at(new Place.OfSetting(setting), what, fix));
  }

  private InvalidSettingException(Problem problem) {
    super(SafeText.of(problem.render(Wording.PLAIN)));
    this.problem = problem;
  }

  /** What is wrong, as data. */
  public Problem problem() {
    return problem;
  }

  @Override
  public List<Problem> problems() {
    return List.of(problem);
  }
}
