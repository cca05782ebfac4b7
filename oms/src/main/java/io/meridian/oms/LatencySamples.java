package io.meridian.oms;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Latency samples handed from the core thread to one reader: a single-producer, single-consumer
 * ring of longs. Recording is a plain array store and an ordered counter write, no allocation; a
 * full ring drops the sample and counts it, never waits. The reader (metrics, the benchmark
 * harness) drains it periodically into histograms.
 */
public final class LatencySamples
{
    private final long[] samples;
    private final int mask;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** @param capacity samples held until drained; a power of two. */
    public LatencySamples(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        samples = new long[capacity];
        mask = capacity - 1;
    }

    /** Producer thread only. */
    public void record(final long sample)
    {
        final long position = written.get();
        if (position - read.getAcquire() >= samples.length)
        {
            dropped.incrementAndGet();
            return;
        }
        samples[(int)(position & mask)] = sample;
        written.setRelease(position + 1);
    }

    /** Counts a sample that could not be taken (the producer lost track of it). */
    void drop()
    {
        dropped.incrementAndGet();
    }

    /**
     * Hands every sample recorded since the last drain to {@code sink}; one draining thread only.
     *
     * @return the number of samples drained.
     */
    public int drain(final LongConsumer sink)
    {
        final long end = written.getAcquire();
        long position = read.get();
        final int count = (int)(end - position);
        while (position < end)
        {
            sink.accept(samples[(int)(position & mask)]);
            position++;
        }
        read.setRelease(position);
        return count;
    }

    /** Samples lost because the ring was full (or the producer lost track of them). */
    public long dropped()
    {
        return dropped.get();
    }
}
