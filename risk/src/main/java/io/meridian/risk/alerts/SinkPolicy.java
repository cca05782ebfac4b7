package io.meridian.risk.alerts;

/**
 * How one sink is fed.
 *
 * @param minSeverity    alerts below it are not sent to this sink.
 * @param ratePerMinute  token bucket (burst = one minute's worth); alerts over it are coalesced into one
 *                       "K alerts suppressed" message sent when a token is free again; 0: unlimited.
 * @param maxAttempts    delivery attempts per alert (1 = no retry); after the last it is logged and dropped.
 * @param backoffMs      wait before the second attempt, doubled for each next one, up to {@code maxBackoffMs}.
 * @param maxBackoffMs   the longest wait between two attempts.
 * @param queueCapacity  alerts waiting for this sink, per class (RED has its own queue of this size, so a
 *                       flood of lower alerts never pushes a RED one out); rounded up to a power of two.
 */
public record SinkPolicy(
    Severity minSeverity, int ratePerMinute, int maxAttempts, long backoffMs, long maxBackoffMs, int queueCapacity)
{
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    public SinkPolicy
    {
        if (minSeverity == null)
        {
            minSeverity = Severity.INFO;
        }
        if (ratePerMinute < 0 || maxAttempts < 1 || backoffMs < 0 || maxBackoffMs < backoffMs || queueCapacity < 1)
        {
            throw new IllegalArgumentException("bad sink policy: rate-per-minute >= 0, max-attempts >= 1, " +
                "0 <= backoff-ms <= max-backoff-ms, queue-capacity >= 1: " + ratePerMinute + ", " + maxAttempts + ", " +
                backoffMs + ", " + maxBackoffMs + ", " + queueCapacity);
        }
    }

    /** Every alert, no rate limit, one attempt: the log. */
    public static SinkPolicy log()
    {
        return new SinkPolicy(Severity.INFO, 0, 1, 0, 0, 1024);
    }

    /** A chat or webhook: 20 a minute, 5 attempts from 1 s doubling to 30 s. */
    public static SinkPolicy remote(final Severity minSeverity)
    {
        return new SinkPolicy(minSeverity, 20, 5, 1_000, 30_000, DEFAULT_QUEUE_CAPACITY);
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    long backoffAfter(final int attempt)
    {
        final int shift = Math.min(attempt - 1, 30);
        final long wait = backoffMs << shift;
        return wait < 0 || wait > maxBackoffMs ? maxBackoffMs : wait;
    }
}
