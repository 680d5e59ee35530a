package io.github.genesysllm.client;

import io.github.genesysllm.log.BuildLog;
import java.time.Duration;

/**
 * The client's pacing: API requests and token requests each in a {@link SlidingWindowPacer} of
 * their own (the platform limits the first per token, the second per OAuth client), and what the
 * 429s teach them. Off, it hands out permits without waiting and learns nothing.
 */
final class Pacing {

  private final SlidingWindowPacer api;
  private final SlidingWindowPacer token;
  private final RequestStats stats;
  private final BuildLog log;

  /**
   * @param limit the configured limit, or null for no pacing
   */
  Pacing(RateWindow limit, TimeSource time, RequestStats stats, BuildLog log) {
    this.api = limit == null ? null : new SlidingWindowPacer(limit, time);
    this.token = limit == null ? null : new SlidingWindowPacer(limit, time);
    this.stats = stats;
    this.log = log;
  }

  /** Waits until the call may be sent, and counts it as sent. */
  SlidingWindowPacer.Permit acquire(ApiCall call) throws InterruptedException {
    SlidingWindowPacer pacer = pacerOf(call);
    return pacer == null ? SlidingWindowPacer.UNPACED : pacer.acquire();
  }

  /**
   * After a 429 with {@code message}: adopts the limit it states if it is new (and reports that
   * once), and sends nothing of the call's kind for {@code wait}.
   */
  void rateLimited(ApiCall call, String message, Duration wait) {
    SlidingWindowPacer pacer = pacerOf(call);
    if (pacer == null) {
      return;
    }
    RateLimitMessage.parse(message)
        .filter(pacer::learn)
        .ifPresent(
            stated -> {
              LearnedRateLimit learned =
                  new LearnedRateLimit(call.toLogin(), stated, pacer.limits().get(0));
              stats.learned(learned);
              log.warn(learned.describe());
            });
    pacer.pause(wait);
  }

  private SlidingWindowPacer pacerOf(ApiCall call) {
    return call.toLogin() ? token : api;
  }
}
