package io.meridian.oms;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Internal tick-to-trade to a venue whose requests are written by another thread (a crypto bridge's
 * I/O thread): from the engine's receive time of a client NewOrderSingle to the moment the venue
 * request's bytes were written to the venue's socket.
 * <p>
 * The core thread stamps each new order it hands to the venue ({@link #stamp}), before the hand-off,
 * with the receive time of the client order being sequenced (or {@link #NONE}): a single-producer,
 * single-consumer ring of (ClOrdID hash, time), withdrawn when the hand-off fails ({@link #withdraw}). The bridge
 * thread takes the stamp of the order it is about to send ({@link #take}) and records the
 * latency once the bytes are written ({@link #written}) into {@link LatencySamples}, which one other
 * thread drains. No allocation on either side; nothing of this exists unless it is switched on
 * ({@link TickToTradeProbe#venueWrites(int)}).
 */
public final class VenueWriteProbe
{
    /** No stamp: the order was not a sampled client order, or its stamp was lost. */
    public static final long NONE = Long.MIN_VALUE;
    private static final int CAPACITY = 1 << 16;
    /** how far {@link #take} looks for an order's stamp before deciding it has none */
    private static final int SEARCH_LIMIT = 64;

    private final long[] keys = new long[CAPACITY];
    private final long[] stamps = new long[CAPACITY];
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    /** core thread: the last {@link #stamp} was published (and may be withdrawn) */
    private boolean lastPublished;
    private final LatencySamples samples;

    /** @param sampleCapacity samples held until drained; a power of two. */
    public VenueWriteProbe(final int sampleCapacity)
    {
        samples = new LatencySamples(sampleCapacity);
    }

    /** A 64-bit hash of a ClOrdID (FNV-1a), the same on both threads. */
    static long key(final CharSequence clOrdId)
    {
        return key(clOrdId, clOrdId.length());
    }

    /** FNV-1a over {@code chars[0, length)}. */
    static long key(final CharSequence chars, final int length)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++)
        {
            hash ^= chars.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Core thread, before the order is handed to the venue: its client receive time, or {@link #NONE}. */
    public void stamp(final CharSequence clOrdId, final long receivedNanos)
    {
        final long position = tail.get();
        if (position - head.getAcquire() >= CAPACITY)
        {
            samples.drop();
            lastPublished = false;
            return;
        }
        final int index = (int)(position & (CAPACITY - 1));
        keys[index] = key(clOrdId);
        stamps[index] = receivedNanos;
        tail.setRelease(position + 1);
        lastPublished = true;
    }

    /**
     * Core thread: the hand-off of the order stamped last failed, its stamp is withdrawn (the bridge never
     * looks for it: it only looks for orders it was handed, and they were all stamped before).
     */
    public void withdraw()
    {
        if (lastPublished)
        {
            lastPublished = false;
            tail.setRelease(tail.get() - 1);
        }
    }

    /**
     * Bridge thread, for each new order taken from the hand-off: the client receive time stamped for
     * it, else {@link #NONE}. Stamps before it (hand-offs that failed) are discarded.
     */
    public long take(final CharSequence clOrdId)
    {
        final long key = key(clOrdId);
        final long first = head.get();
        final long end = Math.min(tail.getAcquire(), first + SEARCH_LIMIT);
        for (long position = first; position < end; position++)
        {
            final int index = (int)(position & (CAPACITY - 1));
            if (keys[index] == key)
            {
                final long stamp = stamps[index];
                head.setRelease(position + 1);
                return stamp;
            }
        }
        return NONE;
    }

    /** Bridge thread: the request of an order stamped {@code receivedNanos} was written at {@code writtenNanos}. */
    public void written(final long receivedNanos, final long writtenNanos)
    {
        if (receivedNanos != NONE)
        {
            samples.record(writtenNanos - receivedNanos);
        }
    }

    /**
     * Hands every sample taken since the last drain to {@code sink}; one draining thread only.
     *
     * @return the number of samples drained.
     */
    public int drain(final LongConsumer sink)
    {
        return samples.drain(sink);
    }

    /** Samples lost because a ring was full. */
    public long droppedSamples()
    {
        return samples.dropped();
    }
}
