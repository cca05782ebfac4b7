package io.meridian.oms.api;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The top of book per instrument id, written by the venue bridge that owns the instrument's market
 * data (one writer per instrument) and read by any thread. A seqlock per instrument over one
 * {@link AtomicLongArray}: the writer makes the slot's sequence odd, writes the fields, makes it even
 * again; a reader retries while the sequence is odd or moved under it. Writers never wait and nothing
 * allocates after construction. Slots are 128 bytes apart so instruments do not share cache lines.
 */
public final class TopOfBookTable implements TopOfBooks
{
    private static final int SEQ = 0;
    private static final int BID_PRICE = 1;
    private static final int BID_QTY = 2;
    private static final int ASK_PRICE = 3;
    private static final int ASK_QTY = 4;
    private static final int VENUE_TIME = 5;
    private static final int UPDATED = 6;
    private static final int IN_SYNC = 7;
    private static final int STRIDE = 16;
    private static final int MAX_READ_ATTEMPTS = 64;

    private final AtomicLongArray slots;
    private final int instruments;

    /** @param instruments instrument ids are 0..instruments-1 */
    public TopOfBookTable(final int instruments)
    {
        this.instruments = instruments;
        this.slots = new AtomicLongArray(Math.max(1, instruments) * STRIDE);
    }

    public int instruments()
    {
        return instruments;
    }

    /** The instrument's writer only: publishes an in-sync top. */
    public void publish(
        final int instrumentId, final long bidPrice, final long bidQty, final long askPrice, final long askQty,
        final long venueTimeMs, final long nowMs)
    {
        final int base = instrumentId * STRIDE;
        final long seq = slots.get(base + SEQ);
        slots.set(base + SEQ, seq + 1);
        slots.set(base + BID_PRICE, bidPrice);
        slots.set(base + BID_QTY, bidQty);
        slots.set(base + ASK_PRICE, askPrice);
        slots.set(base + ASK_QTY, askQty);
        slots.set(base + VENUE_TIME, venueTimeMs);
        slots.set(base + UPDATED, nowMs);
        slots.set(base + IN_SYNC, 1);
        slots.set(base + SEQ, seq + 2);
    }

    /** The instrument's writer only: the book lost its sync; readers get false until the next publish. */
    public void outOfSync(final int instrumentId, final long nowMs)
    {
        final int base = instrumentId * STRIDE;
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

    public boolean read(final int instrumentId, final TopOfBook into)
    {
        if (instrumentId < 0 || instrumentId >= instruments)
        {
            return false;
        }
        final int base = instrumentId * STRIDE;
        for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++)
        {
            final long before = slots.get(base + SEQ);
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            into.bidPrice = slots.get(base + BID_PRICE);
            into.bidQty = slots.get(base + BID_QTY);
            into.askPrice = slots.get(base + ASK_PRICE);
            into.askQty = slots.get(base + ASK_QTY);
            into.venueTimeMs = slots.get(base + VENUE_TIME);
            into.updatedMs = slots.get(base + UPDATED);
            into.inSync = slots.get(base + IN_SYNC) == 1;
            if (slots.get(base + SEQ) == before)
            {
                return before != 0 && into.inSync;
            }
        }
        into.inSync = false;
        return false;
    }
}
