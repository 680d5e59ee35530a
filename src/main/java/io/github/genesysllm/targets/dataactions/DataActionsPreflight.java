package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.provider.FieldViolation;
import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code dataActions} target cannot honour in a provider's configuration, checked before
 * any call (the configuration already follows the provider rules): a {@code timeout} that is not a
 * whole number of seconds from 1 to 60 (a data action's {@code timeoutSeconds}), a {@code baseUrl}
 * holding Velocity's {@code $} or {@code #} (the URL is a template), names over the API's {@value
 * DataActionNames#MAX_NAME} characters, two model ids that name the same action by the name rule.
 *
 * <p>Ignored by this target, and documented as such: {@code supportsStreaming} (an action waits for
 * the whole answer: {@code stream: false}), {@code apiVersion} (the URL is {@code baseUrl}'s) and a
 * model's {@code name} (an action has no place for it).
 */
public final class DataActionsPreflight {

  /** A data action's {@code timeoutSeconds} range. */
  public static final int MAX_TIMEOUT_SECONDS = 60;

  private DataActionsPreflight() {}

  /** Every problem of one provider, fields named as in its configuration; empty when none. */
  public static List<FieldViolation> check(ProviderSettings provider) {
    List<FieldViolation> out = new ArrayList<>();
    int timeout = provider.timeout();
    if (timeout > MAX_TIMEOUT_SECONDS * 1000 || timeout % 1000 != 0) {
      out.add(
          new FieldViolation(
              "timeout",
              "the dataActions target sets a data action's timeoutSeconds, a whole number of"
                  + " seconds from 1 to "
                  + MAX_TIMEOUT_SECONDS
                  + ", so timeout must be a multiple of 1000 ms up to "
                  + MAX_TIMEOUT_SECONDS * 1000
                  + ", got "
                  + timeout));
    }
    String baseUrl = provider.baseUrl();
    if (baseUrl.contains("$") || baseUrl.contains("#")) {
      out.add(
          new FieldViolation(
              "baseUrl",
              "must not contain '$' or '#': a data action's URL is a Velocity template"));
    }
    checkLength(
        out, "name", "integration and category name", DataActionNames.integration(provider));
    checkLength(out, "name", "credential name", DataActionNames.credential(provider));
    Map<String, Integer> seen = new HashMap<>();
    List<ModelSettings> models = provider.models();
    for (int i = 0; i < models.size(); i++) {
      ModelSettings model = models.get(i);
      String field = "models[" + i + "].id";
      String action = DataActionNames.action(provider, model);
      checkLength(out, field, "action name '" + action + "'", action);
      Integer twin = seen.putIfAbsent(DataActionNames.key(model.id()), i);
      if (twin != null) {
        out.add(
            new FieldViolation(
                field,
                "'"
                    + model.id()
                    + "' and models["
                    + twin
                    + "].id '"
                    + models.get(twin).id()
                    + "' give actions of the same name by the plugin's name rule (case and"
                    + " Unicode compatibility forms ignored): keep one of them"));
      }
    }
    return out;
  }

  private static void checkLength(
      List<FieldViolation> out, String field, String what, String name) {
    if (name.length() > DataActionNames.MAX_NAME) {
      out.add(
          new FieldViolation(
              field,
              "the "
                  + what
                  + " derived from it is "
                  + name.length()
                  + " characters long; Genesys Cloud takes at most "
                  + DataActionNames.MAX_NAME
                  + ": shorten the provider's name or the model's id"));
    }
  }
}
