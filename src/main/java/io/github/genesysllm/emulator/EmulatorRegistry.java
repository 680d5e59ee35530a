package io.github.genesysllm.emulator;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulators running in this JVM that a build started (the {@code emulator-start} goal registers
 * them), found by URL so that another goal aimed at an emulator's URL can use that emulator's
 * client. URLs are compared by scheme, host and port, a trailing slash and the path ignored; {@code
 * localhost}, {@code 127.x.x.x} and {@code [::1]} count as one loopback host. Thread-safe.
 */
public final class EmulatorRegistry {

  private static final Map<String, Emulator> RUNNING = new ConcurrentHashMap<>();

  private EmulatorRegistry() {}

  public static void register(Emulator emulator) {
    RUNNING.put(key(emulator.url()), emulator);
  }

  /** Removes the emulator; false when it was not registered. */
  public static boolean unregister(Emulator emulator) {
    return RUNNING.remove(key(emulator.url()), emulator);
  }

  /** The running emulator that serves {@code apiUrl}, if one was registered. */
  public static Optional<Emulator> find(URI apiUrl) {
    if (apiUrl == null || apiUrl.getHost() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(RUNNING.get(key(apiUrl))).filter(e -> !e.isClosed());
  }

  private static String key(URI url) {
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
}
