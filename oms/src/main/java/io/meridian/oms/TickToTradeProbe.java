package io.meridian.oms;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.ParentOrders;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import org.agrona.concurrent.EpochNanoClock;

import java.util.function.LongConsumer;

/**
 * Internal tick-to-trade: from the engine's receive time of a client NewOrderSingle to the moment
 * the venue NewOrderSingle is handed to the venue session, measured inside the process.
 * <p>
 * The edge tells it each client message's receive time ({@link #accept(long)}); the wrapped
 * {@link OrderEntry} queues that time when a new order enters the sequencer's ring; the sequencer
 * takes the head of the queue when it applies a new order ({@link #onNewOrderSequenced()}), in ring
 * order; the wrapped {@link VenueOrders} records the latency when that order goes to its venue.
 * A routed order (sent to the smart order router's venue) is no sample yet: its receive time waits,
 * under its OrderID, for its first child, whose ClOrdID names the parent; the sample ends when that
 * child goes to its venue. Child orders enter the ring from the router, not from a client, so they
 * take no client receive time.
 * All of this runs on the core thread, without allocation. Samples (nanoseconds) go to
 * {@link LatencySamples}, which one other thread drains ({@link #drain(LongConsumer)}: the metrics, or
 * the benchmark harness); a full ring drops samples and counts them.
 */
public final class TickToTradeProbe implements LongConsumer
{
    private static final int PENDING_CAPACITY = 1 << 18;
    private static final long NONE = Long.MIN_VALUE;
    private static final int ROUTED_SLOTS = 1 << 12;
    /** slots tried from a parent's own (linear probing): a stall of many parents loses no sample */
    private static final int ROUTED_PROBES = 16;

    private final EpochNanoClock clock;
    private final long[] pending = new long[PENDING_CAPACITY];
    private long pendingHead;
    private long pendingTail;
    private long lastReceivedNanos = NONE;
    private long sequencedReceivedNanos = NONE;
    private boolean pendingOverflowed;
    /** routed parents waiting for their first child: an open-addressed table by a hash of the parent OrderID */
    private final long[] routedKeys = new long[ROUTED_SLOTS];
    private final long[] routedReceivedNanos = new long[ROUTED_SLOTS];
    /** by venue id: the venues whose requests another thread writes, probed to the socket; empty when off */
    private VenueWriteProbe[] venueWrites = new VenueWriteProbe[0];

    private final LatencySamples samples;

    /**
     * @param clock          the clock the FIX engine stamps received messages with.
     * @param sampleCapacity samples held until drained; a power of two.
     */
    public TickToTradeProbe(final EpochNanoClock clock, final int sampleCapacity)
    {
        this.clock = clock;
        this.samples = new LatencySamples(sampleCapacity);
    }

    /** The engine's receive time of the client message about to be handled (core thread). */
    public void accept(final long receivedNanos)
    {
        lastReceivedNanos = receivedNanos;
    }

    /** The sequencer is applying the next new order from its ring (core thread, not on replay). */
    public void onNewOrderSequenced()
    {
        if (!pendingOverflowed && pendingHead < pendingTail)
        {
            sequencedReceivedNanos = pending[(int)(pendingHead++ & (PENDING_CAPACITY - 1))];
        }
        else
        {
            sequencedReceivedNanos = NONE;
        }
    }

    /**
     * The sequencer is applying a routed parent's child order (core thread, not on replay): when it is
     * the first child of a parent still waiting, the parent's sample ends as this child goes to its venue.
     */
    public void onChildOrderSequenced(final CharSequence childClOrdId)
    {
        sequencedReceivedNanos = NONE;
        final int length = ParentOrders.parentOrderIdLength(childClOrdId);
        if (length > 0)
        {
            final long key = key(childClOrdId, length);
            final int home = slot(key);
            for (int i = 0; i < ROUTED_PROBES; i++)
            {
                final int slot = (home + i) & (ROUTED_SLOTS - 1);
                if (routedKeys[slot] == key)
                {
                    routedKeys[slot] = 0;
                    sequencedReceivedNanos = routedReceivedNanos[slot];
                    break;
                }
            }
        }
    }

    /** Wraps the edge's order entry: new orders accepted into the ring queue their receive time. */
    public OrderEntry orderEntry(final OrderEntry delegate)
    {
        return new OrderEntry()
        {
            public boolean newOrder(final NewOrderCommand command)
            {
                final boolean accepted = delegate.newOrder(command);
                if (accepted)
                {
                    onNewOrderAccepted();
                }
                return accepted;
            }

            public boolean cancelOrder(final CancelOrderCommand command)
            {
                return delegate.cancelOrder(command);
            }

            public boolean replaceOrder(final ReplaceOrderCommand command)
            {
                return delegate.replaceOrder(command);
            }

            public boolean orderStatus(final OrderStatusCommand command)
            {
                return delegate.orderStatus(command);
            }
        };
    }

    /** Wraps the venue side: a new order sent while a sequenced order is current is a sample. */
    public VenueOrders venueOrders(final VenueOrders delegate)
    {
        return venueOrders(delegate, -1);
    }

