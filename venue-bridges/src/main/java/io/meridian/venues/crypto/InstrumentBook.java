package io.meridian.venues.crypto;

import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBookTable;

/**
 * One instrument's local venue book on the bridge thread: applies parsed depth messages in the
 * instrument's scales, tracks its sync state and publishes its top of book and its top levels (or its
 * loss of sync) to the shared {@link TopOfBookTable} and {@link DepthTable}. The venue-specific sequencing
 * rules live in
 * {@link BinanceDepthSync} and {@link OkxBookSync}.
 */
class InstrumentBook
{
    final BookInstrument instrument;
    final LocalOrderBook book = new LocalOrderBook(64);
    private final TopOfBookTable tops;
    private final DepthTable depth;
    BookSyncState state = BookSyncState.DISCONNECTED;
    long venueTimeMs;

    /** {@code tops} or {@code depth} may be null: nothing is published there. */
    InstrumentBook(final BookInstrument instrument, final TopOfBookTable tops, final DepthTable depth)
    {
        this.instrument = instrument;
        this.tops = tops;
        this.depth = depth;
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

    /** The book follows the feed: publish its top and its top levels (the table keeps as many as it holds). */
    void publish(final long nowMs)
    {
        final int bids = book.bidLevels();
        final int asks = book.askLevels();
        if (tops != null)
        {
            tops.publish(instrument.instrumentId(), bids > 0 ? book.bidPrice(0) : 0, bids > 0 ? book.bidQty(0) : 0,
                asks > 0 ? book.askPrice(0) : 0, asks > 0 ? book.askQty(0) : 0, venueTimeMs, nowMs);
        }
        if (depth != null)
        {
            depth.publish(instrument.instrumentId(), book.bidPrices(), book.bidQtys(), bids, book.askPrices(),
                book.askQtys(), asks, venueTimeMs, nowMs);
        }
    }

    /** Leaves the synced state: readers stop using the top and the depth at once. */
    void lostSync(final BookSyncState next, final long nowMs)
    {
        state = next;
        book.clear();
        if (tops != null)
        {
            tops.outOfSync(instrument.instrumentId(), nowMs);
        }
        if (depth != null)
        {
            depth.outOfSync(instrument.instrumentId(), nowMs);
        }
    }
}
