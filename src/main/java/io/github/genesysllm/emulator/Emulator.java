package io.github.genesysllm.emulator;

import com.sun.net.httpserver.HttpServer;
import io.github.genesysllm.emulator.dataactions.ActionRunner;
import io.github.genesysllm.emulator.dataactions.DataActionsApi;
import io.github.genesysllm.emulator.execution.ActionExecutor;
import io.github.genesysllm.secret.Secret;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Genesys Cloud that serves the contract ({@code /oauth/token}, {@code /api/v2/tokens/me},
 * the provider resource and the Web Services Data Actions subset under {@code
 * /api/v2/integrations}) at one URL, both as login and as API URL. Built on the JDK's HTTP server;
 * its threads are daemons, so a forgotten emulator does not keep a JVM alive.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.start(EmulatorSettings.builder().build())) {
 *     URI url = emulator.url();                 // http://127.0.0.1:54321
 *     String id = emulator.clientId();          // emulator-client
 *     Secret secret = emulator.clientSecret();  // emulator-secret
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {

  private final EmulatorSettings settings;
  private final HttpServer server;
  private final ExecutorService executor;
  private final EmulatorHandler handler;
  private final ProviderStore store;
  private final Journal journal;
  private final StateLock stateLock;
  private final URI url;
  private volatile boolean closed;

  private Emulator(
      EmulatorSettings settings,
      HttpServer server,
      ExecutorService executor,
      EmulatorHandler handler,
      ProviderStore store,
      Journal journal,
      StateLock stateLock) {
    this.settings = settings;
    this.server = server;
    this.executor = executor;
    this.handler = handler;
    this.store = store;
    this.journal = journal;
    this.stateLock = stateLock;
    InetSocketAddress bound = server.getAddress();
    InetAddress address = bound.getAddress();
    String host =
        address.isAnyLocalAddress()
            ? "127.0.0.1"
            : address instanceof Inet6Address
                ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
    this.url = URI.create("http://" + host + ":" + bound.getPort());
  }

  /**
   * Starts an emulator: locks and loads the state file and loads the fault script, if any, and
   * listens.
   *
   * @throws IOException when the state file or fault script cannot be read, when another emulator
   *     uses the state file (naming its URL), or when the port cannot be bound, saying which
   * @throws IllegalArgumentException when the fault script is not valid, naming the file and the
   *     rule
   */
  public static Emulator start(EmulatorSettings settings) throws IOException {
    return start(settings, new ActionExecutor()::run);
  }

  /** Starts an emulator whose data actions run with {@code runner} (tests of the routes). */
  static Emulator start(EmulatorSettings settings, ActionRunner runner) throws IOException {
    FaultScript faults =
        settings.faultScript().isPresent()
            ? FaultScript.load(settings.faultScript().get())
            : FaultScript.none();
    StateLock lock =
        settings.stateFile().isPresent() ? StateLock.acquire(settings.stateFile().get()) : null;
    Emulator emulator;
    try {
      emulator = start(settings, runner, faults, lock);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
    if (lock != null) {
      try {
        lock.announce(emulator.url());
      } catch (IOException e) {
        emulator.close();
        throw new IOException("The emulator cannot write its lock file: " + e, e);
      }
    }
    return emulator;
  }

  private static Emulator start(
      EmulatorSettings settings, ActionRunner runner, FaultScript faults, StateLock lock)
      throws IOException {
    StateFile stateFile =
        settings.stateFile().isPresent() ? StateFile.open(settings.stateFile().get()) : null;
    ProviderStore store = new ProviderStore(settings.providersPath(), stateFile);
    DataActionsApi dataActions = new DataActionsApi(settings, stateFile, runner);
    Journal journal = new Journal();
    EmulatorHandler handler =
        new EmulatorHandler(
            new EmulatedApi(settings, store, dataActions),
            journal,
            faults,
            settings.latencyMillis());
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port());
    HttpServer server;
    try {
      server = HttpServer.create(address, 128);
    } catch (BindException e) {
      throw new IOException(
          "The emulator cannot listen on "
              + settings.bindAddress()
              + ":"
              + settings.port()
              + " ("
              + e.getMessage()
              + "); choose another port, or 0 for any free one",
          e);
    }
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("genesys-emulator-"));
    server.createContext("/", handler);
    server.setExecutor(executor);
    startOnDaemonThread(server);
    return new Emulator(settings, server, executor, handler, store, journal, lock);
  }

  /**
   * Starts the server from a daemon thread: the server's dispatcher thread takes its daemon flag
   * from the thread that starts it.
   */
  private static void startOnDaemonThread(HttpServer server) throws IOException {
    Thread starter = new Thread(server::start, "genesys-emulator-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop(0);
      throw new IOException("Interrupted while the emulator was starting", e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Where the emulator answers, login and API alike: {@code http://127.0.0.1:PORT}, no trailing
   * slash.
   */
  public URI url() {
    return url;
  }

  /** The id of the first configured client. */
  public String clientId() {
    return settings.clients().get(0).id();
  }

  /** The secret of the first configured client. */
  public Secret clientSecret() {
    return settings.clients().get(0).secret();
  }

  public EmulatorSettings settings() {
    return settings;
  }

  /** The providers, for tests that look at or change them directly. */
  public ProviderStore store() {
    return store;
  }

  /** Every request received so far, in arrival order. */
  public List<JournalEntry> journal() {
    return journal.snapshot();
  }

  /** Writes the journal to {@code file} now and again after every request (see {@link Journal}). */
  public void writeJournalContinuously(Path file) throws IOException {
    journal.writeContinuouslyTo(file);
  }

  /** Writes the journal as JSON (see {@link JournalEntry}); creates the parent folders. */
  public void writeJournal(Path file) throws IOException {
    journal.writeTo(file);
  }

  /** Replaces the fault script, with fresh counters, for the requests from now on. */
  public void setFaultScript(FaultScript faults) {
    handler.setFaults(faults);
  }

  /** Changes the artificial latency of every request from now on. */
  public void setLatencyMillis(long latencyMillis) {
    if (latencyMillis < 0) {
      throw new IllegalArgumentException(
          "The emulator latency must be 0 or more milliseconds, got " + latencyMillis);
    }
    handler.setLatencyMillis(latencyMillis);
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Whether this emulator runs and serves {@code apiUrl}, so that a goal aimed there can use its
   * client. URLs are compared by scheme, host and port, a trailing slash and the path ignored;
   * {@code localhost}, {@code 127.x.x.x} and {@code [::1]} count as one loopback host.
   */
  public boolean serves(URI apiUrl) {
    return !closed
        && apiUrl != null
        && apiUrl.getHost() != null
        && origin(url).equals(origin(apiUrl));
  }

  private static String origin(URI url) {
    String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1")
        || host.equals("[0:0:0:0:0:0:0:1]")) {
      host = "loopback";
    }
    int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + host + ":" + port;
  }

  /** Stops listening at once (requests in flight are cut). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    executor.shutdownNow();
    if (stateLock != null) {
      stateLock.close(); // after the server stopped: no change is written any more
    }
  }

  @Override
  public String toString() {
    return "Genesys Cloud emulator at " + url + (closed ? " (stopped)" : "");
  }
}
