package io.github.genesysllm.client;

import io.github.genesysllm.problem.Fix;
import java.util.List;

/**
 * The fix a refused call suggests, for the resources of one target: the client's own fixes cover
 * what every resource shares (tokens, rate limits, transient faults, redirects); a target words the
 * rest, which only it can tell (a 400 on its fields, a 403's permissions, a 404, a 409), with hint
 * keys of its own.
 */
@FunctionalInterface
public interface RefusalHints {

  /**
   * How to fix the refusal, or null to let the client say it.
   *
   * @param method the call's HTTP method
   * @param status the HTTP status (400, 403, 404, 409, ...)
   * @param code the error body's {@code code}, or null
   * @param detailFields the error body's {@code details[].fieldName}
   */
  Fix hint(String method, int status, String code, List<String> detailFields);
}
