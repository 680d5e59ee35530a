package io.github.genesysllm.problem;

/**
 * A build setting a problem may name, by its plugin parameter name. How a build sets it (an element
 * of the plugin's configuration, a user property) is the edge's to say ({@link Wording}).
 */
public enum Setting {
  ALLOW_RECREATE("allowRecreate"),
  API_URL("apiUrl"),
  CONCURRENCY("concurrency"),
  CONFIG_FILE("configFile"),
  CONFIRM("confirm"),
  DRY_RUN("dryRun"),
  EXPORT_FILE("exportFile"),
  FAIL_ON_DRIFT("failOnDrift"),
  LOGIN_URL("loginUrl"),
  MAX_REQUESTS_PER_MINUTE("maxRequestsPerMinute"),
  MAX_RETRY_TIME_SECONDS("maxRetryTimeSeconds"),
  OUTPUT_DIRECTORY("outputDirectory"),
  OVERWRITE("overwrite"),
  PROBE("probe"),
  PROVIDERS_PATH("providersPath"),
  REGION("region"),
  ROTATE_API_KEYS("rotateApiKeys"),
  SERVER_ID("serverId"),
  SKIP("skip"),
  TARGET("target"),
  TIMEOUT_SECONDS("timeoutSeconds");

  private final String parameter;

  Setting(String parameter) {
    this.parameter = parameter;
  }

  /** The plugin parameter's name ({@code configFile}). */
  public String parameter() {
    return parameter;
  }

  /** This setting given {@code value}, as a fix may ask for it. */
  public SettingValue is(String value) {
    return new SettingValue(this, value);
  }
}
