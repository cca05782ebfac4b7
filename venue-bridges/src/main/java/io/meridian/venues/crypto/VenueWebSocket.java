package io.meridian.venues.crypto;

import io.meridian.oms.VenueWriteProbe;
import org.agrona.concurrent.EpochNanoClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One JDK WebSocket connection of a bridge. Callbacks are posted to the bridge thread (never run on
 * the JDK's threads), so the bridge's state stays single-threaded. Sends are chained: the JDK allows
 * one outstanding text frame at a time.
 */
final class VenueWebSocket implements WebSocket.Listener
{
    /** Bridge-thread callbacks of one connection. */
    interface Handler
    {
        void onOpen(VenueWebSocket socket);

        void onText(VenueWebSocket socket, String text);

        void onClosed(VenueWebSocket socket, String reason);
    }

    private final String name;
    private final Consumer<Runnable> post;
    private final Handler handler;
    private final StringBuilder partial = new StringBuilder(1024);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WebSocket webSocket;
    private CompletableFuture<WebSocket> sendChain;
    private boolean open;

    VenueWebSocket(final String name, final Consumer<Runnable> post, final Handler handler)
    {
        this.name = name;
        this.post = post;
        this.handler = handler;
    }

    String name()
    {
        return name;
    }

    /** Starts connecting; the handler hears onOpen or onClosed on the bridge thread. */
    void connect(final HttpClient http, final String url, final long timeoutMs)
    {
        http.newWebSocketBuilder().connectTimeout(Duration.ofMillis(timeoutMs)).buildAsync(URI.create(url), this)
            .whenComplete((ws, error) ->
            {
                if (error != null)
                {
                    closedOnce("connect failed: " + rootMessage(error));
                }
            });
    }

    /** Bridge thread: true once open and until closed. */
    boolean isOpen()
    {
        return open && !closed.get();
    }

    /** Bridge thread: queues one text frame; false when the socket is not open. */
    boolean send(final String text)
    {
        if (!isOpen())
        {
            return false;
        }
        sendChain = sendChain.thenCompose(ws -> ws.sendText(text, true));
        sendChain.whenComplete((ws, error) ->
        {
            if (error != null)
            {
                abort("send failed: " + rootMessage(error));
            }
        });
        return true;
    }

    /**
     * Bridge thread: {@link #send(String)}, and once the JDK has written the frame to the socket the write
     * probe hears when: at once when the write completed within this call (the usual case: the JDK writes
     * on the calling thread when the socket takes it all), else from the JDK's thread through the bridge
     * thread's inbox, so the probe is only ever called on the bridge thread.
     */
    boolean send(final String text, final VenueWriteProbe probe, final long stamp, final EpochNanoClock clock)
    {
        if (!send(text))
        {
            return false;
        }
        final CompletableFuture<WebSocket> sent = sendChain;
        if (sent.isDone())
        {
            if (!sent.isCompletedExceptionally())
            {
                probe.written(stamp, clock.nanoTime());
            }
        }
        else
        {
            sent.thenRun(() ->
            {
                final long writtenNanos = clock.nanoTime();
                post.accept(() -> probe.written(stamp, writtenNanos));
            });
        }
        return true;
    }

    /** Bridge thread: a ping, which also makes the JDK notice a connection dropped without a FIN. */
    void ping()
    {
        if (isOpen())
        {
            sendChain = sendChain.thenCompose(ws -> ws.sendPing(ByteBuffer.allocate(0)));
            sendChain.whenComplete((ws, error) ->
            {
                if (error != null)
                {
                    abort("ping failed: " + rootMessage(error));
                }
            });
        }
    }

    /** Any thread: drops the connection at once; the handler hears onClosed. */
    void abort(final String reason)
    {
        final WebSocket ws = webSocket;
        if (ws != null)
        {
            ws.abort();
        }
        closedOnce(reason);
    }

    public void onOpen(final WebSocket ws)
    {
        webSocket = ws;
        post.accept(() ->
        {
            if (!closed.get())
            {
                open = true;
                sendChain = CompletableFuture.completedFuture(ws);
                handler.onOpen(this);
            }
        });
        ws.request(1);
    }

    public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            final String text = partial.toString();
            partial.setLength(0);
            post.accept(() ->
            {
                if (!closed.get())
                {
                    handler.onText(this, text);
                }
            });
        }
        ws.request(1);
        return null;
    }

    public CompletionStage<?> onClose(final WebSocket ws, final int statusCode, final String reason)
    {
        closedOnce("closed by venue " + statusCode + " " + reason);
        return null;
    }

    public void onError(final WebSocket ws, final Throwable error)
    {
        closedOnce("error: " + rootMessage(error));
    }

    private void closedOnce(final String reason)
    {
        if (closed.compareAndSet(false, true))
        {
            final WebSocket ws = webSocket;
            if (ws != null)
            {
                ws.abort();
            }
            post.accept(() ->
            {
                open = false;
                handler.onClosed(this, reason);
            });
        }
    }

    static String rootMessage(final Throwable error)
    {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t)
        {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
