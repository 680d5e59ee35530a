package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.problem.Problem;
import io.github.genesysllm.problem.Reported;
import java.util.List;

/**
 * A failure of one provider's provisioning the user can act on, as a problem at the provider's
 * field ({@link ProviderProvisioning#INTEGRATION}, {@link ProviderProvisioning#CREDENTIAL}, {@link
 * ProviderProvisioning#action}); no stack trace, it is expected.
 */
final class ProvisioningFailure extends RuntimeException implements Reported {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  ProvisioningFailure(Problem problem) {
    super(problem.toString(), null, false, false);
    this.problem = problem;
  }

  @Override
  public List<Problem> problems() {
    return List.of(problem);
  }
}
