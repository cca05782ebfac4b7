package io.meridian.oms;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * Epoch time in nanoseconds as {@code System.nanoTime()} plus an offset to the wall clock, resampled
 * once a second: no allocation and no wall-clock read per call (Agrona's {@link SystemEpochNanoClock}
 * builds an {@code Instant} each time), while NTP corrections still arrive within a second. Any
 * thread may call it; a resample may move the time by the wall clock's correction, so durations are
 * measured with differences of this clock only where a microsecond step once a second does not matter.
 */
public final class ResampledEpochNanoClock implements EpochNanoClock
{
    private static final long RESAMPLE_INTERVAL_NS = 1_000_000_000L;

    private final SystemEpochNanoClock wallClock = new SystemEpochNanoClock();
    private volatile long offsetNs;
    private volatile long nextResampleNs;

    public ResampledEpochNanoClock()
    {
        resample(System.nanoTime());
    }

    public long nanoTime()
    {
        final long now = System.nanoTime();
        if (now - nextResampleNs >= 0)
        {
            resample(now);
        }
        return now + offsetNs;
    }

    private void resample(final long now)
    {
        // the wall clock read between two monotonic reads: the offset's error is at most their distance
        final long before = System.nanoTime();
        final long epoch = wallClock.nanoTime();
        final long after = System.nanoTime();
        offsetNs = epoch - (before + ((after - before) >> 1));
        nextResampleNs = now + RESAMPLE_INTERVAL_NS;
    }
}
