package io.meridian.oms.api;

/**
 * A copy of one instrument's best bid and offer, filled by {@link TopOfBooks#read}. Owned and reused
 * by the reader (one per reading thread): reading allocates nothing. Prices and quantities are scaled
 * longs in the instrument's price and quantity scales; a side with no level has price and quantity 0.
 */
public final class TopOfBook
{
    long bidPrice;
    long bidQty;
    long askPrice;
    long askQty;
    long venueTimeMs;
    long updatedMs;
    boolean inSync;

    public long bidPrice()
    {
        return bidPrice;
    }

    public long bidQty()
    {
        return bidQty;
    }

    public long askPrice()
    {
        return askPrice;
    }

    public long askQty()
    {
        return askQty;
    }

    /** The venue's time of the last book change (its event or snapshot time), epoch ms; 0 when unknown. */
    public long venueTimeMs()
    {
        return venueTimeMs;
    }

    /** Local time the top was last published, epoch ms. */
    public long updatedMs()
    {
        return updatedMs;
    }

    /**
     * True while the local book is synchronised with the venue's feed. False after a gap, a checksum
     * mismatch or a disconnect, until the book is rebuilt: the prices are then not to be used.
     */
    public boolean inSync()
    {
        return inSync;
    }

    public boolean hasBid()
    {
        return bidQty > 0;
    }

    public boolean hasAsk()
    {
        return askQty > 0;
    }

    @Override
    public String toString()
    {
        return "TopOfBook{bid=" + bidQty + "@" + bidPrice + ", ask=" + askQty + "@" + askPrice + ", venueTimeMs=" +
            venueTimeMs + ", updatedMs=" + updatedMs + ", inSync=" + inSync + "}";
    }
}
