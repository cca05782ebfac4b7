package io.meridian.oms.api;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The top levels of each instrument's venue book, written by the venue bridge that owns the
 * instrument's market data (one writer per instrument) and read by any thread: the same seqlock as
 * {@link TopOfBookTable}, one slot of {@code maxLevels} bids and asks per instrument. Writers never wait
 * and nothing allocates after construction.
 */
public final class DepthTable implements DepthBooks
{
    private static final int SEQ = 0;
    private static final int BIDS = 1;
    private static final int ASKS = 2;
    private static final int VENUE_TIME = 3;
    private static final int UPDATED = 4;
    private static final int IN_SYNC = 5;
    private static final int LEVELS = 8;
    private static final int MAX_READ_ATTEMPTS = 64;

    private final AtomicLongArray slots;
    private final int instruments;
    private final int maxLevels;
    private final int stride;

    /**
     * @param instruments instrument ids are 0..instruments-1
     * @param maxLevels   levels kept a side (the router uses 20)
     */
    public DepthTable(final int instruments, final int maxLevels)
    {
        if (maxLevels < 1)
        {
            throw new IllegalArgumentException("maxLevels must be positive");
        }
        this.instruments = instruments;
        this.maxLevels = maxLevels;
        // whole 128-byte lines per slot so instruments never share one
        this.stride = (LEVELS + 4 * maxLevels + 15) & ~15;
        this.slots = new AtomicLongArray(Math.max(1, instruments) * stride);
    }

    public int instruments()
    {
        return instruments;
    }

    public int maxLevels()
    {
        return maxLevels;
    }

    /**
     * The instrument's writer only: publishes an in-sync book, best level first; levels past
     * {@link #maxLevels()} are left out.
     */
    public void publish(
        final int instrumentId, final long[] bidPrices, final long[] bidQtys, final int bids,
        final long[] askPrices, final long[] askQtys, final int asks, final long venueTimeMs, final long nowMs)
    {
        final int base = instrumentId * stride;
        final int bidCount = Math.min(bids, maxLevels);
        final int askCount = Math.min(asks, maxLevels);
        final long seq = slots.get(base + SEQ);
        slots.set(base + SEQ, seq + 1);
        slots.set(base + BIDS, bidCount);
        slots.set(base + ASKS, askCount);
        slots.set(base + VENUE_TIME, venueTimeMs);
        slots.set(base + UPDATED, nowMs);
        slots.set(base + IN_SYNC, 1);
        int at = base + LEVELS;
        for (int i = 0; i < bidCount; i++)
        {
            slots.set(at++, bidPrices[i]);
            slots.set(at++, bidQtys[i]);
        }
        at = base + LEVELS + 2 * maxLevels;
        for (int i = 0; i < askCount; i++)
        {
            slots.set(at++, askPrices[i]);
            slots.set(at++, askQtys[i]);
        }
        slots.set(base + SEQ, seq + 2);
    }

    /** The instrument's writer only: the book lost its sync; readers get false until the next publish. */
    public void outOfSync(final int instrumentId, final long nowMs)
    {
        final int base = instrumentId * stride;
        if (slots.get(base + IN_SYNC) == 0)
        {
            return;
        }
        final long seq = slots.get(base + SEQ);
        slots.set(base + SEQ, seq + 1);
        slots.set(base + UPDATED, nowMs);
        slots.set(base + IN_SYNC, 0);
        slots.set(base + SEQ, seq + 2);
    }

    public boolean read(final int instrumentId, final DepthSnapshot into)
    {
        if (instrumentId < 0 || instrumentId >= instruments)
        {
            return false;
        }
        final int base = instrumentId * stride;
        final int capacity = into.capacity();
        for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++)
        {
            final long before = slots.get(base + SEQ);
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            final int bids = (int)Math.min(slots.get(base + BIDS), capacity);
            final int asks = (int)Math.min(slots.get(base + ASKS), capacity);
            int at = base + LEVELS;
            for (int i = 0; i < bids; i++)
            {
                into.bidPrices[i] = slots.get(at++);
                into.bidQtys[i] = slots.get(at++);
            }
            at = base + LEVELS + 2 * maxLevels;
            for (int i = 0; i < asks; i++)
            {
                into.askPrices[i] = slots.get(at++);
                into.askQtys[i] = slots.get(at++);
            }
            into.venueTimeMs = slots.get(base + VENUE_TIME);
            into.updatedMs = slots.get(base + UPDATED);
            final boolean inSync = slots.get(base + IN_SYNC) == 1;
            if (slots.get(base + SEQ) == before)
            {
                into.bids = bids;
                into.asks = asks;
                return before != 0 && inSync;
            }
        }
        return false;
    }
}
