package io.github.genesysllm.bench;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notes when the plugin's client sends its first request. Installed as the JVM's default proxy
 * selector (which the client takes when no proxy is configured), it is asked for the route of every
 * request just before httpclient5 leases a connection and writes the request; it always answers "no
 * proxy", so the requests go as they would without it.
 */
final class FirstRequestClock extends ProxySelector {

  private final AtomicLong firstNanos = new AtomicLong();
  private ProxySelector previous;

  /** Becomes the JVM's default selector; {@link #uninstall()} puts the previous one back. */
  void install() {
    previous = ProxySelector.getDefault();
    ProxySelector.setDefault(this);
  }

  void uninstall() {
    ProxySelector.setDefault(previous);
  }

  /** Forgets the last run's first request. */
  void reset() {
    firstNanos.set(0);
  }

  /**
   * The {@link System#nanoTime()} of the first request since {@link #reset()}; 0 when none was
   * sent.
   */
  long firstRequestNanos() {
    return firstNanos.get();
  }

  @Override
  public List<Proxy> select(URI uri) {
    firstNanos.compareAndSet(0, System.nanoTime());
    return List.of(Proxy.NO_PROXY);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // no proxy is ever named, so no proxy can have failed
  }
}
