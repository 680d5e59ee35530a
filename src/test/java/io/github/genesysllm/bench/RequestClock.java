package io.github.genesysllm.bench;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notes when the plugin's client sends its first and its last request. Installed as the JVM's
 * default proxy selector (which the client takes when no proxy is configured), it is asked for the
 * route of every request (an http or https URI) just before httpclient5 leases a connection and
 * writes the request; it always answers "no proxy", so the requests go as they would without it.
 */
final class RequestClock extends ProxySelector {

  private final AtomicLong firstNanos = new AtomicLong();
  private final AtomicLong lastNanos = new AtomicLong();
  private final AtomicInteger requests = new AtomicInteger();
  private ProxySelector previous;

  /** Becomes the JVM's default selector; {@link #uninstall()} puts the previous one back. */
  void install() {
    previous = ProxySelector.getDefault();
    ProxySelector.setDefault(this);
  }

  void uninstall() {
    ProxySelector.setDefault(previous);
  }

  /** Forgets the last run's requests. */
  void reset() {
    firstNanos.set(0);
    lastNanos.set(0);
    requests.set(0);
  }

  /**
   * The {@link System#nanoTime()} of the first request since {@link #reset()}; 0 when none was
   * sent.
   */
  long firstRequestNanos() {
    return firstNanos.get();
  }

  /** Milliseconds from the first request since {@link #reset()} to the last. */
  double firstToLastMillis() {
    return (lastNanos.get() - firstNanos.get()) / 1e6;
  }

  /** The requests sent since {@link #reset()}. */
  int requests() {
    return requests.get();
  }

  @Override
  public List<Proxy> select(URI uri) {
    // the JDK asks too, with a socket:// URI, when a connection opens
    if (uri.getScheme().startsWith("http")) {
      long now = System.nanoTime();
      firstNanos.compareAndSet(0, now);
      lastNanos.accumulateAndGet(now, Math::max);
      requests.incrementAndGet();
    }
    return List.of(Proxy.NO_PROXY);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // no proxy is ever named, so no proxy can have failed
  }
}
