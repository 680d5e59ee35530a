package io.github.genesysllm.targets.dataactions;

import io.github.genesysllm.provider.ModelSettings;
import io.github.genesysllm.provider.ProviderName;
import io.github.genesysllm.provider.ProviderSettings;

/**
 * The names the {@code dataActions} target gives what it provisions for a provider, all derived
 * from the provider's name and its models' ids, so that they stay the same from run to run and
 * every goal finds the same things:
 *
 * <ul>
 *   <li>the integration (a Web Services Data Actions instance): the provider's name;
 *   <li>the category of its actions: the provider's name (the UI's convention: category =
 *       integration);
 *   <li>the credential holding the API key: the provider's name followed by {@value
 *       #CREDENTIAL_SUFFIX};
 *   <li>one action per model: the provider's name, {@value #ACTION_SEPARATOR}, the model's id.
 * </ul>
 *
 * Names are matched by {@link #same}, the plugin's name rule; identity is the name by that rule
 * within a kind: a credential is (type {@code userDefined}, name), an integration (type {@code
 * custom-rest-actions}, name), an action (integration id, name).
 */
public final class DataActionNames {

  /** The API's limit on names (action name and category; assumed for the others). */
  public static final int MAX_NAME = 256;

  public static final String CREDENTIAL_SUFFIX = " API key";
  public static final String ACTION_SEPARATOR = " - ";

  private DataActionNames() {}

  public static String integration(ProviderSettings provider) {
    return provider.name();
  }

  public static String category(ProviderSettings provider) {
    return provider.name();
  }

  public static String credential(ProviderSettings provider) {
    return provider.name() + CREDENTIAL_SUFFIX;
  }

  public static String action(ProviderSettings provider, ModelSettings model) {
    return actionPrefix(provider.name()) + model.id();
  }

  /** What every action name of the integration named {@code integrationName} starts with. */
  public static String actionPrefix(String integrationName) {
    return integrationName + ACTION_SEPARATOR;
  }

  /**
   * The model id an action of the integration named {@code integrationName} is named after, or null
   * when its name is not {@code <integration name> - <model id>} by the name rule.
   */
  public static String modelIdOf(String integrationName, String actionName) {
    String prefix = actionPrefix(integrationName);
    if (actionName.length() <= prefix.length()
        || !same(actionName.substring(0, prefix.length()), prefix)) {
      return null;
    }
    return actionName.substring(prefix.length());
  }

  /** The plugin's one name rule ({@link ProviderName}), for every name this target derives. */
  public static boolean same(String a, String b) {
    return ProviderName.same(a, b);
  }

  /** The form under which {@link #same} compares names. */
  static String key(String name) {
    return ProviderName.key(name);
  }
}
