package io.meridian.venues.crypto;

import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBookTable;

/**
 * OKX's {@code books} channel for one instrument: a {@code snapshot} push loads the book, each
 * {@code update} must carry {@code prevSeqId} equal to the previous push's {@code seqId}, and after
 * every push the book's top 25 levels must hash to the push's {@code checksum}. A gap or a mismatch
 * means the book can no longer be trusted: the caller resubscribes, and updates are ignored until the
 * next snapshot. Bridge thread only.
 */
final class OkxBookSync extends InstrumentBook
{
    /** What a push did. */
    enum Result
    {
        /** a snapshot was loaded and verified */
        SYNCED,
        /** an update was applied and verified */
        APPLIED,
        /** an update while no snapshot is loaded: dropped */
        IGNORED,
        /** {@code prevSeqId} is not the last {@code seqId} */
        GAP,
        /** the book does not hash to the venue's checksum */
        CHECKSUM_MISMATCH,
        /** a price or size that does not fit the instrument's scales */
        UNUSABLE
    }

    private final OkxBookChecksum checksum;
    private long seqId;

    OkxBookSync(
        final BookInstrument instrument, final TopOfBookTable tops, final DepthTable depth, final OkxBookChecksum checksum)
    {
        super(instrument, tops, depth);
        this.checksum = checksum;
    }

    long seqId()
    {
        return seqId;
    }

    Result onSnapshot(final DepthUpdate push, final long nowMs)
    {
        book.clear();
        if (!apply(push))
        {
            return Result.UNUSABLE;
        }
        seqId = push.lastId;
        if (!checksumMatches(push))
        {
            return Result.CHECKSUM_MISMATCH;
        }
        state = BookSyncState.SYNCED;
        publish(nowMs);
        return Result.SYNCED;
    }

    Result onUpdate(final DepthUpdate push, final long nowMs)
    {
        if (state != BookSyncState.SYNCED)
        {
            return Result.IGNORED;
        }
        if (push.firstId != seqId)
        {
            return Result.GAP;
        }
        if (!apply(push))
        {
            return Result.UNUSABLE;
        }
        seqId = push.lastId;
        if (!checksumMatches(push))
        {
            return Result.CHECKSUM_MISMATCH;
        }
        publish(nowMs);
        return Result.APPLIED;
    }

    private boolean checksumMatches(final DepthUpdate push)
    {
        return !push.hasChecksum ||
            checksum.checksum(book, instrument.priceScale(), instrument.qtyScale()) == push.checksum;
    }
}
