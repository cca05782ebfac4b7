package io.meridian.oms;

import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.OrderRejectReason;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of the sequencer. Written only by the sequencer thread (ordered writes, no locked
 * instructions), readable from any thread. Counters cover the whole journal history: records
 * replayed by {@code recover()} are counted as when they first happened.
 */
public final class OmsMetrics
{
    private static final int COMMANDS_IN = 0;
    private static final int NEW_ORDERS_IN = 1;
    private static final int VENUE_EVENTS_IN = 2;
    private static final int FILLS = 3;
    private static final int DUPLICATE_FILLS = 4;
    private static final int UNKNOWN_VENUE_EVENTS = 5;
    private static final int JOURNAL_RECORDS = 6;
    private static final int LAST_SEQUENCE = 7;
    private static final int OVERFILLS = 8;
    private static final int ANOMALIES = 9;
    private static final int ERRORS = 10;
    private static final int QUERIES = 11;
    private static final int VENUE_STATUS_QUERIES = 12;
    private static final int DAY_ROLLS = 13;
    private static final int ORDERS_ARCHIVED = 14;
    private static final int REJECTS_BASE = 15;
    private static final int CANCEL_REJECTS_BASE = REJECTS_BASE + OrderRejectReason.values().length;
    private static final int COUNT = CANCEL_REJECTS_BASE + CancelRejectReason.values().length;

    /** bits of a venue acknowledgement sample below the venue id */
    public static final int VENUE_ACK_VENUE_SHIFT = 56;

    private final AtomicLongArray counters = new AtomicLongArray(COUNT);
    private final RingBuffer ring;
    private final LatencySamples venueAcks = new LatencySamples(1 << 14);

    OmsMetrics(final RingBuffer ring)
    {
        this.ring = ring;
    }

    private void increment(final int index)
    {
        counters.lazySet(index, counters.get(index) + 1);
    }

    /**
     * Live new orders acknowledged by their venue: the time from the sequencer's receipt of the client
     * order to its receipt of the venue's acknowledgement, in nanoseconds, with the venue id in the bits
     * from {@link #VENUE_ACK_VENUE_SHIFT} up. One reader drains them.
     */
    public LatencySamples venueAcks()
    {
        return venueAcks;
    }

    void venueAck(final int venueId, final long nanos)
    {
        if (nanos >= 0 && nanos < 1L << VENUE_ACK_VENUE_SHIFT)
        {
            venueAcks.record((long)venueId << VENUE_ACK_VENUE_SHIFT | nanos);
        }
    }

    private volatile boolean journalFailed;
    private volatile long journalUnjournaledInputs;

    void journalFailed()
    {
        journalFailed = true;
    }

    void unjournaledInput()
    {
        journalUnjournaledInputs = journalUnjournaledInputs + 1;
    }

    /** @return true once a journal append failed: new orders are rejected until a restart. */
    public boolean isJournalFailed()
    {
        return journalFailed;
    }

    /** inputs applied without being journaled since the journal failed (lost to a replay) */
    public long unjournaledInputs()
    {
        return journalUnjournaledInputs;
    }

    void commandIn()
    {
        increment(COMMANDS_IN);
    }

    void newOrderIn()
    {
        increment(NEW_ORDERS_IN);
    }

    void venueEventIn()
    {
        increment(VENUE_EVENTS_IN);
    }

    void fill()
    {
        increment(FILLS);
    }

    void duplicateFillIgnored()
    {
        increment(DUPLICATE_FILLS);
    }

    void unknownVenueEvent()
    {
        increment(UNKNOWN_VENUE_EVENTS);
    }

    void overfill()
    {
        increment(OVERFILLS);
    }

    void venueStatusQuery()
    {
        increment(VENUE_STATUS_QUERIES);
    }

    void anomaly()
    {
        increment(ANOMALIES);
    }

    void dayRoll(final int archivedOrders)
    {
        increment(DAY_ROLLS);
        counters.lazySet(ORDERS_ARCHIVED, counters.get(ORDERS_ARCHIVED) + archivedOrders);
    }

    /** Trading days ended (live and replayed). */
    public long dayRolls()
    {
        return counters.get(DAY_ROLLS);
    }

    /** Done orders taken out of memory by day rolls. */
    public long ordersArchived()
    {
        return counters.get(ORDERS_ARCHIVED);
    }

    void error()
    {
        increment(ERRORS);
    }

    void query()
    {
        increment(QUERIES);
    }

    void reject(final OrderRejectReason reason)
    {
        increment(REJECTS_BASE + reason.ordinal());
    }

    void cancelReject(final CancelRejectReason reason)
    {
        increment(CANCEL_REJECTS_BASE + reason.ordinal());
    }

    void journalRecord(final long sequence)
    {
        increment(JOURNAL_RECORDS);
        counters.lazySet(LAST_SEQUENCE, sequence);
    }

    /** client commands received (new, cancel, replace, status). */
    public long commandsIn()
    {
        return counters.get(COMMANDS_IN);
    }

    public long newOrdersIn()
    {
        return counters.get(NEW_ORDERS_IN);
    }

    /** venue executions, cancel rejects and session state changes received. */
    public long venueEventsIn()
    {
        return counters.get(VENUE_EVENTS_IN);
    }

    /** new orders rejected (by the OMS or the venue) with this reason. */
    public long rejects(final OrderRejectReason reason)
    {
        return counters.get(REJECTS_BASE + reason.ordinal());
    }

    /** cancel and replace requests rejected with this reason. */
    public long cancelRejects(final CancelRejectReason reason)
    {
        return counters.get(CANCEL_REJECTS_BASE + reason.ordinal());
    }

    /** fills applied (after deduplication). */
    public long fills()
    {
        return counters.get(FILLS);
    }

    public long duplicateFillsIgnored()
    {
        return counters.get(DUPLICATE_FILLS);
    }

    /** venue events naming no order or request of ours; ignored. */
    public long unknownVenueEvents()
    {
        return counters.get(UNKNOWN_VENUE_EVENTS);
    }

    /** fills that took an order's cumulative quantity above its order quantity (applied anyway). */
    public long overfills()
    {
        return counters.get(OVERFILLS);
    }

    /**
     * venue events that made no sense for the order's state (fill on a done order, replace ack
     * without a pending replace, reject of an acknowledged order, fill without an exec id...).
     */
    public long anomalies()
    {
        return counters.get(ANOMALIES);
    }

    /** Status queries sent to venues for orders whose fate was open at a (re)connect. */
    public long venueStatusQueries()
    {
        return counters.get(VENUE_STATUS_QUERIES);
    }

    /** inputs whose processing threw (a bug); the error handler was told. */
    public long errors()
    {
        return counters.get(ERRORS);
    }

    public long queriesServed()
    {
        return counters.get(QUERIES);
    }

    /** bytes waiting in the sequencer's ring buffer. */
    public long queueDepth()
    {
        return ring.size();
    }

    public long journalRecords()
    {
        return counters.get(JOURNAL_RECORDS);
    }

    public long lastSequence()
    {
        return counters.get(LAST_SEQUENCE);
    }
}
