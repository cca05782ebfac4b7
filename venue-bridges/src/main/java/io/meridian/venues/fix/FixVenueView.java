package io.meridian.venues.fix;

import io.meridian.fix.codecs.builder.OrderMassStatusRequestEncoder;
import io.meridian.fix.codecs.builder.RequestForPositionsEncoder;
import io.meridian.fix.codecs.decoder.ExecutionReportDecoder;
import io.meridian.fix.codecs.decoder.PositionQtyDecoder;
import io.meridian.fix.codecs.decoder.PositionReportDecoder;
import io.meridian.fix.codecs.decoder.RequestForPositionsAckDecoder;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.venues.view.VenueView;
import io.meridian.venues.view.VenueViewSource;
import io.meridian.venues.view.ViewRequest;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.fields.ReadOnlyDecimalFloat;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;
import uk.co.real_logic.artio.util.AsciiBuffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * One FIX venue's own view for reconciliation. {@link #requestView} (any thread) queues the question;
 * the bridge's thread sends an OrderMassStatusRequest (AF, MassStatusReqType 7) and, when positions are
 * asked, a RequestForPositions (AN, PosReqType 0) per account, gathers the ExecutionReports carrying
 * that MassStatusReqID and the RequestForPositionsAck / PositionReports carrying that PosReqID, and
 * completes the future off the bridge's thread. One question is on the wire at a time, the others
 * wait in the queue. Trades are never listed: a FIX venue delivers fills on the session, whose
 * sequence-number recovery is what makes them complete. Cold path: it allocates.
 */
final class FixVenueView implements VenueViewSource
{
    private static final Logger LOG = LoggerFactory.getLogger(FixVenueView.class);
    private static final int QUEUE_CAPACITY = 16;
    private static final int STATUS_FOR_ALL_ORDERS = 7;
    private static final int POSITIONS = 0;
    private static final int VALID_REQUEST = 0;
    private static final int NO_POSITIONS_FOUND = 2;
    private static final int CUSTOMER_SIDE_OF_THE_BOOKS = 1;
    private static final int CUSTOMER_ACCOUNT = 24;
    private static final char PROPRIETARY = 'D';
    /** how long past the asked timeout a future waits for a bridge thread that has stopped polling */
    private static final long STALLED_BRIDGE_GRACE_MS = 1_000;
    private static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final int venueId;
    private final String name;
    private final VenueSymbols symbols;
    private final EpochNanoClock clock;
    private final BooleanSupplier loggedOn;
    private final ToIntFunction<Encoder> sender;
    private final ManyToOneConcurrentArrayQueue<Question> questions = new ManyToOneConcurrentArrayQueue<>(QUEUE_CAPACITY);
    private final OrderMassStatusRequestEncoder massStatus = new OrderMassStatusRequestEncoder();
    private final RequestForPositionsEncoder positions = new RequestForPositionsEncoder();
    private final UtcTimestampEncoder timestamp = new UtcTimestampEncoder();
    private final RequestForPositionsAckDecoder positionAck = new RequestForPositionsAckDecoder();
    private final PositionReportDecoder positionReport = new PositionReportDecoder();
    /** where positions are asked: none asks for the session's default account (AN without Account) */
    private volatile List<String> accounts = List.of();
    /** the question on the wire; bridge thread only */
    private Question asked;

    /**
     * @param loggedOn true while the session is logged on, readable from any thread.
     * @param sender   sends on the venue session from the bridge's thread: the MsgSeqNum used, or -1.
     */
    FixVenueView(
        final int venueId, final String name, final InstrumentRegistry instruments, final EpochNanoClock clock,
        final BooleanSupplier loggedOn, final ToIntFunction<Encoder> sender)
    {
        this(venueId, name, new VenueSymbols(instruments, venueId, java.util.Map.of()), clock, loggedOn, sender);
    }

    FixVenueView(
        final int venueId, final String name, final VenueSymbols symbols, final EpochNanoClock clock,
        final BooleanSupplier loggedOn, final ToIntFunction<Encoder> sender)
    {
        this.venueId = venueId;
        this.name = name;
        this.symbols = symbols;
        this.clock = clock;
        this.loggedOn = loggedOn;
        this.sender = sender;
    }

    public int venueId()
    {
        return venueId;
    }

    public String name()
    {
        return name;
    }

    public boolean isConnected()
    {
        return loggedOn.getAsBoolean();
    }

    void accounts(final List<String> accounts)
    {
        this.accounts = List.copyOf(accounts);
    }

