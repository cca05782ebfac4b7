package io.meridian.venues.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBookTable;
import org.agrona.concurrent.EpochClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Binance spot market data: the diff depth streams {@code <symbol>@depth@100ms} of every instrument
 * on one combined stream ({@code /stream?streams=a/b}, messages {@code {"stream","data"}}), each
 * synced to the REST snapshot {@code GET /api/v3/depth} by {@link BinanceDepthSync}. A gap fetches a
 * new snapshot (a resync, counted); the book's top is published while it is synced. Bridge thread only.
 */
final class BinanceMarketData extends MarketDataStream<BinanceDepthSync>
{
    /** Levels of the REST snapshot (weight 50 on Binance); the top of book needs far fewer. */
    static final int SNAPSHOT_LIMIT = 1000;
    private static final long SNAPSHOT_RETRY_MS = 1_000;
    /** a book whose prices do not fit the instrument is tried again this much later, not in a loop */
    private static final long UNUSABLE_RETRY_MS = 30_000;

    private final DepthParser parser;
    private final DepthUpdate snapshot = new DepthUpdate();
    private final long[] nextSnapshotMs;
    private final boolean[] snapshotInFlight;

    BinanceMarketData(
        final CryptoVenueConfig config, final HttpClient http, final Consumer<Runnable> post, final EpochClock clock,
        final CryptoVenueMetrics metrics, final TopOfBookTable tops, final DepthTable depth,
        final List<BookInstrument> instruments, final JsonFactory json, final Consumer<String> statusListener)
    {
        super(config, http, post, clock, metrics, books(instruments, tops, depth), statusListener);
        this.parser = new DepthParser(json);
        this.nextSnapshotMs = new long[instruments.size()];
        this.snapshotInFlight = new boolean[instruments.size()];
        java.util.Arrays.fill(nextSnapshotMs, Long.MAX_VALUE);
    }

    private static List<BinanceDepthSync> books(
        final List<BookInstrument> instruments, final TopOfBookTable tops, final DepthTable depth)
    {
        final List<BinanceDepthSync> books = new ArrayList<>(instruments.size());
        for (final BookInstrument instrument : instruments)
        {
            books.add(new BinanceDepthSync(instrument, tops, depth));
        }
        return books;
    }

    protected String url()
    {
        final StringBuilder url = new StringBuilder(config.streamWsUrl()).append("/stream?streams=");
        for (int i = 0; i < books.size(); i++)
        {
            url.append(i == 0 ? "" : "/").append(books.get(i).instrument.venueSymbol().toLowerCase(Locale.ROOT))
                .append("@depth@100ms");
        }
        return url.toString();
    }

    protected void opened(final long nowMs)
    {
        for (int i = 0; i < books.size(); i++)
        {
            books.get(i).startSync(BookSyncState.SYNCING, nowMs);
            requestSnapshot(i);
        }
    }

    protected void onMessage(final String text, final long nowMs) throws Exception
    {
        parser.binance(text, update);
        if (update.kind != DepthUpdate.Kind.UPDATE)
        {
            return;
        }
        final BinanceDepthSync book = book(update.symbol);
        if (book == null)
        {
            return;
        }
        final BinanceDepthSync.Result result = book.onDiff(update, nowMs);
        switch (result)
        {
            case APPLIED -> metrics.bookUpdates.incrementAndGet();
            case GAP ->
            {
                metrics.bookGaps.incrementAndGet();
                resync(book, "gap: U " + update.firstId + " after u " + book.lastUpdateId(), nowMs);
            }
            case UNUSABLE -> resyncLater(book, "a level does not fit the instrument's scales", nowMs);
            default ->
            {
            }
        }
    }

    protected int timers(final long nowMs)
    {
        int work = 0;
        for (int i = 0; i < books.size(); i++)
        {
            if (nowMs >= nextSnapshotMs[i] && !snapshotInFlight[i] && isOpen())
            {
                requestSnapshot(i);
                work++;
            }
        }
        return work;
    }

