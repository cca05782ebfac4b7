package io.meridian.venues.crypto;

import java.util.concurrent.atomic.AtomicLong;

/** One crypto venue's counters and gauges; written on its bridge thread, read by the admin. */
public final class CryptoVenueMetrics
{
    final AtomicLong ordersSent = new AtomicLong();
    final AtomicLong ordersSentRest = new AtomicLong();
    final AtomicLong cancelsSent = new AtomicLong();
    final AtomicLong replacesSent = new AtomicLong();
    final AtomicLong acks = new AtomicLong();
    final AtomicLong ackLatencyNanosTotal = new AtomicLong();
    volatile long lastAckLatencyNanos;
    final AtomicLong fills = new AtomicLong();
    final AtomicLong duplicateFillsDropped = new AtomicLong();
    final AtomicLong unknownOrderFills = new AtomicLong();
    final AtomicLong unknownOutcomes = new AtomicLong();
    final AtomicLong unknownOutcomesSettled = new AtomicLong();
    final AtomicLong venueRejects = new AtomicLong();
    final AtomicLong filterRejects = new AtomicLong();
    final AtomicLong rateLimitRejects = new AtomicLong();
    final AtomicLong rateLimited429 = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong resyncs = new AtomicLong();
    final AtomicLong bookUpdates = new AtomicLong();
    final AtomicLong bookGaps = new AtomicLong();
    final AtomicLong checksumFailures = new AtomicLong();
    final AtomicLong snapshots = new AtomicLong();
    final AtomicLong marketDataReconnects = new AtomicLong();
    final AtomicLong catchUps = new AtomicLong();
    /** status queries the OMS asked for, and their answers sent to it */
    final AtomicLong statusQueries = new AtomicLong();
    final AtomicLong statusAnswers = new AtomicLong();
    /** orders of an earlier process taken over from the OMS's status query (after a restart) */
    final AtomicLong ordersTakenOver = new AtomicLong();
    /** trades a reconciliation view found that the streams never delivered, handed to the fill path */
    final AtomicLong viewRecoveredFills = new AtomicLong();
    final AtomicLong clockResyncs = new AtomicLong();
    final AtomicLong requestRingFull = new AtomicLong();
    final AtomicLong eventRetries = new AtomicLong();
    final AtomicLong unusableMessages = new AtomicLong();
    volatile long rateLimitUsed;
    volatile long rateLimitLimit;
    volatile long ordersUsed;
    volatile long ordersLimit;
    volatile long clockOffsetMs;

    public long ordersSent()
    {
        return ordersSent.get();
    }

    /** Orders sent over REST because the WebSocket order channel was down. */
    public long ordersSentRest()
    {
        return ordersSentRest.get();
    }

    public long cancelsSent()
    {
        return cancelsSent.get();
    }

    public long replacesSent()
    {
        return replacesSent.get();
    }

    /** Acknowledged orders; with {@link #ackLatencyNanosTotal()} the mean send -> ack latency. */
    public long acks()
    {
        return acks.get();
    }

    public long ackLatencyNanosTotal()
    {
        return ackLatencyNanosTotal.get();
    }

    public long lastAckLatencyNanos()
    {
        return lastAckLatencyNanos;
    }

    public long fills()
    {
        return fills.get();
    }

    public long duplicateFillsDropped()
    {
        return duplicateFillsDropped.get();
    }

    /** Fills for orders this bridge does not know: logged and kept for reconciliation. */
    public long unknownOrderFills()
    {
        return unknownOrderFills.get();
    }

    public long unknownOutcomes()
    {
        return unknownOutcomes.get();
    }

    public long unknownOutcomesSettled()
    {
        return unknownOutcomesSettled.get();
    }

    public long venueRejects()
    {
        return venueRejects.get();
    }

    /** Orders refused before sending by the venue's filters (tick, step, min/max qty, min notional). */
    public long filterRejects()
    {
        return filterRejects.get();
    }

    /** Orders refused before sending to stay within the venue's rate limits. */
    public long rateLimitRejects()
    {
        return rateLimitRejects.get();
    }

    public long rateLimited429()
    {
        return rateLimited429.get();
    }

    public long reconnects()
    {
        return reconnects.get();
    }

    /** Order book resynchronisations (gaps, checksum mismatches). */
    public long resyncs()
    {
        return resyncs.get();
    }

    /** Depth updates applied to local books. */
    public long bookUpdates()
    {
        return bookUpdates.get();
    }

    /** Depth sequence gaps seen (Binance U/u, OKX prevSeqId/seqId); each leads to a resync. */
    public long bookGaps()
    {
        return bookGaps.get();
    }

    /** OKX books checksum mismatches; each leads to a resync. */
    public long checksumFailures()
    {
        return checksumFailures.get();
    }

    /** Book snapshots loaded (Binance REST depth, OKX books snapshot pushes). */
    public long snapshots()
    {
        return snapshots.get();
    }

    /** Market data stream reconnects. */
    public long marketDataReconnects()
    {
        return marketDataReconnects.get();
    }

    public long catchUps()
    {
        return catchUps.get();
    }

    /** Status queries the OMS asked this venue (its orders of open fate at a connect). */
    public long statusQueries()
    {
        return statusQueries.get();
    }

    /** ORDER_STATUS answers sent to the OMS. */
    public long statusAnswers()
    {
        return statusAnswers.get();
    }

    /** Orders sent by an earlier process (before a restart) that the OMS's status query brought back under watch. */
    public long ordersTakenOver()
    {
        return ordersTakenOver.get();
    }

    public long viewRecoveredFills()
    {
        return viewRecoveredFills.get();
    }

    public long clockResyncs()
    {
        return clockResyncs.get();
    }

    public long requestRingFull()
    {
        return requestRingFull.get();
    }

    public long eventRetries()
    {
        return eventRetries.get();
    }

    public long unusableMessages()
    {
        return unusableMessages.get();
    }

    /** Last request weight used in the venue's window (Binance weight per minute). */
    public long rateLimitUsed()
    {
        return rateLimitUsed;
    }

    public long rateLimitLimit()
    {
        return rateLimitLimit;
    }

    public long ordersUsed()
    {
        return ordersUsed;
    }

    public long ordersLimit()
    {
        return ordersLimit;
    }

    /** Venue time minus local time, ms, as last measured. */
    public long clockOffsetMs()
    {
        return clockOffsetMs;
    }
}
