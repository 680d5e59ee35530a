package io.github.genesysllm.client;

import java.time.Duration;

/**
 * Client-side pacing of API calls: a token bucket shared by every thread of a client.
 *
 * <p>For a limit of {@code R} requests per minute the bucket holds {@code C = max(1, R/10)} tokens
 * and refills continuously at {@code (R - C)} per minute. A full bucket plus one minute of refill is
 * then {@code R}: no 60-second window sees more than {@code R} requests, so with {@code R} at the
 * server's own limit (300 per 60 s per token, 429s counted too) the plugin does not trip it by
 * itself, while a small run (a few providers) goes through its burst of {@code C} without waiting.
 *
 * <p>A 429 pauses the bucket: no token is handed out until its {@code Retry-After} has passed, and
 * at most one is there at that moment, refilling from then on.
 */
final class RequestPacer {

    private final TimeSource time;
    private final double capacity;
    private final double tokensPerNano;
    /** The bucket's level at {@link #levelAt}; that instant lies in the future while paused. */
    private double level;
    private long levelAt;

    RequestPacer(int requestsPerMinute, TimeSource time) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("a pacer needs at least one request per minute");
        }
        this.time = time;
        this.capacity = Math.max(1, requestsPerMinute / 10);
        this.tokensPerNano = Math.max(requestsPerMinute - capacity, 1) / 60e9;
        this.level = capacity;
        this.levelAt = time.nanoTime();
    }

    /** Takes a token, sleeping (outside the lock) until one is there. */
    void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = time.nanoTime();
                refill(now);
                if (now >= levelAt && level >= 1 - 1e-9) {
                    level -= 1;
                    return;
                }
                waitNanos = Math.max(0, levelAt - now) + (long) Math.ceil(Math.max(0, 1 - level) / tokensPerNano);
            }
            time.sleep(Duration.ofNanos(Math.max(1, waitNanos)));
        }
    }

    /** After a 429: hand out nothing for {@code wait}. */
    synchronized void pause(Duration wait) {
        long now = time.nanoTime();
        refill(now);
        long until = now + wait.toNanos();
        if (until > levelAt) {
            level = Math.min(level, 1);
            levelAt = until;
        }
    }

    private void refill(long now) {
        if (now > levelAt) {
            level = Math.min(capacity, level + (now - levelAt) * tokensPerNano);
            levelAt = now;
        }
    }
}