    protected void disconnected(final BinanceDepthSync book, final long nowMs)
    {
        book.startSync(BookSyncState.DISCONNECTED, nowMs);
    }

    private void resync(final BinanceDepthSync book, final String why, final long nowMs)
    {
        resyncing(book, why, nowMs);
        book.startSync(BookSyncState.RESYNCING, nowMs);
        statusChanged();
        requestSnapshot(books.indexOf(book));
    }

    /** Data that cannot be held in the instrument's scales (a configuration problem): retried slowly. */
    private void resyncLater(final BinanceDepthSync book, final String why, final long nowMs)
    {
        resyncing(book, why, nowMs);
        book.startSync(BookSyncState.RESYNCING, nowMs);
        statusChanged();
        nextSnapshotMs[books.indexOf(book)] = nowMs + UNUSABLE_RETRY_MS;
    }

    private void requestSnapshot(final int index)
    {
        final BinanceDepthSync book = books.get(index);
        final int generation = book.generation;
        snapshotInFlight[index] = true;
        nextSnapshotMs[index] = Long.MAX_VALUE;
        final HttpRequest request = HttpRequest.newBuilder(URI.create(config.restUrl() + "/api/v3/depth?symbol=" +
            book.instrument.venueSymbol() + "&limit=" + SNAPSHOT_LIMIT))
            .timeout(Duration.ofMillis(config.requestTimeoutMs())).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> post.accept(() ->
        {
            snapshotInFlight[index] = false;
            if (book.generation != generation || book.state == BookSyncState.SYNCED || !isOpen())
            {
                return;
            }
            if (error != null || response.statusCode() != 200)
            {
                LOG.warn("event=crypto_book_snapshot_failed venue={} symbol={} status={} error=\"{}\"", config.name(),
                    book.instrument.venueSymbol(), response == null ? 0 : response.statusCode(),
                    error == null ? "" : VenueWebSocket.rootMessage(error));
                nextSnapshotMs[index] = clock.time() + retryDelayMs(response);
                return;
            }
            onSnapshot(index, response.body());
        }));
    }

    /** After 429/418 the venue's Retry-After (seconds) is honoured: asking again early leads to a ban. */
    private static long retryDelayMs(final HttpResponse<String> response)
    {
        if (response != null && (response.statusCode() == 429 || response.statusCode() == 418))
        {
            final long retryAfterS = response.headers().firstValue("Retry-After").map(value ->
            {
                try
                {
                    return Long.parseLong(value.trim());
                }
                catch (final NumberFormatException e)
                {
                    return 60L;
                }
            }).orElse(60L);
            return Math.max(SNAPSHOT_RETRY_MS, retryAfterS * 1_000);
        }
        return SNAPSHOT_RETRY_MS;
    }

    private void onSnapshot(final int index, final String body)
    {
        final BinanceDepthSync book = books.get(index);
        final long nowMs = clock.time();
        try
        {
            parser.binance(body, snapshot);
        }
        catch (final Exception e)
        {
            metrics.unusableMessages.incrementAndGet();
            nextSnapshotMs[index] = nowMs + SNAPSHOT_RETRY_MS;
            return;
        }
        if (snapshot.kind != DepthUpdate.Kind.SNAPSHOT)
        {
            nextSnapshotMs[index] = nowMs + SNAPSHOT_RETRY_MS;
            return;
        }
        metrics.snapshots.incrementAndGet();
        switch (book.onSnapshot(snapshot, nowMs))
        {
            case SYNCED ->
            {
                LOG.info("event=crypto_book_synced venue={} symbol={} lastUpdateId={}", config.name(),
                    book.instrument.venueSymbol(), book.lastUpdateId());
                statusChanged();
            }
            // the stream is ahead of the snapshot: another one, the buffered events kept
            case SNAPSHOT_TOO_OLD -> requestSnapshot(index);
            case GAP ->
            {
                metrics.bookGaps.incrementAndGet();
                resync(book, "gap in the events buffered during the snapshot", nowMs);
            }
            default -> resyncLater(book, "snapshot does not fit the instrument's scales", nowMs);
        }
    }
}
