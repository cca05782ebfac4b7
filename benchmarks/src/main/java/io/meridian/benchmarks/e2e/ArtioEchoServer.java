package io.meridian.benchmarks.e2e;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.meridian.fix.codecs.builder.ExecutionReportEncoder;
import io.meridian.fix.codecs.decoder.NewOrderSingleDecoder;
import io.meridian.gateway.IdleStrategies;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionAcquiredInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.io.File;
import java.nio.file.Files;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * The bare Artio baseline: engine and library on one thread (lock-step framer, as Meridian runs
 * it), answering every NewOrderSingle with one ExecutionReport New, decoded and encoded with the
 * same generated codecs as Meridian. The idle strategy of that thread is the idle mode.
 */
final class ArtioEchoServer implements SutMain.Sut, SessionHandler
{
    private final ArtioNode node;
    private final int port;
    private final Thread thread;
    private final NewOrderSingleDecoder newOrder = new NewOrderSingleDecoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final MutableAsciiBuffer asciiBuffer = new MutableAsciiBuffer();
    private final char[] id = new char[20];
    private long orderId;
    private volatile boolean running = true;

    ArtioEchoServer(final String idle) throws Exception
    {
        port = SutMain.freePort();
        final File dir = Files.createTempDirectory("artio-echo").toFile();
        node = new ArtioNode(dir, "localhost", port, this::onSessionAcquired);
        final IdleStrategy idleStrategy = IdleStrategies.of(idle);
        thread = new Thread(() ->
        {
            while (running)
            {
                idleStrategy.idle(node.poll(64));
            }
        }, "artio-echo");
        thread.start();
    }

    public int port()
    {
        return port;
    }

    public Thread coreThread()
    {
        return thread;
    }

    private SessionHandler onSessionAcquired(final Session session, final SessionAcquiredInfo info)
    {
        return this;
    }

    public Action onMessage(
        final DirectBuffer buffer, final int offset, final int length, final int libraryId, final Session session,
        final int sequenceIndex, final long messageType, final long timestampInNs, final long position,
        final OnMessageInfo messageInfo)
    {
        if (messageType != NewOrderSingleDecoder.MESSAGE_TYPE)
        {
            return CONTINUE;
        }
        asciiBuffer.wrap(buffer);
        newOrder.reset();
        newOrder.decode(asciiBuffer, offset, length);
        final int idLength = FixLoadClient.format(orderId + 1, id);
        // reset: the header keeps the CompIDs of the session it was last sent on
        report.reset();
        report.execType('0').ordStatus('0').cumQty(0, 0).avgPx(0, 0)
            .orderID(id, idLength).execID(id, idLength)
            .clOrdID(newOrder.clOrdID(), newOrder.clOrdIDLength())
            .symbol(newOrder.symbol(), newOrder.symbolLength())
            .side(newOrder.side())
            .orderQty(newOrder.orderQty())
            .leavesQty(newOrder.orderQty());
        if (session.trySend(report) < 0)
        {
            return ABORT;
        }
        orderId++;
        return CONTINUE;
    }

    public void onTimeout(final int libraryId, final Session session)
    {
    }

    public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
    {
    }

    public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
    {
        return CONTINUE;
    }

    public void onSessionStart(final Session session)
    {
    }

    public void close()
    {
        running = false;
        try
        {
            thread.join();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        node.close();
    }
}
