package io.github.genesysllm.emulator.dataactions;

import io.github.genesysllm.client.TimeSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The eventual consistency a real organization shows (contract section 1.4), each lag off at 0: a
 * new entity is missing from name search for {@code searchLag} and answers 404 to GET by id for
 * {@code createLag}; a deleted one still answers GET by id with its last state for {@code
 * deleteLag}. Measured on the injected clock, so tests move time instead of sleeping. Not
 * thread-safe: the data-actions lock guards it.
 */
final class ConsistencyLag {

  /** What kind of entity an id names (ids of different kinds never meet). */
  enum Kind {
    CREDENTIAL,
    INTEGRATION,
    ACTION,
    DRAFT
  }

  private record Key(Kind kind, String id) {}

  private record Ghost(long vanishedNanos, Object lastState) {}

  private static final int PRUNE_ABOVE = 256;

  private final TimeSource time;
  private final long searchLagNanos;
  private final long createLagNanos;
  private final long deleteLagNanos;
  private final Map<Key, Long> appeared = new HashMap<>();
  private final Map<Key, Ghost> ghosts = new HashMap<>();

  ConsistencyLag(
      TimeSource time, long searchLagSeconds, long createLagSeconds, long deleteLagSeconds) {
    this.time = time;
    this.searchLagNanos = TimeUnit.SECONDS.toNanos(searchLagSeconds);
    this.createLagNanos = TimeUnit.SECONDS.toNanos(createLagSeconds);
    this.deleteLagNanos = TimeUnit.SECONDS.toNanos(deleteLagSeconds);
  }

  /** An entity was just created. */
  void appeared(Kind kind, String id) {
    if (searchLagNanos > 0 || createLagNanos > 0) {
      long now = time.nanoTime();
      if (appeared.size() > PRUNE_ABOVE) {
        long longest = Math.max(searchLagNanos, createLagNanos);
        appeared.values().removeIf(at -> now - at >= longest);
      }
      appeared.put(new Key(kind, id), now);
    }
  }

  /** An entity was just deleted; {@code lastState} is what GET by id goes on showing. */
  void vanished(Kind kind, String id, Object lastState) {
    appeared.remove(new Key(kind, id));
    if (deleteLagNanos > 0) {
      long now = time.nanoTime();
      if (ghosts.size() > PRUNE_ABOVE) {
        ghosts.values().removeIf(g -> now - g.vanishedNanos() >= deleteLagNanos);
      }
      ghosts.put(new Key(kind, id), new Ghost(now, lastState));
    }
  }

  /**
   * What GET by id shows: {@code live} (null for none) unless it is so new that GET still answers
   * 404, else the last state of a deleted entity while the delete lag lasts; empty for a 404.
   */
  <T> Optional<T> shownById(Kind kind, String id, T live, Class<T> type) {
    Key key = new Key(kind, id);
    if (live != null && !within(appeared.get(key), createLagNanos)) {
      return Optional.of(live);
    }
    Ghost ghost = ghosts.get(key);
    if (ghost == null || !within(ghost.vanishedNanos(), deleteLagNanos)) {
      return Optional.empty();
    }
    return Optional.of(type.cast(ghost.lastState()));
  }

  /** Whether name search does not find this new entity yet. */
  boolean hiddenFromSearch(Kind kind, String id) {
    return within(appeared.get(new Key(kind, id)), searchLagNanos);
  }

  private boolean within(Long sinceNanos, long lagNanos) {
    return sinceNanos != null && lagNanos > 0 && time.nanoTime() - sinceNanos < lagNanos;
  }
}
