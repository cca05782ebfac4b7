package io.meridian.venues.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBookTable;
import org.agrona.concurrent.EpochClock;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * OKX market data: the public WebSocket's {@code books} channel per instrument, kept by
 * {@link OkxBookSync} (snapshot, then updates chained by {@code prevSeqId}, checksum verified after
 * every push). A gap or a checksum mismatch unsubscribes and subscribes the instrument again, which
 * brings a fresh snapshot (a resync, counted). Bridge thread only.
 */
final class OkxMarketData extends MarketDataStream<OkxBookSync>
{
    /** a book whose prices do not fit the instrument is subscribed again this much later, not in a loop */
    private static final long UNUSABLE_RETRY_MS = 30_000;

    private final DepthParser parser;
    private final long[] resubscribeAtMs;

    OkxMarketData(
        final CryptoVenueConfig config, final HttpClient http, final Consumer<Runnable> post, final EpochClock clock,
        final CryptoVenueMetrics metrics, final TopOfBookTable tops, final DepthTable depth,
        final List<BookInstrument> instruments, final JsonFactory json, final Consumer<String> statusListener)
    {
        super(config, http, post, clock, metrics, books(instruments, tops, depth), statusListener);
        this.parser = new DepthParser(json);
        this.resubscribeAtMs = new long[instruments.size()];
        java.util.Arrays.fill(resubscribeAtMs, Long.MAX_VALUE);
    }

    private static List<OkxBookSync> books(
        final List<BookInstrument> instruments, final TopOfBookTable tops, final DepthTable depth)
    {
        final OkxBookChecksum checksum = new OkxBookChecksum();
        final List<OkxBookSync> books = new ArrayList<>(instruments.size());
        for (final BookInstrument instrument : instruments)
        {
            books.add(new OkxBookSync(instrument, tops, depth, checksum));
        }
        return books;
    }

    protected String url()
    {
        return config.streamWsUrl();
    }

    /** OKX closes a connection silent for 30 s: the text {@code ping} (answered {@code pong}). */
    protected void ping(final VenueWebSocket ws)
    {
        ws.send("ping");
    }

    protected int timers(final long nowMs)
    {
        int work = 0;
        for (int i = 0; i < books.size(); i++)
        {
            if (nowMs >= resubscribeAtMs[i])
            {
                resubscribeAtMs[i] = Long.MAX_VALUE;
                if (isOpen())
                {
                    socket.send("{\"op\":\"subscribe\",\"args\":[" + arg(books.get(i)) + "]}");
                    work++;
                }
            }
        }
        return work;
    }

    private static String arg(final OkxBookSync book)
    {
        return "{\"channel\":\"books\",\"instId\":\"" + book.instrument.venueSymbol() + "\"}";
    }

    protected void opened(final long nowMs)
    {
        java.util.Arrays.fill(resubscribeAtMs, Long.MAX_VALUE);
        final StringBuilder s = new StringBuilder(64 + 48 * books.size()).append("{\"op\":\"subscribe\",\"args\":[");
        for (int i = 0; i < books.size(); i++)
        {
            final OkxBookSync book = books.get(i);
            book.state = BookSyncState.SYNCING;
            s.append(i == 0 ? "" : ",").append("{\"channel\":\"books\",\"instId\":\"")
                .append(book.instrument.venueSymbol()).append("\"}");
        }
        socket.send(s.append("]}").toString());
    }

    protected void onMessage(final String text, final long nowMs) throws Exception
    {
        if ("pong".equals(text))
        {
            return;
        }
        parser.okx(text, update);
        if (update.kind == DepthUpdate.Kind.OTHER)
        {
            if ("error".contentEquals(update.event))
            {
                LOG.error("event=crypto_market_data_refused venue={} answer={}", config.name(), text);
            }
            return;
        }
        final OkxBookSync book = book(update.symbol);
        if (book == null)
        {
            return;
        }
        if (update.kind == DepthUpdate.Kind.SNAPSHOT)
        {
            metrics.snapshots.incrementAndGet();
            final OkxBookSync.Result result = book.onSnapshot(update, nowMs);
            if (result == OkxBookSync.Result.SYNCED)
            {
                LOG.info("event=crypto_book_synced venue={} symbol={} seqId={}", config.name(),
                    book.instrument.venueSymbol(), book.seqId());
                statusChanged();
            }
            else
            {
                failed(book, result, nowMs);
            }
            return;
        }
        final OkxBookSync.Result result = book.onUpdate(update, nowMs);
        if (result == OkxBookSync.Result.APPLIED)
        {
            metrics.bookUpdates.incrementAndGet();
        }
        else if (result != OkxBookSync.Result.IGNORED)
        {
            failed(book, result, nowMs);
        }
    }

    private void failed(final OkxBookSync book, final OkxBookSync.Result result, final long nowMs)
    {
        final String why;
        switch (result)
        {
            case GAP ->
            {
                metrics.bookGaps.incrementAndGet();
                why = "gap: prevSeqId " + update.firstId + " after seqId " + book.seqId();
            }
            case CHECKSUM_MISMATCH ->
            {
                metrics.checksumFailures.incrementAndGet();
                why = "checksum mismatch at seqId " + update.lastId;
            }
            default -> why = "a level does not fit the instrument's scales";
        }
        resyncing(book, why, nowMs);
        book.lostSync(BookSyncState.RESYNCING, nowMs);
        statusChanged();
        socket.send("{\"op\":\"unsubscribe\",\"args\":[" + arg(book) + "]}");
        if (result == OkxBookSync.Result.UNUSABLE)
        {
            resubscribeAtMs[books.indexOf(book)] = nowMs + UNUSABLE_RETRY_MS;
        }
        else
        {
            socket.send("{\"op\":\"subscribe\",\"args\":[" + arg(book) + "]}");
        }
    }
}