    public CompletableFuture<VenueView> requestView(final ViewRequest request)
    {
        if (!loggedOn.getAsBoolean())
        {
            return CompletableFuture.failedFuture(
                new IllegalStateException("venue " + name + ": FIX session not logged on, cannot ask for its view"));
        }
        final Question question = new Question(request, clock.nanoTime(), System.nanoTime());
        if (!questions.offer(question))
        {
            return CompletableFuture.failedFuture(new IllegalStateException(
                "venue " + name + ": " + QUEUE_CAPACITY + " reconciliation requests already waiting"));
        }
        // the bridge's thread times the question out; this only covers a bridge that stopped polling
        question.answer.orTimeout(request.timeoutMs() + STALLED_BRIDGE_GRACE_MS, TimeUnit.MILLISECONDS);
        return question.answer;
    }

    /** Bridge thread: sends the next question when none is on the wire, times out the one that is. */
    int doWork()
    {
        int work = 0;
        if (asked == null)
        {
            final Question next = questions.poll();
            if (next != null)
            {
                ask(next);
                work++;
            }
        }
        final Question question = asked;
        if (question != null && System.nanoTime() - question.deadlineNs > 0)
        {
            asked = null;
            fail(question, new TimeoutException("venue " + name + " did not answer reconciliation within " +
                question.request.timeoutMs() + " ms: " + question.progress()));
            work++;
        }
        return work;
    }

    private void ask(final Question question)
    {
        if (question.answer.isDone())
        {
            return;
        }
        if (!loggedOn.getAsBoolean())
        {
            fail(question, new IllegalStateException("venue " + name + ": FIX session not logged on"));
            return;
        }
        final long epochNanos = clock.nanoTime();
        question.massStatusReqId = nextId("MS");
        massStatus.reset();
        massStatus.massStatusReqID(question.massStatusReqId).massStatusReqType(STATUS_FOR_ALL_ORDERS);
        question.massStatusSeqNum = sender.applyAsInt(massStatus);
        if (question.massStatusSeqNum < 0)
        {
            fail(question, new IllegalStateException("venue " + name + ": could not send the OrderMassStatusRequest"));
            return;
        }
        if (question.request.balances())
        {
            final List<String> accounts = this.accounts;
            final int count = Math.max(1, accounts.size());
            for (int i = 0; i < count; i++)
            {
                final PositionAsk ask = new PositionAsk(nextId("POS"), accounts.isEmpty() ? null : accounts.get(i));
                ask.seqNum = sender.applyAsInt(positionRequest(ask, epochNanos));
                if (ask.seqNum < 0)
                {
                    question.positionsRefused = "could not send the RequestForPositions";
                }
                question.positionAsks.put(ask.posReqId, ask);
            }
        }
        LOG.info("event=venue_view_asked venue={} massStatusReqId={} positionRequests={}", name,
            question.massStatusReqId, question.positionAsks.keySet());
        asked = question;
    }

    private RequestForPositionsEncoder positionRequest(final PositionAsk ask, final long epochNanos)
    {
        final RequestForPositionsEncoder encoder = positions;
        encoder.reset();
        encoder.posReqID(ask.posReqId)
            .posReqType(POSITIONS)
            .subscriptionRequestType('0')
            .clearingBusinessDate(BUSINESS_DATE.format(Instant.ofEpochSecond(0, epochNanos))
                .getBytes(StandardCharsets.US_ASCII))
            .transactTime(timestamp.buffer(), timestamp.encodeFrom(epochNanos, TimeUnit.NANOSECONDS));
        if (ask.account != null)
        {
            encoder.account(ask.account).accountType(CUSTOMER_SIDE_OF_THE_BOOKS);
            encoder.parties().partyIDsGroup(1).partyID(ask.account).partyIDSource(PROPRIETARY).partyRole(CUSTOMER_ACCOUNT);
        }
        return encoder;
    }

    /**
     * Bridge thread: an ExecutionReport carrying a MassStatusReqID. Never an execution: the caller
     * keeps it from the sequencer, whether it answers the question on the wire or a late one.
     */
    void onMassStatusReport(final ExecutionReportDecoder report)
    {
        final Question question = asked;
        final String reqId = report.massStatusReqIDAsString();
        if (question == null || !reqId.equals(question.massStatusReqId))
        {
            LOG.info("event=venue_view_late_reply venue={} massStatusReqId={}", name, reqId);
            return;
        }
        final int total = report.hasTotNumReports() ? report.totNumReports() : -1;
        if (total != 0)
        {
            question.openOrders.add(openOrder(report));
        }
        question.expectedOrders = total;
        if ((total >= 0 && question.openOrders.size() >= total) ||
            (report.hasLastRptRequested() && report.lastRptRequested()))
        {
            question.ordersComplete = true;
        }
        completeIfAnswered(question);
    }

