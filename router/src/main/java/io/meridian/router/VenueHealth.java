package io.meridian.router;

/**
 * A venue's measured health as its owner last set it (session and stream state, book sync, rate-limit
 * headroom, recent reject/timeout rate, median ack latency, halt), judged against a {@link RouterConfig}
 * by {@link #evaluate}. A new instance is down (not connected, book not in sync) until told otherwise.
 * Mutable and reused; written and read on the routing thread.
 */
public final class VenueHealth
{
    private boolean connected;
    private boolean bookInSync;
    private boolean halted;
    private long rateLimitHeadroomPpm = RouterConfig.PPM_ONE;
    private long rejectRatePpm;
    private long ackLatencyP50Nanos;

    /** Order session and market data stream both up. */
    public VenueHealth connected(final boolean connected)
    {
        this.connected = connected;
        return this;
    }

    public VenueHealth bookInSync(final boolean bookInSync)
    {
        this.bookInSync = bookInSync;
        return this;
    }

    public VenueHealth halted(final boolean halted)
    {
        this.halted = halted;
        return this;
    }

    /** Fraction of the venue's request rate limit still free, parts per million. */
    public VenueHealth rateLimitHeadroomPpm(final long rateLimitHeadroomPpm)
    {
        this.rateLimitHeadroomPpm = rateLimitHeadroomPpm;
        return this;
    }

    /** Recent rejects plus timeouts per order sent, parts per million. */
    public VenueHealth rejectRatePpm(final long rejectRatePpm)
    {
        this.rejectRatePpm = rejectRatePpm;
        return this;
    }

    public VenueHealth ackLatencyP50Nanos(final long ackLatencyP50Nanos)
    {
        this.ackLatencyP50Nanos = ackLatencyP50Nanos;
        return this;
    }

    /** Everything fine: connected, in sync, not halted, full headroom, no rejects, no latency. */
    public VenueHealth healthy()
    {
        connected = true;
        bookInSync = true;
        halted = false;
        rateLimitHeadroomPpm = RouterConfig.PPM_ONE;
        rejectRatePpm = 0;
        ackLatencyP50Nanos = 0;
        return this;
    }

    public boolean connected()
    {
        return connected;
    }

    public boolean bookInSync()
    {
        return bookInSync;
    }

    public boolean halted()
    {
        return halted;
    }

    public long rateLimitHeadroomPpm()
    {
        return rateLimitHeadroomPpm;
    }

    public long rejectRatePpm()
    {
        return rejectRatePpm;
    }

    public long ackLatencyP50Nanos()
    {
        return ackLatencyP50Nanos;
    }

    /** The first reason the venue is not usable, in the enum's order, or {@link HealthReason#HEALTHY}. */
    public HealthReason evaluate(final RouterConfig config)
    {
        if (halted)
        {
            return HealthReason.HALTED;
        }
        if (!connected)
        {
            return HealthReason.SESSION_DOWN;
        }
        if (!bookInSync)
        {
            return HealthReason.BOOK_OUT_OF_SYNC;
        }
        if (rateLimitHeadroomPpm < config.minRateLimitHeadroomPpm())
        {
            return HealthReason.RATE_LIMIT;
        }
        if (rejectRatePpm > config.maxRejectRatePpm())
        {
            return HealthReason.REJECT_RATE;
        }
        if (ackLatencyP50Nanos > config.maxAckLatencyP50Nanos())
        {
            return HealthReason.ACK_LATENCY;
        }
        return HealthReason.HEALTHY;
    }
}
