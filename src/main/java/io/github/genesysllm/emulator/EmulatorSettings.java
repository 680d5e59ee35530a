package io.github.genesysllm.emulator;

import io.github.genesysllm.client.TimeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link Emulator} runs. Immutable; made with {@link #builder()}, whose defaults give an
 * emulator on an ephemeral loopback port with one client ({@value #DEFAULT_CLIENT_ID} / {@value
 * #DEFAULT_CLIENT_SECRET}, with every scope of {@link #KNOWN_SCOPES}), the contract's token
 * lifetime (86399 s) and rate limit (300 requests per 60 s, in any sliding 60 s, as the platform
 * counts), no state file, no faults, strong consistency (no lag) and the system clock. {@link
 * EmulatorSettingsRules} says what each setting accepts.
 */
public final class EmulatorSettings {

  public static final String SCOPE_READ = "ai:llm:read";
  public static final String SCOPE_WRITE = "ai:llm:write";

  /** Data actions: read and write (data-actions contract section 2). */
  public static final String SCOPE_INTEGRATIONS = "integrations";

  /** Data actions: read only. */
  public static final String SCOPE_INTEGRATIONS_READONLY = "integrations:readonly";

  /** The scopes the emulator knows; a client given another one is refused, to catch typos. */
  public static final List<String> KNOWN_SCOPES =
      List.of(SCOPE_READ, SCOPE_WRITE, SCOPE_INTEGRATIONS, SCOPE_INTEGRATIONS_READONLY);

  public static final String DEFAULT_CLIENT_ID = "emulator-client";
  public static final String DEFAULT_CLIENT_SECRET = "emulator-secret";
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final String DEFAULT_PROVIDERS_PATH = "/api/v2/ai/llm/providers";
  public static final String DEFAULT_ORGANIZATION_NAME = "Emulated Organization";
  public static final long DEFAULT_TOKEN_TTL_SECONDS = 86_399;
  public static final int DEFAULT_RATE_LIMIT = 300;
  public static final int DEFAULT_RATE_WINDOW_SECONDS = 60;

  private final int port;
  private final String bindAddress;
  private final List<EmulatedClient> clients;
  private final long tokenTtlSeconds;
  private final int rateLimit;
  private final int rateWindowSeconds;
  private final RateWindowKind rateWindow;
  private final String organizationName;
  private final String organizationId;
  private final String providersPath;
  private final Path stateFile;
  private final Path faultScript;
  private final long latencyMillis;
  private final long searchLagSeconds;
  private final long createLagSeconds;
  private final long deleteLagSeconds;
  private final TimeSource timeSource;

  private EmulatorSettings(Builder b) {
    this.port = EmulatorSettingsRules.port(b.port);
    this.bindAddress = EmulatorSettingsRules.bindAddress(b.bindAddress);
    this.tokenTtlSeconds =
        EmulatorSettingsRules.atLeastOne("token lifetime", "second", b.tokenTtlSeconds);
    this.rateLimit = (int) EmulatorSettingsRules.atLeastOne("rate limit", "request", b.rateLimit);
    this.rateWindowSeconds =
        (int) EmulatorSettingsRules.atLeastOne("rate window", "second", b.rateWindowSeconds);
    this.rateWindow = Objects.requireNonNull(b.rateWindow, "rateWindow");
    this.latencyMillis = EmulatorSettingsRules.latencyMillis(b.latencyMillis);
    this.searchLagSeconds = EmulatorSettingsRules.lag("searchLagSeconds", b.searchLagSeconds);
    this.createLagSeconds = EmulatorSettingsRules.lag("createLagSeconds", b.createLagSeconds);
    this.deleteLagSeconds = EmulatorSettingsRules.lag("deleteLagSeconds", b.deleteLagSeconds);
    this.organizationName = EmulatorSettingsRules.organizationName(b.organizationName);
    this.organizationId =
        b.organizationId != null
            ? b.organizationId
            : EmulatorSettingsRules.organizationIdOf(b.organizationName);
    this.clients = EmulatorSettingsRules.clients(b.clients);
    this.providersPath = EmulatorSettingsRules.providersPath(b.providersPath);
    this.stateFile = b.stateFile;
    this.faultScript = b.faultScript;
    this.timeSource = Objects.requireNonNull(b.timeSource, "timeSource");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few of them. */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .port(port)
            .bindAddress(bindAddress)
            .tokenTtlSeconds(tokenTtlSeconds)
            .rateLimit(rateLimit)
            .rateWindowSeconds(rateWindowSeconds)
            .rateWindow(rateWindow)
            .organizationName(organizationName)
            .organizationId(organizationId)
            .providersPath(providersPath)
            .stateFile(stateFile)
            .faultScript(faultScript)
            .latencyMillis(latencyMillis)
            .searchLagSeconds(searchLagSeconds)
            .createLagSeconds(createLagSeconds)
            .deleteLagSeconds(deleteLagSeconds)
            .timeSource(timeSource);
    b.clients.addAll(clients);
    return b;
  }

  /** The port to bind; 0 picks a free one (see {@link Emulator#url()}). */
  public int port() {
    return port;
  }

  public String bindAddress() {
    return bindAddress;
  }

  /** The OAuth clients, never empty; the first is the one {@link Emulator#clientId()} names. */
  public List<EmulatedClient> clients() {
    return clients;
  }

  public long tokenTtlSeconds() {
    return tokenTtlSeconds;
  }

  /** Requests allowed per access token (and token requests per client) in one window. */
  public int rateLimit() {
    return rateLimit;
  }

  public int rateWindowSeconds() {
    return rateWindowSeconds;
  }

  /** Whether the rate limit counts in fixed windows or in any sliding one. */
  public RateWindowKind rateWindow() {
    return rateWindow;
  }

  public String organizationName() {
    return organizationName;
  }

  public String organizationId() {
    return organizationId;
  }

  /** The provider resource's path, without a trailing slash. */
  public String providersPath() {
    return providersPath;
  }

  /** Where providers are kept across restarts, if anywhere. */
  public Optional<Path> stateFile() {
    return Optional.ofNullable(stateFile);
  }

  /** The fault script file (see {@link FaultScript}), if any. */
  public Optional<Path> faultScript() {
    return Optional.ofNullable(faultScript);
  }

  /** Milliseconds every request waits before it is handled. */
  public long latencyMillis() {
    return latencyMillis;
  }

  /**
   * Seconds during which a new data action is missing from {@code GET
   * /api/v2/integrations/actions?name=} (and drafts from the drafts search), as a search index that
   * has not caught up; 0 for none.
   */
  public long searchLagSeconds() {
    return searchLagSeconds;
  }

  /**
   * Seconds during which {@code GET} of a new credential, integration, action or draft by id
   * answers 404; 0 for none.
   */
  public long createLagSeconds() {
    return createLagSeconds;
  }

  /**
   * Seconds during which {@code GET} of a deleted credential, integration, action or draft by id
   * still answers 200 with its last state; 0 for none.
   */
  public long deleteLagSeconds() {
    return deleteLagSeconds;
  }

  /** The clock of the data-actions dates and lags; tests give a fake one and need not sleep. */
  public TimeSource timeSource() {
    return timeSource;
  }

  /** Collects settings; every setter returns this builder. */
  public static final class Builder {
    private int port;
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private final List<EmulatedClient> clients = new ArrayList<>();
    private long tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
    private int rateLimit = DEFAULT_RATE_LIMIT;
    private int rateWindowSeconds = DEFAULT_RATE_WINDOW_SECONDS;
    private RateWindowKind rateWindow = RateWindowKind.SLIDING;
    private String organizationName = DEFAULT_ORGANIZATION_NAME;
    private String organizationId;
    private String providersPath = DEFAULT_PROVIDERS_PATH;
    private Path stateFile;
    private Path faultScript;
    private long latencyMillis;
    private long searchLagSeconds;
    private long createLagSeconds;
    private long deleteLagSeconds;
    private TimeSource timeSource = TimeSource.SYSTEM;

    private Builder() {}

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** Replaces the clients (the default client is used only when none is given). */
    public Builder clients(List<EmulatedClient> clients) {
      this.clients.clear();
      this.clients.addAll(Objects.requireNonNull(clients, "clients"));
      return this;
    }

    /** Adds a client (the default client is used only when none is given). */
    public Builder client(EmulatedClient client) {
      this.clients.add(Objects.requireNonNull(client, "client"));
      return this;
    }

    public Builder tokenTtlSeconds(long tokenTtlSeconds) {
      this.tokenTtlSeconds = tokenTtlSeconds;
      return this;
    }

    public Builder rateLimit(int rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    public Builder rateWindowSeconds(int rateWindowSeconds) {
      this.rateWindowSeconds = rateWindowSeconds;
      return this;
    }

    public Builder rateWindow(RateWindowKind rateWindow) {
      this.rateWindow = rateWindow;
      return this;
    }

    public Builder organizationName(String organizationName) {
      this.organizationName = organizationName;
      return this;
    }

    /** The organization id; by default a UUID derived from the organization name. */
    public Builder organizationId(String organizationId) {
      this.organizationId = organizationId;
      return this;
    }

    public Builder providersPath(String providersPath) {
      this.providersPath = providersPath;
      return this;
    }

    /** Loaded at start when it exists, rewritten (atomically) after every change; null for none. */
    public Builder stateFile(Path stateFile) {
      this.stateFile = stateFile;
      return this;
    }

    /** A fault script file (see {@link FaultScript}); null for none. */
    public Builder faultScript(Path faultScript) {
      this.faultScript = faultScript;
      return this;
    }

    public Builder latencyMillis(long latencyMillis) {
      this.latencyMillis = latencyMillis;
      return this;
    }

    public Builder searchLagSeconds(long searchLagSeconds) {
      this.searchLagSeconds = searchLagSeconds;
      return this;
    }

    public Builder createLagSeconds(long createLagSeconds) {
      this.createLagSeconds = createLagSeconds;
      return this;
    }

    public Builder deleteLagSeconds(long deleteLagSeconds) {
      this.deleteLagSeconds = deleteLagSeconds;
      return this;
    }

    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = timeSource;
      return this;
    }

    /**
     * @throws IllegalArgumentException saying which setting is wrong and what it accepts
     */
    public EmulatorSettings build() {
      return new EmulatorSettings(this);
    }
  }
}
