package io.meridian.venues.crypto;

import org.agrona.concurrent.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.util.List;
import java.util.function.Consumer;

/**
 * What both venues' market data feeds share: one public WebSocket (connected with jittered backoff,
 * pinged), the instruments' books, and the book-sync status text, rebuilt only when a state changes.
 * Bridge thread only.
 */
abstract class MarketDataStream<B extends InstrumentBook> implements MarketDataFeed, VenueWebSocket.Handler
{
    protected static final Logger LOG = LoggerFactory.getLogger(MarketDataStream.class);
    private static final long PING_INTERVAL_MS = 10_000;

    protected final CryptoVenueConfig config;
    protected final HttpClient http;
    protected final Consumer<Runnable> post;
    protected final EpochClock clock;
    protected final CryptoVenueMetrics metrics;
    protected final List<B> books;
    protected final DepthUpdate update = new DepthUpdate();
    private final Backoff backoff;
    private final Consumer<String> statusListener;
    protected VenueWebSocket socket;
    private boolean open;
    private boolean closed;
    private long nextConnectMs;
    private long nextPingMs;
    private String status;

    MarketDataStream(
        final CryptoVenueConfig config, final HttpClient http, final Consumer<Runnable> post, final EpochClock clock,
        final CryptoVenueMetrics metrics, final List<B> books, final Consumer<String> statusListener)
    {
        this.config = config;
        this.http = http;
        this.post = post;
        this.clock = clock;
        this.metrics = metrics;
        this.books = List.copyOf(books);
        this.backoff = new Backoff(config.reconnectMinMs(), config.reconnectMaxMs());
        this.statusListener = statusListener;
        statusChanged();
    }

    /** The stream's URL with every instrument's subscription in it, or the bare endpoint. */
    protected abstract String url();

    /** The stream is open: subscribe or start syncing every book. */
    protected abstract void opened(long nowMs);

    protected abstract void onMessage(String text, long nowMs) throws Exception;

    /** Timers of the feed (snapshot retries); returns work done. */
    protected int timers(final long nowMs)
    {
        return 0;
    }

    public int poll(final long nowMs)
    {
        int work = 0;
        if (socket == null && !closed && nowMs >= nextConnectMs)
        {
            socket = new VenueWebSocket("market-data", post, this);
            socket.connect(http, url(), config.requestTimeoutMs());
            work++;
        }
        if (open && nowMs >= nextPingMs)
        {
            nextPingMs = nowMs + PING_INTERVAL_MS;
            ping(socket);
        }
        return work + timers(nowMs);
    }

    /** Keep-alive; the default is a WebSocket ping frame. */
    protected void ping(final VenueWebSocket ws)
    {
        ws.ping();
    }

    public String status()
    {
        return status;
    }

    public void close()
    {
        closed = true;
        if (socket != null)
        {
            socket.abort("closing");
        }
    }

    protected final boolean isOpen()
    {
        return open;
    }

    protected final B book(final CharSequence venueSymbol)
    {
        for (int i = 0; i < books.size(); i++)
        {
            final B book = books.get(i);
            if (book.is(venueSymbol))
            {
                return book;
            }
        }
        return null;
    }

    /** Call after any book's state changed: the status text the admin shows is rebuilt. */
    protected final void statusChanged()
    {
        final StringBuilder s = new StringBuilder(32 * books.size());
        for (final B book : books)
        {
            if (s.length() > 0)
            {
                s.append(',');
            }
            s.append(book.instrument.venueSymbol()).append('=').append(book.state.text());
        }
        final String text = s.toString();
        if (!text.equals(status))
        {
            status = text;
            statusListener.accept(text);
        }
    }

    public final void onOpen(final VenueWebSocket ws)
    {
        if (ws != socket)
        {
            return;
        }
        LOG.info("event=crypto_ws_open venue={} socket=market-data", config.name());
        open = true;
        backoff.reset();
        nextPingMs = clock.time() + PING_INTERVAL_MS;
        opened(clock.time());
        statusChanged();
    }

    public final void onText(final VenueWebSocket ws, final String text)
    {
        if (ws != socket)
        {
            return;
        }
        try
        {
            onMessage(text, clock.time());
        }
        catch (final Exception e)
        {
            metrics.unusableMessages.incrementAndGet();
            LOG.error("event=crypto_unusable_message venue={} socket=market-data error=\"{}\"", config.name(), e.toString());
        }
    }

    public final void onClosed(final VenueWebSocket ws, final String reason)
    {
        if (ws != socket)
        {
            return;
        }
        if (!closed)
        {
            LOG.warn("event=crypto_ws_closed venue={} socket=market-data reason=\"{}\"", config.name(), reason);
            metrics.marketDataReconnects.incrementAndGet();
        }
        socket = null;
        open = false;
        nextConnectMs = clock.time() + backoff.nextDelayMs();
        final long nowMs = clock.time();
        for (final B book : books)
        {
            disconnected(book, nowMs);
        }
        statusChanged();
    }

    /** The stream dropped: the book cannot follow the venue until it is synced again. */
    protected void disconnected(final B book, final long nowMs)
    {
        book.lostSync(BookSyncState.DISCONNECTED, nowMs);
    }

    /** A resync began: counted and logged (one line per event, never per update). */
    protected final void resyncing(final B book, final String why, final long nowMs)
    {
        metrics.resyncs.incrementAndGet();
        LOG.warn("event=crypto_book_resync venue={} symbol={} reason=\"{}\"", config.name(),
            book.instrument.venueSymbol(), why);
    }
}