    private VenueView.OpenOrder openOrder(final ExecutionReportDecoder report)
    {
        return new VenueView.OpenOrder(
            report.hasClOrdID() ? report.clOrdIDAsString() : "",
            report.orderIDAsString(),
            meridianSymbol(report.symbolAsString()),
            report.side(),
            report.hasOrderQty() ? decimal(report.orderQty()) : BigDecimal.ZERO,
            report.hasPrice() ? decimal(report.price()) : BigDecimal.ZERO,
            decimal(report.cumQty()),
            decimal(report.leavesQty()),
            report.ordStatus());
    }

    /** Bridge thread: a RequestForPositionsAck (AO). */
    void onPositionAck(final AsciiBuffer buffer, final int offset, final int length)
    {
        final RequestForPositionsAckDecoder ack = positionAck;
        ack.reset();
        ack.decode(buffer, offset, length);
        final PositionAsk ask = positionAsk(ack.hasPosReqID() ? ack.posReqIDAsString() : "");
        if (ask == null)
        {
            return;
        }
        final int result = ack.posReqResult();
        // "no positions found" is an answer: the venue holds none for the account
        if (result != VALID_REQUEST && result != NO_POSITIONS_FOUND)
        {
            asked.positionsRefused = "RequestForPositionsAck PosReqResult " + result +
                (ack.hasText() ? " " + ack.textAsString() : "");
            LOG.warn("event=venue_view_positions_refused venue={} posReqId={} reason=\"{}\"", name, ask.posReqId,
                asked.positionsRefused);
        }
        ask.expected = ack.hasTotalNumPosReports() ? ack.totalNumPosReports() : 0;
        ask.acknowledged = true;
        completeIfAnswered(asked);
    }

    /** Bridge thread: a PositionReport (AP). */
    void onPositionReport(final AsciiBuffer buffer, final int offset, final int length)
    {
        final PositionReportDecoder report = positionReport;
        report.reset();
        report.decode(buffer, offset, length);
        final PositionAsk ask = positionAsk(report.hasPosReqID() ? report.posReqIDAsString() : "");
        if (ask == null)
        {
            return;
        }
        PositionQtyDecoder.PositionsGroupDecoder quantities = null;
        for (PositionQtyDecoder.PositionsGroupDecoder group = report.positionsGroup(); group != null;
            group = group.next())
        {
            // several position types may come (start of day, intraday, ...): the transaction quantity, else the first
            if (quantities == null || (group.hasPosType() && "TQ".equals(group.posTypeAsString())))
            {
                quantities = group;
            }
        }
        final BigDecimal longQty = quantities != null && quantities.hasLongQty() ? decimal(quantities.longQty()) : BigDecimal.ZERO;
        final BigDecimal shortQty = quantities != null && quantities.hasShortQty() ? decimal(quantities.shortQty()) : BigDecimal.ZERO;
        ask.positions.add(new VenueView.Position(
            report.accountAsString(), report.hasSymbol() ? meridianSymbol(report.symbolAsString()) : "", longQty, shortQty));
        completeIfAnswered(asked);
    }

    /**
     * Bridge thread: a BusinessMessageReject. @return true when it refused this view's AF or AN (the
     * caller then has nothing more to do with it).
     */
    boolean onBusinessReject(final CharSequence refMsgType, final CharSequence refId, final CharSequence text)
    {
        final Question question = asked;
        if (question == null)
        {
            return false;
        }
        final String id = refId.toString();
        if ("AF".contentEquals(refMsgType) && id.equals(question.massStatusReqId))
        {
            asked = null;
            fail(question, new IllegalStateException("venue " + name + " refused the OrderMassStatusRequest: " + text));
            return true;
        }
        if ("AN".contentEquals(refMsgType) && question.positionAsks.containsKey(id))
        {
            refusePositions(question, "BusinessMessageReject: " + text);
            return true;
        }
        return false;
    }

    /** Bridge thread: a session-level Reject of the message sent with {@code refSeqNum}. @return true when it was this view's. */
    boolean onSessionReject(final int refSeqNum, final CharSequence text)
    {
        final Question question = asked;
        if (question == null || refSeqNum <= 0)
        {
            return false;
        }
        if (refSeqNum == question.massStatusSeqNum)
        {
            asked = null;
            fail(question, new IllegalStateException("venue " + name + " rejected the OrderMassStatusRequest: " + text));
            return true;
        }
        for (final PositionAsk ask : question.positionAsks.values())
        {
            if (ask.seqNum == refSeqNum)
            {
                refusePositions(question, "session Reject: " + text);
                return true;
            }
        }
        return false;
    }

    /** Bridge thread: the session is gone, and with it every answer still due. */
    void onDisconnect()
    {
        final Question question = asked;
        asked = null;
        if (question != null)
        {
            fail(question, new IllegalStateException("venue " + name + ": FIX session lost before the view was complete"));
        }
        for (Question waiting = questions.poll(); waiting != null; waiting = questions.poll())
        {
            fail(waiting, new IllegalStateException("venue " + name + ": FIX session not logged on"));
        }
    }

