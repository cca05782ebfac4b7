package io.meridian.venues.crypto;

import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBookTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Binance's documented way to keep a local book from the diff depth stream, for one symbol: buffer
 * the stream's events, load the REST snapshot ({@code lastUpdateId}), drop buffered events with
 * {@code u <= lastUpdateId}, the first one applied must have {@code U <= lastUpdateId+1 <= u}, and
 * from then on each event's {@code U} must be the previous {@code u + 1}. Anything else is a gap: the
 * caller fetches a new snapshot ({@link #startSync}). Buffered events are copied into reused
 * {@link DepthUpdate}s. Bridge thread only.
 */
final class BinanceDepthSync extends InstrumentBook
{
    /** What an event or snapshot did. */
    enum Result
    {
        /** applied to the synced book */
        APPLIED,
        /** kept until the snapshot is in */
        BUFFERED,
        /** older than the book ({@code u <= lastUpdateId}): dropped */
        STALE,
        /** update ids do not follow: the book must be rebuilt from a new snapshot */
        GAP,
        /** the snapshot is older than the first buffered event: fetch another, keep buffering */
        SNAPSHOT_TOO_OLD,
        /** the snapshot was applied and the buffered events bridged it: the book is synced */
        SYNCED,
        /** a price or quantity that does not fit the instrument's scales */
        UNUSABLE
    }

    /** Events buffered beyond this while no snapshot comes are not kept: the sync starts over. */
    static final int MAX_BUFFERED = 10_000;

    private final List<DepthUpdate> buffer = new ArrayList<>();
    private int buffered;
    private long lastUpdateId;
    private boolean firstApplied;
    /** which snapshot request is current: answers to older ones are ignored */
    int generation;

    BinanceDepthSync(final BookInstrument instrument, final TopOfBookTable tops, final DepthTable depth)
    {
        super(instrument, tops, depth);
    }

    /** Starts (again) from nothing: buffer events until {@link #onSnapshot}. */
    void startSync(final BookSyncState next, final long nowMs)
    {
        lostSync(next, nowMs);
        buffered = 0;
        firstApplied = false;
        lastUpdateId = 0;
        generation++;
    }

    /** The last update id the book contains. */
    long lastUpdateId()
    {
        return lastUpdateId;
    }

    int buffered()
    {
        return buffered;
    }

    /** A diff from the stream. */
    Result onDiff(final DepthUpdate event, final long nowMs)
    {
        if (state != BookSyncState.SYNCED)
        {
            if (state == BookSyncState.DISCONNECTED)
            {
                return Result.STALE;
            }
            if (buffered == MAX_BUFFERED)
            {
                return Result.GAP;
            }
            if (buffered == buffer.size())
            {
                buffer.add(new DepthUpdate());
            }
            buffer.get(buffered++).copyFrom(event);
            return Result.BUFFERED;
        }
        final Result result = applyInOrder(event);
        if (result == Result.APPLIED)
        {
            publish(nowMs);
        }
        return result;
    }

    /** The REST snapshot: load it and bridge it with the buffered events. */
    Result onSnapshot(final DepthUpdate snapshot, final long nowMs)
    {
        book.clear();
        firstApplied = false;
        if (!apply(snapshot))
        {
            return Result.UNUSABLE;
        }
        lastUpdateId = snapshot.lastId;
        for (int i = 0; i < buffered; i++)
        {
            final DepthUpdate event = buffer.get(i);
            final Result result = applyInOrder(event);
            if (result == Result.GAP)
            {
                if (!firstApplied)
                {
                    // the snapshot predates the buffered events: keep them, try a newer snapshot
                    book.clear();
                    return Result.SNAPSHOT_TOO_OLD;
                }
                return Result.GAP;
            }
            if (result == Result.UNUSABLE)
            {
                return result;
            }
        }
        buffered = 0;
        state = BookSyncState.SYNCED;
        publish(nowMs);
        return Result.SYNCED;
    }

    private Result applyInOrder(final DepthUpdate event)
    {
        if (event.lastId <= lastUpdateId)
        {
            return Result.STALE;
        }
        if (firstApplied ? event.firstId != lastUpdateId + 1 : event.firstId > lastUpdateId + 1)
        {
            return Result.GAP;
        }
        if (!apply(event))
        {
            return Result.UNUSABLE;
        }
        lastUpdateId = event.lastId;
        firstApplied = true;
        return Result.APPLIED;
    }
}
