package io.meridian.router;

/**
 * The recent median ack latency of each venue: the median of its last {@link #WINDOW} child acks, held
 * against the venue only once {@link #MIN_SAMPLES} are in. A median, not a mean, so that one slow ack (a
 * pause of ours, a cold start) cannot take a venue out of routing: with a mean, one 650 ms ack moved a
 * venue's estimate above a 50 ms limit for tens of seconds. Halving (time without news) halves every
 * sample. Core thread only; no allocation.
 */
final class AckLatencyWindow
{
    /** acks remembered per venue: an odd count, so the median is one of them */
    static final int WINDOW = 15;
    /** acks needed before the latency counts against a venue */
    static final int MIN_SAMPLES = 5;

    private final long[] samples;
    private final int[] counts;
    private final int[] next;
    private final long[] medians;
    private final long[] sorted = new long[WINDOW];

    AckLatencyWindow(final int venues)
    {
        samples = new long[venues * WINDOW];
        counts = new int[venues];
        next = new int[venues];
        medians = new long[venues];
    }

    void record(final int venueId, final long ackNanos)
    {
        final int base = venueId * WINDOW;
        samples[base + next[venueId]] = ackNanos;
        next[venueId] = (next[venueId] + 1) % WINDOW;
        counts[venueId] = Math.min(WINDOW, counts[venueId] + 1);
        medians[venueId] = median(base, counts[venueId]);
    }

    /** Every remembered ack of the venue divided by 2^{@code halvings}. */
    void halve(final int venueId, final long halvings)
    {
        final int base = venueId * WINDOW;
        for (int i = 0; i < counts[venueId]; i++)
        {
            samples[base + i] = halvings >= 63 ? 0 : samples[base + i] >> halvings;
        }
        medians[venueId] = halvings >= 63 ? 0 : medians[venueId] >> halvings;
    }

    /** The venue's median ack latency, or 0 while fewer than {@link #MIN_SAMPLES} acks are known. */
    long medianNanos(final int venueId)
    {
        return counts[venueId] < MIN_SAMPLES ? 0 : medians[venueId];
    }

    private long median(final int base, final int count)
    {
        // insertion sort of at most 15: cheaper than anything cleverer, and only on an ack
        for (int i = 0; i < count; i++)
        {
            final long value = samples[base + i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > value)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = value;
        }
        return sorted[count / 2];
    }
}
