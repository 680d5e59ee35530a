package io.github.genesysllm.client;

import io.github.genesysllm.problem.Fix;
import io.github.genesysllm.problem.Setting;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How the client behaves: timeouts, the retry budget, client-side pacing, the resource path and a
 * proxy. {@link #defaults()} gives the plugin's defaults; {@link #builder()} changes some of them.
 *
 * @param timeout connect timeout and response (socket read) timeout of every request
 * @param maxRetryTime the one retry budget of a client: wall-clock time from a call's first attempt
 *     to the end of the wait before its next, parallel retries counted once (see {@link
 *     RetryPolicy})
 * @param maxRequestsPerMinute client-side pacing: at most this many requests in any 60 s (see
 *     {@link SlidingWindowPacer}); 0 turns pacing off
 * @param providersPath the provider resource's path on the API URL
 * @param proxies the proxy of each host the build routes through one; other hosts go the JVM's way
 *     (https.proxyHost ...)
 * @param backoffBase first step of the exponential backoff
 * @param backoffCap longest backoff step
 * @param timeSource clocks and sleeping (a seam for tests)
 * @param jitter random numbers in [0, 1) for full-jitter backoff (a seam for tests)
 */
public record ClientOptions(
    Duration timeout,
    Duration maxRetryTime,
    int maxRequestsPerMinute,
    String providersPath,
    ProxyRoutes proxies,
    Duration backoffBase,
    Duration backoffCap,
    TimeSource timeSource,
    DoubleSupplier jitter) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_RETRY_TIME = Duration.ofSeconds(120);

  /** The contract's default server limit: 300 requests per 60 seconds per token. */
  public static final int DEFAULT_MAX_REQUESTS_PER_MINUTE = 300;

  public static final String DEFAULT_PROVIDERS_PATH = "/api/v2/ai/llm/providers";
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(500);
  public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofSeconds(30);

  public ClientOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxRetryTime, "maxRetryTime");
    Objects.requireNonNull(providersPath, "providersPath");
    Objects.requireNonNull(proxies, "proxies");
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(backoffCap, "backoffCap");
    Objects.requireNonNull(timeSource, "timeSource");
    Objects.requireNonNull(jitter, "jitter");
    if (timeout.isNegative() || timeout.isZero()) {
      throw invalid(Setting.TIMEOUT_SECONDS, timeout.toMillis() + " ms", "it must be positive");
    }
    if (maxRetryTime.isNegative()) {
      throw invalid(
          Setting.MAX_RETRY_TIME_SECONDS,
          maxRetryTime.toSeconds() + " s",
          "it must be 0 (no retries) or more");
    }
    if (maxRequestsPerMinute < 0) {
      throw invalid(
          Setting.MAX_REQUESTS_PER_MINUTE,
          String.valueOf(maxRequestsPerMinute),
          "it must be 0 (no pacing) or more");
    }
    if (!providersPath.startsWith("/")
        || providersPath.endsWith("/")
        || providersPath.contains("?")
        || providersPath.contains("#")) {
      throw invalid(
          Setting.PROVIDERS_PATH,
          "'" + providersPath + "'",
          "it must start with '/', not end with '/' and carry no query, for example "
              + DEFAULT_PROVIDERS_PATH);
    }
    if (backoffBase.isNegative() || backoffCap.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException(
          "Invalid backoff: the base "
              + backoffBase
              + " must be at least 0"
              + " and at most the cap "
              + backoffCap);
    }
  }

  private static InvalidSettingException invalid(Setting setting, String value, String rule) {
    return new InvalidSettingException(
        setting, "invalid value " + value, Fix.of(ClientHint.SET_A_VALID_VALUE, rule));
  }

  public static ClientOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from the defaults. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration maxRetryTime = DEFAULT_MAX_RETRY_TIME;
    private int maxRequestsPerMinute = DEFAULT_MAX_REQUESTS_PER_MINUTE;
    private String providersPath = DEFAULT_PROVIDERS_PATH;
    private ProxyRoutes proxies = ProxyRoutes.NONE;
    private Duration backoffBase = DEFAULT_BACKOFF_BASE;
    private Duration backoffCap = DEFAULT_BACKOFF_CAP;
    private TimeSource timeSource = TimeSource.SYSTEM;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder maxRetryTime(Duration maxRetryTime) {
      this.maxRetryTime = maxRetryTime;
      return this;
    }

    public Builder maxRequestsPerMinute(int maxRequestsPerMinute) {
      this.maxRequestsPerMinute = maxRequestsPerMinute;
      return this;
    }

    public Builder providersPath(String providersPath) {
      this.providersPath = providersPath;
      return this;
    }

    public Builder proxies(ProxyRoutes proxies) {
      this.proxies = proxies;
      return this;
    }

    public Builder backoff(Duration base, Duration cap) {
      this.backoffBase = base;
      this.backoffCap = cap;
      return this;
    }

    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = timeSource;
      return this;
    }

    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = jitter;
      return this;
    }

    public ClientOptions build() {
      return new ClientOptions(
          timeout,
          maxRetryTime,
          maxRequestsPerMinute,
          providersPath,
          proxies,
          backoffBase,
          backoffCap,
          timeSource,
          jitter);
    }
  }
}