    /**
     * Wraps the venue side: a new order sent while a sequenced order is current is a sample, unless it
     * goes to {@code routerVenueId}: then its first child's is.
     */
    public VenueOrders venueOrders(final VenueOrders delegate, final int routerVenueId)
    {
        return new VenueOrders()
        {
            public boolean isConnected(final int venueId)
            {
                return delegate.isConnected(venueId);
            }

            public boolean sendNewOrder(final VenueOrder order)
            {
                final int venueId = order.venueId;
                final VenueWriteProbe writes =
                    venueId >= 0 && venueId < venueWrites.length ? venueWrites[venueId] : null;
                if (writes != null)
                {
                    // before the hand-off: the other thread may write the request before this call returns
                    writes.stamp(order.clOrdId, sequencedReceivedNanos);
                }
                final boolean sent = delegate.sendNewOrder(order);
                if (sent)
                {
                    if (order.venueId == routerVenueId)
                    {
                        onParentRouted(order.clOrdId);
                    }
                    else
                    {
                        onVenueOrderSent();
                    }
                }
                else if (writes != null)
                {
                    writes.withdraw();
                }
                return sent;
            }

            public boolean sendCancel(final VenueOrder cancel)
            {
                return delegate.sendCancel(cancel);
            }

            public boolean sendReplace(final VenueOrder replace)
            {
                return delegate.sendReplace(replace);
            }

            public boolean sendStatusRequest(final VenueOrder order)
            {
                return delegate.sendStatusRequest(order);
            }
        };
    }

    /**
     * Switches on the probe of new orders to {@code venueId} up to their request bytes written to the venue's
     * socket by another thread (a crypto bridge), and returns it; the bridge takes and records the stamps.
     * Call before the core thread runs. Off (the default), nothing is stamped.
     */
    public VenueWriteProbe venueWrites(final int venueId)
    {
        if (venueId >= venueWrites.length)
        {
            venueWrites = java.util.Arrays.copyOf(venueWrites, venueId + 1);
        }
        if (venueWrites[venueId] == null)
        {
            venueWrites[venueId] = new VenueWriteProbe(1 << 16);
        }
        return venueWrites[venueId];
    }

    /** The probe of {@code venueId}'s request writes, or null when it is off. */
    public VenueWriteProbe venueWritesOf(final int venueId)
    {
        return venueId >= 0 && venueId < venueWrites.length ? venueWrites[venueId] : null;
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

    /** Samples lost because the ring was full, or because too many orders were pending. */
    public long droppedSamples()
    {
        return samples.dropped();
    }

    private void onNewOrderAccepted()
    {
        if (pendingTail - pendingHead == PENDING_CAPACITY)
        {
            // ring order could no longer be matched to receive times: stop sampling rather than lie
            pendingOverflowed = true;
        }
        if (pendingOverflowed)
        {
            samples.drop();
            return;
        }
        pending[(int)(pendingTail++ & (PENDING_CAPACITY - 1))] = lastReceivedNanos;
    }

    private void onVenueOrderSent()
    {
        final long receivedNanos = sequencedReceivedNanos;
        if (receivedNanos == NONE)
        {
            return;
        }
        sequencedReceivedNanos = NONE;
        samples.record(clock.nanoTime() - receivedNanos);
    }

    private void onParentRouted(final CharSequence venueClOrdId)
    {
        final long receivedNanos = sequencedReceivedNanos;
        if (receivedNanos == NONE)
        {
            return;
        }
        sequencedReceivedNanos = NONE;
        // the children's ClOrdIDs start with the parent's OrderID
        final long key = key(venueClOrdId, ParentOrders.orderIdLength(venueClOrdId));
        final int home = slot(key);
        int slot = home;
        for (int i = 0; i < ROUTED_PROBES; i++)
        {
            final int probe = (home + i) & (ROUTED_SLOTS - 1);
            if (routedKeys[probe] == 0)
            {
                slot = probe;
                break;
            }
            if (routedReceivedNanos[probe] < routedReceivedNanos[slot])
            {
                slot = probe;
            }
        }
        if (routedKeys[slot] != 0)
        {
            // the longest waiting of a full run of slots gives way (a parent that never got a child, as a
            // rule): its sample is lost and counted, never wrong
            samples.drop();
        }
        routedKeys[slot] = key;
        routedReceivedNanos[slot] = receivedNanos;
    }

    /** The ClOrdID hash of {@link VenueWriteProbe}, over {@code chars[0, length)}; never 0, the empty slot. */
    private static long key(final CharSequence chars, final int length)
    {
        final long hash = VenueWriteProbe.key(chars, length);
        return hash == 0 ? 1 : hash;
    }

    /**
     * FNV-1a's low bits mix poorly: OrderIDs 108 apart shared a slot. The finaliser of MurmurHash3 spreads
     * every bit of the key over the slot.
     */
    private static int slot(final long key)
    {
        long k = key;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int)k & (ROUTED_SLOTS - 1);
    }
}
