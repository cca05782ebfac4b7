package io.meridian.oms.api;

/**
 * Where the smart order router reads each venue instrument's depth (the top levels of its book),
 * published by the venue bridge that owns the instrument's market data. Any thread; never blocks,
 * never allocates.
 */
public interface DepthBooks
{
    /** No market data at all: every read answers false. */
    DepthBooks NONE = (instrumentId, into) -> false;

    /**
     * Copies the instrument's levels (at most {@code into}'s capacity a side, best first) into
     * {@code into}. False when the instrument has no published book, it is out of sync, or no consistent
     * copy could be taken: then {@code into} is not to be used.
     */
    boolean read(int instrumentId, DepthSnapshot into);
}
