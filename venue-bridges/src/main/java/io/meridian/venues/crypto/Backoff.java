package io.meridian.venues.crypto;

import java.util.concurrent.ThreadLocalRandom;

/** Reconnect delays: doubling from min to max, each drawn in [delay/2, delay] (jitter). */
final class Backoff
{
    private final long minMs;
    private final long maxMs;
    private int attempts;

    Backoff(final long minMs, final long maxMs)
    {
        this.minMs = minMs;
        this.maxMs = maxMs;
    }

    long nextDelayMs()
    {
        final long ceiling = Math.min(maxMs, minMs << Math.min(attempts, 20));
        attempts++;
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    void reset()
    {
        attempts = 0;
    }
}
