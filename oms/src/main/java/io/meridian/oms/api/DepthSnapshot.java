package io.meridian.oms.api;

/**
 * A copy of the top levels of one instrument's venue book, filled by {@link DepthBooks#read}. Owned and
 * reused by the reader: reading allocates nothing. Prices and quantities are scaled longs in the
 * instrument's scales, best level first (bids descending, asks ascending).
 */
public final class DepthSnapshot
{
    final long[] bidPrices;
    final long[] bidQtys;
    final long[] askPrices;
    final long[] askQtys;
    int bids;
    int asks;
    long venueTimeMs;
    long updatedMs;

    public DepthSnapshot(final int maxLevels)
    {
        bidPrices = new long[maxLevels];
        bidQtys = new long[maxLevels];
        askPrices = new long[maxLevels];
        askQtys = new long[maxLevels];
    }

    public int capacity()
    {
        return bidPrices.length;
    }

    public int bids()
    {
        return bids;
    }

    public int asks()
    {
        return asks;
    }

    public long bidPrice(final int level)
    {
        return bidPrices[level];
    }

    public long bidQty(final int level)
    {
        return bidQtys[level];
    }

    public long askPrice(final int level)
    {
        return askPrices[level];
    }

    public long askQty(final int level)
    {
        return askQtys[level];
    }

    /** The venue's time of the last book change, epoch ms; 0 when unknown. */
    public long venueTimeMs()
    {
        return venueTimeMs;
    }

    /** When the bridge last published this book, epoch ms of its clock. */
    public long updatedMs()
    {
        return updatedMs;
    }
}
