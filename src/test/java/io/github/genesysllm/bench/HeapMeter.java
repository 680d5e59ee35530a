package io.github.genesysllm.bench;

import io.github.genesysllm.provider.Provider;
import io.github.genesysllm.provider.ProviderSettings;
import io.github.genesysllm.secret.Secret;
import io.github.genesysllm.targets.providers.ProvidersApi;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Optional;

/**
 * Heap figures of the benchmark's JVM. The emulator shares that JVM, so only differences between
 * two readings are reported: the live heap (used heap right after full collections) and the bytes a
 * thread allocated.
 */
final class HeapMeter {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private HeapMeter() {}

  /** Used heap after two full collections: what is still referenced. */
  static long liveHeapBytes() {
    MEMORY.gc();
    MEMORY.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /** Bytes this thread has allocated since it started (garbage included). */
  static long threadAllocatedBytes() {
    if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
      throw new IllegalStateException("this JVM does not count the memory threads allocate");
    }
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  /**
   * The provider resource with a reading of the live heap taken when the listing has been read: the
   * point of a run where it holds the most (the configuration, the client and every provider
   * listed).
   */
  static final class ListingProbe implements ProvidersApi {

    private final ProvidersApi api;
    private long liveAfterListing;

    ListingProbe(ProvidersApi api) {
      this.api = api;
    }

    long liveAfterListing() {
      return liveAfterListing;
    }

    @Override
    public List<Provider> listAll() {
      List<Provider> listed = api.listAll();
      liveAfterListing = liveHeapBytes();
      return listed;
    }

    @Override
    public Optional<Provider> findByName(String name) {
      return api.findByName(name);
    }

    @Override
    public Provider get(String id) {
      return api.get(id);
    }

    @Override
    public Provider create(ProviderSettings settings, Secret apiKey) {
      return api.create(settings, apiKey);
    }

    @Override
    public Provider update(String id, long version, ProviderSettings settings, Secret apiKey) {
      return api.update(id, version, settings, apiKey);
    }

    @Override
    public void delete(String id) {
      api.delete(id);
    }
  }
}