    private void refusePositions(final Question question, final String why)
    {
        question.positionsRefused = why;
        LOG.warn("event=venue_view_positions_refused venue={} reason=\"{}\"", name, why);
        completeIfAnswered(question);
    }

    private PositionAsk positionAsk(final String posReqId)
    {
        final Question question = asked;
        final PositionAsk ask = question == null ? null : question.positionAsks.get(posReqId);
        if (ask == null)
        {
            LOG.info("event=venue_view_late_reply venue={} posReqId={}", name, posReqId);
        }
        return ask;
    }

    private void completeIfAnswered(final Question question)
    {
        if (!question.ordersComplete)
        {
            return;
        }
        boolean positionsAnswered = question.positionsRefused == null && question.request.balances();
        if (question.positionsRefused == null)
        {
            for (final PositionAsk ask : question.positionAsks.values())
            {
                if (!ask.acknowledged || ask.positions.size() < ask.expected)
                {
                    return;
                }
            }
        }
        final List<VenueView.Position> held = new ArrayList<>();
        if (positionsAnswered)
        {
            question.positionAsks.values().forEach(ask -> held.addAll(ask.positions));
        }
        asked = null;
        final VenueView view = new VenueView(venueId, question.askedAtNanos, clock.nanoTime(), question.openOrders,
            List.of(), List.of(), held, positionsAnswered);
        LOG.info("event=venue_view_answered venue={} massStatusReqId={} openOrders={} positions={} balancesAsked={}",
            name, question.massStatusReqId, view.openOrders().size(), held.size(), positionsAnswered);
        // the bridge's thread is the sequencer's: what the caller chains on the answer must run elsewhere
        CompletableFuture.runAsync(() -> question.answer.complete(view));
    }

    private void fail(final Question question, final Exception why)
    {
        LOG.warn("event=venue_view_failed venue={} massStatusReqId={} error=\"{}\"", name, question.massStatusReqId,
            why.getMessage());
        CompletableFuture.runAsync(() -> question.answer.completeExceptionally(why));
    }

    private String meridianSymbol(final String venueSymbol)
    {
        final Instrument instrument = symbols.instrument(venueSymbol);
        return instrument == null ? venueSymbol : instrument.symbol();
    }

    private String nextId(final String kind)
    {
        return kind + '-' + venueId + '-' + Long.toString(clock.nanoTime() / 1_000_000, 36).toUpperCase(Locale.ROOT) +
            '-' + REQUEST_IDS.incrementAndGet();
    }

    private static BigDecimal decimal(final ReadOnlyDecimalFloat value)
    {
        return BigDecimal.valueOf(value.value(), value.scale());
    }

    /** One reconciliation question and, while it is on the wire, its answers so far. */
    private static final class Question
    {
        final ViewRequest request;
        final long askedAtNanos;
        final long deadlineNs;
        final CompletableFuture<VenueView> answer = new CompletableFuture<>();
        String massStatusReqId;
        int massStatusSeqNum;
        int expectedOrders = -1;
        boolean ordersComplete;
        final List<VenueView.OpenOrder> openOrders = new ArrayList<>();
        final Map<String, PositionAsk> positionAsks = new LinkedHashMap<>();
        String positionsRefused;

        Question(final ViewRequest request, final long askedAtNanos, final long startNs)
        {
            this.request = request;
            this.askedAtNanos = askedAtNanos;
            this.deadlineNs = startNs + TimeUnit.MILLISECONDS.toNanos(request.timeoutMs());
        }

        String progress()
        {
            final StringBuilder s = new StringBuilder("mass status ").append(massStatusReqId).append(' ')
                .append(openOrders.size()).append(" of ").append(expectedOrders < 0 ? "?" : expectedOrders)
                .append(" reports");
            for (final PositionAsk ask : positionAsks.values())
            {
                s.append(", positions ").append(ask.posReqId).append(ask.acknowledged ? " acknowledged, " : " unacknowledged, ")
                    .append(ask.positions.size()).append(" of ").append(ask.acknowledged ? String.valueOf(ask.expected) : "?")
                    .append(" reports");
            }
            return s.toString();
        }
    }

    /** One RequestForPositions of a question. */
    private static final class PositionAsk
    {
        final String posReqId;
        final String account;
        int seqNum;
        boolean acknowledged;
        int expected;
        final List<VenueView.Position> positions = new ArrayList<>();

        PositionAsk(final String posReqId, final String account)
        {
            this.posReqId = posReqId;
            this.account = account;
        }
    }
}
