package io.meridian.venues.fix;

import io.meridian.fix.Decimals;
import io.meridian.fix.codecs.builder.MarketDataRequestEncoder;
import io.meridian.fix.codecs.decoder.HeaderDecoder;
import io.meridian.fix.codecs.decoder.MarketDataIncrementalRefreshDecoder;
import io.meridian.fix.codecs.decoder.MarketDataRequestRejectDecoder;
import io.meridian.fix.codecs.decoder.MarketDataSnapshotFullRefreshDecoder;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBookTable;
import io.meridian.oms.model.Instrument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.fields.ReadOnlyDecimalFloat;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;
import uk.co.real_logic.artio.util.AsciiBuffer;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One FIX venue's books, kept from its FIX 4.4 market data: after each logon a MarketDataRequest (V,
 * snapshot + incremental updates, {@value #DEPTH} levels, aggregated bids and offers) per instrument routed
 * to the venue; MarketDataSnapshotFullRefresh (W) replaces an instrument's book and
 * MarketDataIncrementalRefresh (X) changes it level by level (keyed by price). After each message the
 * touched books' top goes to the {@link TopOfBookTable} and their top {@value #DEPTH} levels to the
 * {@link DepthTable}, in Meridian's scales. A disconnect puts every book out of sync, a
 * MarketDataRequestReject (Y) its own, until the next snapshot. Runs on the bridge's thread and
 * allocates nothing per message.
 */
final class VenueMarketData
{
    /** Levels a side requested, kept and published. */
    static final int DEPTH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(VenueMarketData.class);
    private static final String REQ_ID_PREFIX = "MD";
    /** room past the depth: a venue may send a level entering before the one leaving */
    private static final int CAPACITY = 4 * DEPTH;

    private final String venueName;
    private final VenueSymbols symbols;
    private final Book[] books;
    private final Book[] byInstrumentId;
    private final Book[] touched;
    private int touchedCount;
    private final MarketDataRequestEncoder request = new MarketDataRequestEncoder();
    private final MarketDataSnapshotFullRefreshDecoder snapshot = new MarketDataSnapshotFullRefreshDecoder();
    private final MarketDataIncrementalRefreshDecoder incremental = new MarketDataIncrementalRefreshDecoder();
    private final MarketDataRequestRejectDecoder reject = new MarketDataRequestRejectDecoder();
    private final UtcTimestampDecoder sendingTime = new UtcTimestampDecoder(false);
    private TopOfBookTable tops;
    private DepthTable depths;
    /** books requested since the logon; all of them once subscribed */
    private int requested;

    VenueMarketData(final String venueName, final VenueSymbols symbols, final int instrumentCount)
    {
        this.venueName = venueName;
        this.symbols = symbols;
        final List<Instrument> routed = symbols.routed();
        books = new Book[routed.size()];
        byInstrumentId = new Book[instrumentCount];
        touched = new Book[routed.size()];
        for (int i = 0; i < books.length; i++)
        {
            final Instrument instrument = routed.get(i);
            books[i] = new Book(instrument, symbols.venueSymbol(instrument));
            byInstrumentId[instrument.id()] = books[i];
        }
    }

    /** Where the books are published; without tables nothing is subscribed. */
    void tables(final TopOfBookTable tops, final DepthTable depths)
    {
        this.tops = tops;
        this.depths = depths;
    }

    boolean enabled()
    {
        return tops != null && depths != null && books.length > 0;
    }

    /**
     * Sends the subscriptions not yet sent since the logon, as far as the session takes them.
     * @return the number sent.
     */
    int subscribe(final ToIntFunction<Encoder> send)
    {
        int sent = 0;
        while (requested < books.length)
        {
            final Book book = books[requested];
            request.reset();
            request.mDReqID(book.mdReqId)
                .subscriptionRequestType('1')
                .marketDepth(DEPTH)
                .mDUpdateType(1)
                .aggregatedBook(true);
            request.mDEntryTypesGroup(2).mDEntryType('0').next().mDEntryType('1');
            request.relatedSymGroup(1).symbol(book.venueSymbol);
            if (send.applyAsInt(request) < 0)
            {
                return sent;
            }
            LOG.info("event=venue_market_data_subscribed venue={} symbol={} venueSymbol={} mdReqId={}", venueName,
                book.instrument.symbol(), book.venueSymbol, book.mdReqId);
            requested++;
            sent++;
        }
        return sent;
    }

    boolean subscribed()
    {
        return requested == books.length;
    }

    /** The session ended: every book is out of sync and is subscribed again after the next logon. */
    void onDisconnect(final long nowMs)
    {
        requested = 0;
        for (final Book book : books)
        {
            outOfSync(book, nowMs);
        }
    }

    void onSnapshot(final AsciiBuffer buffer, final int offset, final int length, final long nowMs)
    {
        final MarketDataSnapshotFullRefreshDecoder decoder = snapshot;
        decoder.reset();
        decoder.decode(buffer, offset, length);
        if (possDup(decoder.header()))
        {
            return;
        }
        Book book = decoder.hasMDReqID() ? byReqId(decoder.mDReqID(), decoder.mDReqIDLength()) : null;
        if (book == null)
        {
            book = bySymbol(decoder.symbol(), decoder.symbolLength());
        }
        if (book == null)
        {
            LOG.warn("event=venue_market_data_unknown venue={} symbol={}", venueName, decoder.symbolAsString());
            return;
        }
        book.bids = 0;
        book.asks = 0;
        for (MarketDataSnapshotFullRefreshDecoder.MDEntriesGroupDecoder entry = decoder.mDEntriesGroup();
            entry != null; entry = entry.next())
        {
            if (entry.hasMDEntryPx() && entry.hasMDEntrySize())
            {
                book.set(entry.mDEntryType(), entry.mDEntryPx(), entry.mDEntrySize());
            }
        }
        if (!book.inSync)
        {
            LOG.info("event=venue_market_data_in_sync venue={} symbol={} bids={} asks={}", venueName,
                book.instrument.symbol(), book.bids, book.asks);
        }
        book.inSync = true;
        publish(book, venueTimeMs(decoder.header()), nowMs);
    }

    void onIncremental(final AsciiBuffer buffer, final int offset, final int length, final long nowMs)
    {
        final MarketDataIncrementalRefreshDecoder decoder = incremental;
        decoder.reset();
        decoder.decode(buffer, offset, length);
        if (possDup(decoder.header()))
        {
            return;
        }
        final Book requestBook = decoder.hasMDReqID() ? byReqId(decoder.mDReqID(), decoder.mDReqIDLength()) : null;
        touchedCount = 0;
        for (MarketDataIncrementalRefreshDecoder.MDEntriesGroupDecoder entry = decoder.mDEntriesGroup();
            entry != null; entry = entry.next())
        {
            final Book book = entry.hasSymbol() ? bySymbol(entry.symbol(), entry.symbolLength()) : requestBook;
            if (book == null || !book.inSync || !entry.hasMDEntryPx() || !entry.hasMDEntryType())
            {
                continue;
            }
            final char action = entry.mDUpdateAction();
            if (action == '2')
            {
                book.delete(entry.mDEntryType(), entry.mDEntryPx());
            }
            else if (entry.hasMDEntrySize())
            {
                book.set(entry.mDEntryType(), entry.mDEntryPx(), entry.mDEntrySize());
            }
            if (!book.touched)
            {
                book.touched = true;
                touched[touchedCount++] = book;
            }
        }
        final long venueTimeMs = venueTimeMs(decoder.header());
        for (int i = 0; i < touchedCount; i++)
        {
            touched[i].touched = false;
            publish(touched[i], venueTimeMs, nowMs);
        }
    }

    void onReject(final AsciiBuffer buffer, final int offset, final int length, final long nowMs)
    {
        final MarketDataRequestRejectDecoder decoder = reject;
        decoder.reset();
        decoder.decode(buffer, offset, length);
        final Book book = byReqId(decoder.mDReqID(), decoder.mDReqIDLength());
        LOG.warn("event=venue_market_data_rejected venue={} mdReqId={} symbol={} reason={} text=\"{}\"", venueName,
            decoder.mDReqIDAsString(), book == null ? "-" : book.instrument.symbol(),
            decoder.hasMDReqRejReason() ? String.valueOf(decoder.mDReqRejReason()) : "-",
            decoder.hasText() ? decoder.textAsString() : "");
        if (book != null)
        {
            outOfSync(book, nowMs);
        }
    }

    /** The venue refused a request at the business level (BusinessMessageReject of a V): its book is out of sync. */
    void onRefused(final CharSequence mdReqId, final long nowMs)
    {
        for (final Book book : books)
        {
            if (book.mdReqId.contentEquals(mdReqId))
            {
                LOG.warn("event=venue_market_data_refused venue={} symbol={}", venueName, book.instrument.symbol());
                outOfSync(book, nowMs);
            }
        }
    }

    private void outOfSync(final Book book, final long nowMs)
    {
        book.inSync = false;
        book.bids = 0;
        book.asks = 0;
        if (enabled())
        {
            tops.outOfSync(book.instrument.id(), nowMs);
            depths.outOfSync(book.instrument.id(), nowMs);
        }
    }

    private void publish(final Book book, final long venueTimeMs, final long nowMs)
    {
        if (!enabled())
        {
            return;
        }
        final boolean bid = book.bids > 0;
        final boolean ask = book.asks > 0;
        tops.publish(book.instrument.id(), bid ? book.bidPrices[0] : 0, bid ? book.bidQtys[0] : 0,
            ask ? book.askPrices[0] : 0, ask ? book.askQtys[0] : 0, venueTimeMs, nowMs);
        depths.publish(book.instrument.id(), book.bidPrices, book.bidQtys, book.bids, book.askPrices, book.askQtys,
            book.asks, venueTimeMs, nowMs);
    }

    private static boolean possDup(final HeaderDecoder header)
    {
        // a replay of an earlier session's market data (resend after logon): the new snapshot follows
        return header.hasPossDupFlag() && header.possDupFlag();
    }

    private long venueTimeMs(final HeaderDecoder header)
    {
        final long millis = sendingTime.decode(header.sendingTime(), header.sendingTimeLength());
        return millis == Long.MIN_VALUE ? 0 : millis;
    }

    private Book bySymbol(final char[] chars, final int length)
    {
        final Instrument instrument = symbols.instrument(chars, length);
        return instrument == null ? null : byInstrumentId[instrument.id()];
    }

    /** MDReqIDs are MD followed by the instrument id. */
    private Book byReqId(final char[] chars, final int length)
    {
        if (length <= REQ_ID_PREFIX.length() || chars[0] != 'M' || chars[1] != 'D')
        {
            return null;
        }
        int id = 0;
        for (int i = REQ_ID_PREFIX.length(); i < length; i++)
        {
            final char c = chars[i];
            if (c < '0' || c > '9' || id > 100_000_000)
            {
                return null;
            }
            id = id * 10 + (c - '0');
        }
        return id < byInstrumentId.length ? byInstrumentId[id] : null;
    }

    /** One instrument's aggregated book, best first each side, in the instrument's scales. */
    static final class Book
    {
        final Instrument instrument;
        final String venueSymbol;
        final String mdReqId;
        final long[] bidPrices = new long[CAPACITY];
        final long[] bidQtys = new long[CAPACITY];
        final long[] askPrices = new long[CAPACITY];
        final long[] askQtys = new long[CAPACITY];
        int bids;
        int asks;
        boolean inSync;
        boolean touched;

        Book(final Instrument instrument, final String venueSymbol)
        {
            this.instrument = instrument;
            this.venueSymbol = venueSymbol;
            this.mdReqId = REQ_ID_PREFIX + instrument.id();
        }

        /** A level's new total (new or changed); zero or less removes it. */
        void set(final char entryType, final ReadOnlyDecimalFloat px, final ReadOnlyDecimalFloat size)
        {
            final long price = scaled(px, instrument.priceScale());
            final long qty = scaled(size, instrument.qtyScale());
            if (entryType == '0')
            {
                bids = set(bidPrices, bidQtys, bids, price, qty, true);
            }
            else if (entryType == '1')
            {
                asks = set(askPrices, askQtys, asks, price, qty, false);
            }
        }

        void delete(final char entryType, final ReadOnlyDecimalFloat px)
        {
            final long price = scaled(px, instrument.priceScale());
            if (entryType == '0')
            {
                bids = set(bidPrices, bidQtys, bids, price, 0, true);
            }
            else if (entryType == '1')
            {
                asks = set(askPrices, askQtys, asks, price, 0, false);
            }
        }

        /** @return the side's new level count. */
        private static int set(
            final long[] prices, final long[] qtys, final int count, final long price, final long qty, final boolean bid)
        {
            int at = 0;
            while (at < count && (bid ? prices[at] > price : prices[at] < price))
            {
                at++;
            }
            final boolean exists = at < count && prices[at] == price;
            if (qty <= 0)
            {
                if (!exists)
                {
                    return count;
                }
                System.arraycopy(prices, at + 1, prices, at, count - at - 1);
                System.arraycopy(qtys, at + 1, qtys, at, count - at - 1);
                return count - 1;
            }
            if (exists)
            {
                qtys[at] = qty;
                return count;
            }
            if (at >= prices.length)
            {
                return count;
            }
            final int moved = Math.min(count, prices.length - 1) - at;
            System.arraycopy(prices, at, prices, at + 1, moved);
            System.arraycopy(qtys, at, qtys, at + 1, moved);
            prices[at] = price;
            qtys[at] = qty;
            return Math.min(count + 1, prices.length);
        }

        private static long scaled(final ReadOnlyDecimalFloat value, final int scale)
        {
            final long scaled = Decimals.toScaled(value, scale);
            if (scaled != Decimals.NOT_REPRESENTABLE || value.isNaNValue() || value.scale() <= scale)
            {
                return scaled;
            }
            return value.value() / Decimals.powerOfTen(value.scale() - scale);
        }
    }
}
