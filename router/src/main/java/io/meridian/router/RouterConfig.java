package io.meridian.router;

/**
 * Thresholds that turn a venue's measured health into usable or not, and the router's capacity.
 * Fractions are parts per million (1_000_000 = 100%). Immutable.
 */
public final class RouterConfig
{
    public static final long PPM_ONE = 1_000_000L;

    private final int maxVenues;
    private final long minRateLimitHeadroomPpm;
    private final long maxRejectRatePpm;
    private final long maxAckLatencyP50Nanos;

    /**
     * @param maxVenues               most venue books one decision sees (sizes every preallocated array).
     * @param minRateLimitHeadroomPpm a venue with less rate-limit headroom than this is skipped.
     * @param maxRejectRatePpm        a venue whose recent reject/timeout rate is above this is skipped.
     * @param maxAckLatencyP50Nanos   a venue whose recent median ack latency is above this is skipped.
     */
    public RouterConfig(
        final int maxVenues, final long minRateLimitHeadroomPpm, final long maxRejectRatePpm,
        final long maxAckLatencyP50Nanos)
    {
        if (maxVenues <= 0)
        {
            throw new IllegalArgumentException("maxVenues must be positive: " + maxVenues);
        }
        if (minRateLimitHeadroomPpm < 0 || minRateLimitHeadroomPpm > PPM_ONE || maxRejectRatePpm < 0 ||
            maxAckLatencyP50Nanos < 0)
        {
            throw new IllegalArgumentException("thresholds out of range");
        }
        this.maxVenues = maxVenues;
        this.minRateLimitHeadroomPpm = minRateLimitHeadroomPpm;
        this.maxRejectRatePpm = maxRejectRatePpm;
        this.maxAckLatencyP50Nanos = maxAckLatencyP50Nanos;
    }

    /** 8 venues; skip below 10% rate-limit headroom, above 5% rejects/timeouts or above 50 ms median ack. */
    public static RouterConfig defaults()
    {
        return new RouterConfig(8, 100_000L, 50_000L, 50_000_000L);
    }

    public int maxVenues()
    {
        return maxVenues;
    }

    public long minRateLimitHeadroomPpm()
    {
        return minRateLimitHeadroomPpm;
    }

    public long maxRejectRatePpm()
    {
        return maxRejectRatePpm;
    }

    public long maxAckLatencyP50Nanos()
    {
        return maxAckLatencyP50Nanos;
    }
}
