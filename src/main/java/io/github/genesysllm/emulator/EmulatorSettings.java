package io.github.genesysllm.emulator;

import io.github.genesysllm.client.TimeSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How an {@link Emulator} runs. Immutable; made with {@link #builder()}, whose defaults give an
 * emulator on an ephemeral loopback port with one client ({@value #DEFAULT_CLIENT_ID} / {@value
 * #DEFAULT_CLIENT_SECRET}, with every scope of {@link #KNOWN_SCOPES}), the contract's token
 * lifetime (86399 s) and rate limit (300 requests per 60 s, in fixed windows), no state file, no
 * faults, strong consistency (no lag) and the system clock.
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
    if (b.port < 0 || b.port > 65_535) {
      throw new IllegalArgumentException(
          "The emulator port must be 0 (any free port) to 65535, got " + b.port);
    }
    if (b.bindAddress == null || b.bindAddress.isBlank()) {
      throw new IllegalArgumentException(
          "The emulator bind address must be set, for example 127.0.0.1");
    }
    if (b.tokenTtlSeconds < 1) {
      throw new IllegalArgumentException(
          "The emulator token lifetime must be at least 1 second, got " + b.tokenTtlSeconds);
    }
    if (b.rateLimit < 1) {
      throw new IllegalArgumentException(
          "The emulator rate limit must be at least 1 request, got " + b.rateLimit);
    }
    if (b.rateWindowSeconds < 1) {
      throw new IllegalArgumentException(
          "The emulator rate window must be at least 1 second, got " + b.rateWindowSeconds);
    }
    if (b.latencyMillis < 0) {
      throw new IllegalArgumentException(
          "The emulator latency must be 0 or more milliseconds, got " + b.latencyMillis);
    }
    requireLag("searchLagSeconds", b.searchLagSeconds);
    requireLag("createLagSeconds", b.createLagSeconds);
    requireLag("deleteLagSeconds", b.deleteLagSeconds);
    if (b.organizationName == null || b.organizationName.isBlank()) {
      throw new IllegalArgumentException("The emulated organization needs a name");
    }
    this.port = b.port;
    this.bindAddress = b.bindAddress.strip();
    this.clients =
        b.clients.isEmpty()
            ? List.of(
                EmulatedClient.of(
                    DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, KNOWN_SCOPES.toArray(String[]::new)))
            : List.copyOf(b.clients);
    Set<String> ids = new HashSet<>();
    for (EmulatedClient client : clients) {
      if (!ids.add(client.id())) {
        throw new IllegalArgumentException(
            "The emulator client id '" + client.id() + "' is given twice; ids must be unique");
      }
    }
    this.tokenTtlSeconds = b.tokenTtlSeconds;
    this.rateLimit = b.rateLimit;
    this.rateWindowSeconds = b.rateWindowSeconds;
    this.rateWindow = Objects.requireNonNull(b.rateWindow, "rateWindow");
    this.organizationName = b.organizationName;
    this.organizationId =
        b.organizationId != null
            ? b.organizationId
            // stable across restarts, so that a state file and the organization id go together
            : UUID.nameUUIDFromBytes(
                    ("genesys-emulator:" + b.organizationName).getBytes(StandardCharsets.UTF_8))
                .toString();
    this.providersPath = normalizePath(b.providersPath);
    this.stateFile = b.stateFile;
    this.faultScript = b.faultScript;
    this.latencyMillis = b.latencyMillis;
    this.searchLagSeconds = b.searchLagSeconds;
    this.createLagSeconds = b.createLagSeconds;
    this.deleteLagSeconds = b.deleteLagSeconds;
    this.timeSource = Objects.requireNonNull(b.timeSource, "timeSource");
  }

  private static void requireLag(String name, long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException(
          "The emulator's " + name + " must be 0 (no lag) or more seconds, got " + seconds);
    }
  }

  private static String normalizePath(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.length() < 2
        || path.contains("?")
        || path.contains("*")) {
      throw new IllegalArgumentException(
          "The providers path must start with '/' and name a resource, for example "
              + DEFAULT_PROVIDERS_PATH
              + ", got '"
              + path
              + "'");
    }
    String trimmed = path;
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
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
    private RateWindowKind rateWindow = RateWindowKind.FIXED;
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
