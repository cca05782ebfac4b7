package io.meridian.oms.api;

/**
 * Where the OMS, risk and the admin API read the top of each instrument's venue book (crypto market
 * data today). Any thread; never blocks, never allocates.
 */
public interface TopOfBooks
{
    /** No market data at all: every read answers false. */
    TopOfBooks NONE = (instrumentId, into) -> false;

    /**
     * Copies the instrument's top of book into {@code into}. False when the instrument has no published
     * top, or no consistent copy could be taken (a writer kept changing it), or it is out of sync: then
     * {@code into} is not to be used (it may hold the last, out-of-sync values).
     */
    boolean read(int instrumentId, TopOfBook into);
}
