package io.meridian.benchmarks.e2e;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.meridian.fix.codecs.FixDictionaryImpl;
import io.meridian.fix.codecs.builder.NewOrderSingleEncoder;
import io.meridian.fix.codecs.decoder.ExecutionReportDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import uk.co.real_logic.artio.Reply;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionAcquiredInfo;
import uk.co.real_logic.artio.library.SessionConfiguration;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * The load client: N FIX 4.4 sessions as Artio initiators, all driven by one busy-spinning thread
 * (engine framer and library in lock-step), sending limit NewOrderSingles round-robin over the
 * sessions at a fixed open-loop rate. ClOrdIDs are a running order number, so every report is
 * matched to its order and session; the {@link OrderTracker} of the point records latencies from
 * each order's intended send time.
 */
final class FixLoadClient implements AutoCloseable
{
    private static final long LOGON_TIMEOUT_MS = 20_000;

    private final ArtioNode node;
    private final List<Session> sessions = new ArrayList<>();
    private final List<String> compIds;
    private final int sessionCount;
    // one per session: Artio keeps the CompIDs of the first session in an encoder's header
    private final List<NewOrderSingleEncoder> newOrders = new ArrayList<>();
    private final UtcTimestampEncoder transactTime = new UtcTimestampEncoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private long earlierPointReports;
    private final MutableAsciiBuffer asciiBuffer = new MutableAsciiBuffer();
    private final char[] clOrdId = new char[20];
    private final BusySpinIdleStrategy spin = new BusySpinIdleStrategy();

    private OrderTracker tracker;
    private long pointBase;
    private long nextOrderNo;
    private boolean firstIsPendingNew;
    private boolean ackedWhenFilled;
    private long fills;
    private long rejects;
    private long backPressured;

    /**
     * What every order is: symbol, quantity and limit price as decimals (value, scale); with
     * {@code alternateSides} the even sessions buy at {@code buyPrice} and the odd ones sell at
     * {@code sellPrice} (orders go round-robin over the sessions, so sides alternate), else every
     * session buys at {@code buyPrice}.
     */
    record OrderSpec(String symbol, long qty, int qtyScale, long buyPrice, long sellPrice, int priceScale,
        boolean alternateSides)
    {
        /** The FIX rows' orders: buy AAPL 100 @ 190.00. */
        static final OrderSpec AAPL = new OrderSpec("AAPL", 100, 0, 1900000, 1900000, 4, false);
    }

    /**
     * @param compIds one SenderCompID per session.
     */
    FixLoadClient(final File dir, final String host, final int port, final List<String> compIds,
        final String targetCompId)
    {
        this(dir, host, port, compIds, targetCompId, OrderSpec.AAPL);
    }

    /**
     * @param compIds one SenderCompID per session.
     * @param orders  what the orders are.
     */
    FixLoadClient(final File dir, final String host, final int port, final List<String> compIds,
        final String targetCompId, final OrderSpec orders)
    {
        this.compIds = List.copyOf(compIds);
        sessionCount = compIds.size();
        node = new ArtioNode(dir, host, 0, this::onSessionAcquired);
        final List<Reply<Session>> replies = new ArrayList<>();
        for (final String compId : compIds)
        {
            replies.add(node.library().initiate(SessionConfiguration.builder()
                .address(host, port)
                .senderCompId(compId)
                .targetCompId(targetCompId)
                .fixDictionary(FixDictionaryImpl.class)
                .sequenceNumbersPersistent(false)
                .timeoutInMs(LOGON_TIMEOUT_MS)
                .build()));
        }
        for (final Reply<Session> reply : replies)
        {
            if (!node.pollUntil(() -> !reply.isExecuting(), LOGON_TIMEOUT_MS + 1000, new SleepingMillisIdleStrategy(1)) ||
                !reply.hasCompleted())
            {
                throw new IllegalStateException("client logon failed: " + reply.state() + " " + reply.error());
            }
            sessions.add(reply.resultIfPresent());
            final boolean sell = orders.alternateSides() && newOrders.size() % 2 == 1;
            newOrders.add(new NewOrderSingleEncoder()
                .side(sell ? '2' : '1').symbol(orders.symbol()).orderQty(orders.qty(), orders.qtyScale()).ordType('2')
                .price(sell ? orders.sellPrice() : orders.buyPrice(), orders.priceScale()).timeInForce('0'));
        }
    }

    /**
     * The second stage of an order is its Filled report rather than its New: for a routed order the New
     * is the router's own acceptance, and the venues answer with the fills.
     */
    FixLoadClient ackedWhenFilled()
    {
        ackedWhenFilled = true;
        return this;
    }

