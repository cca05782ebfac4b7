package io.meridian.venues.crypto;

import io.meridian.oms.api.TopOfBookTable;

/**
 * One instrument's local venue book on the bridge thread: applies parsed depth messages in the
 * instrument's scales, tracks its sync state and publishes its top of book (or its loss of sync) to
 * the shared {@link TopOfBookTable}. The venue-specific sequencing rules live in
 * {@link BinanceDepthSync} and {@link OkxBookSync}.
 */
class InstrumentBook
{
    final BookInstrument instrument;
    final LocalOrderBook book = new LocalOrderBook(64);
    private final TopOfBookTable tops;
    BookSyncState state = BookSyncState.DISCONNECTED;
    long venueTimeMs;

    InstrumentBook(final BookInstrument instrument, final TopOfBookTable tops)
    {
        this.instrument = instrument;
        this.tops = tops;
    }

    boolean is(final CharSequence venueSymbol)
    {
        return instrument.venueSymbol().contentEquals(venueSymbol);
    }

    /** Applies every level of the message; false when a price or size does not fit the instrument's scales. */
    boolean apply(final DepthUpdate update)
    {
        if (update.malformed)
        {
            return false;
        }
        final int priceScale = instrument.priceScale();
        final int qtyScale = instrument.qtyScale();
        for (int i = 0; i < update.bidCount; i++)
        {
            final long price = DepthUpdate.scaled(update.bidMantissa[i], update.bidDigits[i], priceScale);
            final long qty = DepthUpdate.scaled(update.bidQtyMantissa[i], update.bidQtyDigits[i], qtyScale);
            if (price == Long.MIN_VALUE || qty == Long.MIN_VALUE)
            {
                return false;
            }
            book.bid(price, qty, update.bidDigits[i], update.bidQtyDigits[i]);
        }
        for (int i = 0; i < update.askCount; i++)
        {
            final long price = DepthUpdate.scaled(update.askMantissa[i], update.askDigits[i], priceScale);
            final long qty = DepthUpdate.scaled(update.askQtyMantissa[i], update.askQtyDigits[i], qtyScale);
            if (price == Long.MIN_VALUE || qty == Long.MIN_VALUE)
            {
                return false;
            }
            book.ask(price, qty, update.askDigits[i], update.askQtyDigits[i]);
        }
        if (update.venueTimeMs > 0)
        {
            venueTimeMs = update.venueTimeMs;
        }
        return true;
    }

    /** The book follows the feed: publish its top. */
    void publishTop(final long nowMs)
    {
        if (tops == null)
        {
            return;
        }
        final boolean bid = book.bidLevels() > 0;
        final boolean ask = book.askLevels() > 0;
        tops.publish(instrument.instrumentId(), bid ? book.bidPrice(0) : 0, bid ? book.bidQty(0) : 0,
            ask ? book.askPrice(0) : 0, ask ? book.askQty(0) : 0, venueTimeMs, nowMs);
    }

    /** Leaves the synced state: readers stop using the top at once. */
    void lostSync(final BookSyncState next, final long nowMs)
    {
        state = next;
        book.clear();
        if (tops != null)
        {
            tops.outOfSync(instrument.instrumentId(), nowMs);
        }
    }
}
