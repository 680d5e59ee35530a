package io.github.genesysllm.client;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Place;
import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.RefusedInputException;
import io.github.genesysllm.problem.Setting;

/**
 * A setting of the client is wrong (a region, a URL, a budget): nothing was sent. Its {@link
 * #problem()} is at {@link Place.OfSetting}; its message is that problem in the plugin's own words.
 */
public class InvalidSettingException extends RefusedInputException {

  private static final long serialVersionUID = 1L;

  InvalidSettingException(Setting setting, String what, Fix fix) {
    super(Problem.at(new Place.OfSetting(setting), what, fix));
  }
}