    /**
     * Runs one open-loop point and waits for the stragglers.
     *
     * @param expectAcked       Meridian: PendingNew, then New after the venue; echoes: one report.
     * @param drainTimeoutMs    how long after the last send to wait for missing reports.
     */
    PointResult run(final int ratePerSecond, final double warmupSeconds, final double seconds,
        final boolean expectAcked, final long lateThresholdNanos, final long drainTimeoutMs)
    {
        final int warmupOrders = (int)(ratePerSecond * warmupSeconds);
        final int total = warmupOrders + (int)(ratePerSecond * seconds);
        tracker = new OrderTracker(total, warmupOrders, expectAcked, lateThresholdNanos);
        firstIsPendingNew = expectAcked;
        pointBase = nextOrderNo;
        fills = 0;
        rejects = 0;
        backPressured = 0;
        final double intervalNanos = 1e9 / ratePerSecond;
        final long startNanos = System.nanoTime() + 1_000_000;
        final long measureStartNanos = startNanos + (long)(warmupOrders * intervalNanos);
        // a server that stops reading (or drops a session) must not hold the run: give up sending
        // well after the schedule ends; the orders not sent make the point fail (achieved rate)
        final long sendDeadline = startNanos + (long)(total * intervalNanos) +
            Math.max(2_000_000_000L, (long)(seconds * 0.5e9));
        int index = 0;
        while (index < total)
        {
            final long intended = startNanos + (long)(index * intervalNanos);
            final long now = System.nanoTime();
            if (now > sendDeadline)
            {
                break;
            }
            if (now >= intended)
            {
                if (send(index))
                {
                    tracker.onSent(index, intended, System.nanoTime());
                    index++;
                    continue;
                }
                backPressured++;
            }
            spin.idle(node.poll(64));
        }
        final long sendEndNanos = System.nanoTime();
        final long deadline = sendEndNanos + drainTimeoutMs * 1_000_000L;
        while (!tracker.allComplete() && System.nanoTime() < deadline)
        {
            spin.idle(node.poll(64));
        }
        final long measureNanos = sendEndNanos - measureStartNanos;
        nextOrderNo = pointBase + total;
        if (earlierPointReports > 0)
        {
            System.err.printf("  reports of earlier points' orders received during this one: %d%n", earlierPointReports);
            earlierPointReports = 0;
        }
        return new PointResult(ratePerSecond, tracker, measureNanos, fills, rejects, backPressured);
    }

    private boolean send(final int index)
    {
        final long orderNo = pointBase + index;
        final int sessionIndex = (int)(orderNo % sessionCount);
        final Session session = sessions.get(sessionIndex);
        final NewOrderSingleEncoder newOrder = newOrders.get(sessionIndex);
        final int length = format(orderNo, clOrdId);
        newOrder.clOrdID(clOrdId, length);
        final int timeLength = transactTime.encode(System.currentTimeMillis());
        newOrder.transactTime(transactTime.buffer(), timeLength);
        return session.trySend(newOrder) > 0;
    }

    /** Writes {@code value} in decimal; returns the length. */
    static int format(final long value, final char[] into)
    {
        int length = 0;
        long rest = value;
        do
        {
            into[length++] = (char)('0' + rest % 10);
            rest /= 10;
        }
        while (rest > 0);
        for (int i = 0, j = length - 1; i < j; i++, j--)
        {
            final char c = into[i];
            into[i] = into[j];
            into[j] = c;
        }
        return length;
    }

    /** The decimal number in {@code chars[0..length)}, or -1 when it is not one. */
    static long parse(final char[] chars, final int length)
    {
        if (length <= 0 || length > 18)
        {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = chars[i];
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private void onReport(final int sessionIndex, final DirectBuffer buffer, final int offset, final int length)
    {
        final long now = System.nanoTime();
        final OrderTracker tracker = this.tracker;
        if (tracker == null)
        {
            return;
        }
        asciiBuffer.wrap(buffer);
        report.reset();
        report.decode(asciiBuffer, offset, length);
        final long orderNo = parse(report.clOrdID(), report.clOrdIDLength());
        if (orderNo >= 0 && orderNo < pointBase && orderNo % sessionCount == sessionIndex)
        {
            // an earlier point's order, complete there once PendingNew and New arrived: its Fill, a
            // separate report, may arrive just after this point started (it was counted as a mismatch)
            earlierPointReports++;
            return;
        }
        if (orderNo < pointBase || orderNo % sessionCount != sessionIndex)
        {
            tracker.onUnknownReport();
            return;
        }
        final int index = (int)Math.min(Integer.MAX_VALUE, orderNo - pointBase);
        switch (report.execType())
        {
            case 'A':
                tracker.onReport(index, OrderTracker.Stage.FIRST, now);
                break;
            case '0':
                if (!ackedWhenFilled)
                {
                    tracker.onReport(index, firstIsPendingNew ? OrderTracker.Stage.ACKED : OrderTracker.Stage.FIRST, now);
                }
                break;
            case 'F':
                fills++;
                if (ackedWhenFilled && report.ordStatus() == '2')
                {
                    tracker.onReport(index, OrderTracker.Stage.ACKED, now);
                }
                break;
            case '8':
                rejects++;
                tracker.onRefused(index);
                break;
            default:
                break;
        }
    }

    private SessionHandler onSessionAcquired(final Session session, final SessionAcquiredInfo info)
    {
        final int sessionIndex = compIds.indexOf(session.compositeKey().localCompId());
        return new SessionHandler()
        {
            public Action onMessage(
                final DirectBuffer buffer, final int offset, final int length, final int libraryId,
                final Session session, final int sequenceIndex, final long messageType, final long timestampInNs,
                final long position, final OnMessageInfo messageInfo)
            {
                if (messageType == ExecutionReportDecoder.MESSAGE_TYPE)
                {
                    onReport(sessionIndex, buffer, offset, length);
                }
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
        };
    }

    /** Logs every session out (waiting briefly for the Logouts) and closes the engine. */
    public void close()
    {
        for (final Session session : sessions)
        {
            if (session.isActive())
            {
                session.startLogout();
            }
        }
        node.pollUntil(() -> sessions.stream().noneMatch(Session::isActive), 2_000, new SleepingMillisIdleStrategy(1));
        node.close();
    }

    /** The outcome of one point. */
    record PointResult(int ratePerSecond, OrderTracker tracker, long measureNanos, long fills, long rejects,
        long backPressured)
    {
        /** Measured orders per second actually sent. */
        double achievedRate()
        {
            return measureNanos <= 0 ? 0 : tracker.measured() * 1e9 / measureNanos;
        }
    }
}
