package io.meridian.gateway;

import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.model.InstrumentRegistry;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.Object2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.meridian.fix.codecs.builder.HeaderEncoder;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import uk.co.real_logic.artio.Reply;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.SessionHeaderEncoder;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.messages.SessionReplyStatus;
import uk.co.real_logic.artio.session.SessionWriter;
import uk.co.real_logic.artio.library.SessionAcquiredInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.session.Session;

import io.meridian.fix.dialect.DialectDictionary;
import io.meridian.oms.api.RoutingInstructionTags;
import io.meridian.fix.dialect.ValidationFailure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the gateway: owns the acceptor sessions the library acquires, routes their
 * messages through {@link ClientMessageHandler} into the OMS, and delivers the OMS's reports back
 * to the right session. Everything except {@link #status()} runs on the core thread.
 */
public final class ClientSessions implements AcceptorSessions, ClientReports
{
    private static final Logger LOG = LoggerFactory.getLogger(ClientSessions.class);
    private static final int SEND_ATTEMPTS = 16;
    /** reports held per client while it has no session or is back pressured (about 1 KiB each) */
    static final int DEFAULT_BACKLOG_LIMIT = 65_536;
    // the client's answer to Artio's own ResendRequest normally brings the owed messages within milliseconds
    private static final long OWED_GRACE_NS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    private static final long RESEND_STALL_NS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final ClientContext[] contexts;
    private final Object2ObjectHashMap<String, ClientContext> byCompId = new Object2ObjectHashMap<>();
    private final ClientMessageHandler messageHandler;
    private final OrderEntry orderEntry;
    private final io.meridian.oms.api.OrderStatusCommand restatement = new io.meridian.oms.api.OrderStatusCommand();
    private final GatewayMetrics metrics;
    private final io.meridian.fix.codecs.builder.ResendRequestEncoder resendRequest =
        new io.meridian.fix.codecs.builder.ResendRequestEncoder();
    private final org.agrona.concurrent.ManyToOneConcurrentArrayQueue<KillSwitchReport> killSwitchReports =
        new org.agrona.concurrent.ManyToOneConcurrentArrayQueue<>(1024);
    private final io.meridian.fix.codecs.builder.OrderMassCancelReportEncoder massCancelReport =
        new io.meridian.fix.codecs.builder.OrderMassCancelReportEncoder();
    private volatile KillSwitchRequests killSwitchRequests;
    private long killSwitchReportCount;
    private int backlogged;
    /** the library publication's position after the last message sent to any client */
    private long lastSentPosition;
    private int backlogLimit = DEFAULT_BACKLOG_LIMIT;

    private Runnable whileBackPressured = Thread::onSpinWait;

    public ClientSessions(
        final List<ClientSessionConfig> clients,
        final InstrumentRegistry instruments,
        final OrderEntry orderEntry,
        final GatewayMetrics metrics)
    {
        this.contexts = new ClientContext[clients.size()];
        for (final ClientSessionConfig client : clients)
        {
            if (client.clientId() < 0 || client.clientId() >= contexts.length || contexts[client.clientId()] != null)
            {
                throw new IllegalArgumentException("client ids must be dense and unique: " + client);
            }
            final ClientContext context = new ClientContext(client);
            contexts[client.clientId()] = context;
            byCompId.put(client.clientCompId(), context);
        }
        this.metrics = metrics;
        this.messageHandler = new ClientMessageHandler(instruments, orderEntry, metrics, this::onKillSwitchRequest);
        this.orderEntry = orderEntry;
    }

    /** @return true when the session's counterparty is one of the configured clients. */
    public boolean isClientSession(final Session session)
    {
        return byCompId.containsKey(session.compositeKey().remoteCompId());
    }

    /**
     * Takes ownership of every configured client's session before any client logs on, as an
     * offline session where needed, so that reports for a client that is not connected (after a
     * restart, say) are sequenced and resent when it logs on instead of being lost. Call once,
     * from the thread that owns the library, after it connected.
     */
    public void acquireOfflineSessions(final FixLibrary library, final long timeoutMs)
    {
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        for (final ClientContext context : contexts)
        {
            if (context.session != null)
            {
                continue;
            }
            // identified like an accepted logon: the header as the client sends it
            final SessionHeaderEncoder header = headerEncoder(context.config.beginString());
            header.beginString(context.config.beginString())
                .senderCompID(context.config.clientCompId())
                .targetCompID(context.config.meridianCompId());
            final Reply<SessionWriter> writer = Reply.await(library.followerSession(header, timeoutMs), library, idle);
            if (!writer.hasCompleted())
            {
                throw new IllegalStateException("cannot create session for " + context.config + ": " + writer.state() +
                    " " + writer.error());
            }
            final Reply<SessionReplyStatus> reply = Reply.await(library.requestSession(
                writer.resultIfPresent().id(), FixLibrary.NO_MESSAGE_REPLAY, FixLibrary.NO_MESSAGE_REPLAY, timeoutMs),
                library, idle);
            // the session is acquired in all three cases; the last two only concern a replay of
            // received messages, which is not asked for (inbound FIX is not logged, see FixRuntime)
            final SessionReplyStatus status = reply.resultIfPresent();
            if (!reply.hasCompleted() || (status != SessionReplyStatus.OK &&
                status != SessionReplyStatus.MISSING_MESSAGES &&
                status != SessionReplyStatus.INVALID_CONFIGURATION_NOT_LOGGING_MESSAGES))
            {
                throw new IllegalStateException("cannot acquire offline session for " + context.config + ": " +
                    reply.state() + " " + reply.resultIfPresent() + " " + reply.error());
            }
        }
    }

    /**
     * Resumes each client's inbound sequence from the journal, after {@link #acquireOfflineSessions}: Artio
     * counts a message as received when its engine reads it, the journal when the sequencer has it, and a
     * kill between the two loses it. Artio's count is moved back to the last journaled command, so the
     * client's next Logon is beyond it and Artio asks for the rest; what comes again but was processed is
     * ignored as a duplicate. A session reset since (newer sequence index) is asked for from its start.
     */
    public void resumeFromJournal(final io.meridian.oms.ClientSessionPositions positions)
    {
        for (final ClientContext context : contexts)
        {
            final long position = positions.of(context.clientId());
            final Session session = context.session;
            if (position == io.meridian.oms.ClientSessionPositions.NONE || session == null)
            {
                continue;
            }
            final int journaledIndex = io.meridian.oms.ClientSessionPositions.sequenceIndex(position);
            final int journaledSeqNum = io.meridian.oms.ClientSessionPositions.msgSeqNum(position);
            context.inbound.recovered(journaledIndex, journaledSeqNum);
            final int resumeFrom;
            if (session.sequenceIndex() == journaledIndex)
            {
                resumeFrom = journaledSeqNum;
            }
            else if (session.sequenceIndex() > journaledIndex)
            {
                resumeFrom = 0;
            }
            else
            {
                continue;
            }
            if (session.lastReceivedMsgSeqNum() > resumeFrom)
            {
                LOG.warn("event=client_resume_from_journal client={} artioLastReceived={} journaled={} " +
                    "sequenceIndex={} action=resend_requested_at_logon", context.config,
                    session.lastReceivedMsgSeqNum(), resumeFrom, session.sequenceIndex());
                context.resumeFromSeqNum = resumeFrom;
                rewindToJournal(context, session);
            }
        }
    }

    /**
     * After an unclean stop, moves each client's sent sequence number past everything the dead process may
     * have put on the wire (see {@link SentSequenceFloors}), after {@link #acquireOfflineSessions} and before
     * any client logs on. It is done with a SequenceReset on the offline session: Artio archives it, so the
     * new number survives another crash, and a client asking for the skipped numbers gets a gap fill
     * instead of a number it has seen with other content. Reports among the skipped numbers are not
     * sent again: the caller restates the affected orders (see MeridianServer).
     *
     * @return the clientIds whose sent numbers were skipped.
     */
    public org.agrona.collections.IntArrayList skipPossiblySentSequenceNumbers(
        final SentSequenceFloors floors, final FixLibrary library)
    {
        final org.agrona.collections.IntArrayList skipped = new org.agrona.collections.IntArrayList();
        if (floors.isEmpty())
        {
            return skipped;
        }
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        for (final ClientContext context : contexts)
        {
            final Session session = context.session;
            if (session == null)
            {
                continue;
            }
            final int next = floors.nextSafeSeqNum(session.id());
            if (next <= session.lastSentMsgSeqNum() + 1)
            {
                continue;
            }
            LOG.warn("event=client_sent_sequence_skipped client={} artioLastSent={} nextMsgSeqNum={} " +
                "reason=unclean_stop", context.config, session.lastSentMsgSeqNum(), next);
            final long deadlineMs = System.currentTimeMillis() + 5_000;
            long position;
            while ((position = session.trySendSequenceReset(next)) < 0)
            {
                if (System.currentTimeMillis() > deadlineMs)
                {
                    throw new IllegalStateException("cannot move the sent sequence of " + context.config + " to " + next);
                }
                library.poll(10);
                idle.idle();
            }
            lastSentPosition = Math.max(lastSentPosition, position);
            context.refresh();
            skipped.addInt(context.clientId());
        }
        return skipped;
    }

    /** A session acquired again (the client logs on) starts from what Artio counted: move it back again. */
    private static void rewindToJournal(final ClientContext context, final Session session)
    {
        if (context.resumeFromSeqNum != ClientContext.NO_RESUME &&
            session.lastReceivedMsgSeqNum() > context.resumeFromSeqNum)
        {
            ReceivedSequenceNumbers.rewind(session, context.resumeFromSeqNum);
            context.refresh();
        }
    }

    private static SessionHeaderEncoder headerEncoder(final String beginString)
    {
        switch (beginString)
        {
            case ClientSessionConfig.FIX_4_2: return new io.meridian.fix42.codecs.builder.HeaderEncoder();
            case ClientSessionConfig.FIXT_1_1: return new io.meridian.fixt.codecs.builder.HeaderEncoder();
            default: return new HeaderEncoder();
        }
    }

    public SessionHandler onSessionAcquired(final Session session, final SessionAcquiredInfo acquiredInfo)
    {
        final ClientContext context = byCompId.get(session.compositeKey().remoteCompId());
        if (context == null)
        {
            // the authenticator refuses unknown CompIDs, so this is a configuration race: do not trade
            LOG.error("event=unknown_client_session key={}", session.compositeKey());
            session.requestDisconnect();
            return messageHandler.forUnknownClient();
        }
        context.session = session;
        context.connected = session.isActive();
        if (context.knownSequenceIndex < 0)
        {
            context.knownSequenceIndex = session.sequenceIndex();
        }
        rewindToJournal(context, session);
        LOG.info("event=client_session_acquired client={} sessionId={} lastSent={} lastReceived={}",
            context.config, session.id(), session.lastSentMsgSeqNum(), session.lastReceivedMsgSeqNum());
        return messageHandler.forClient(context);
    }

    public DialectDictionary validationDictionary(final Session session)
    {
        final ClientContext context = byCompId.get(session.compositeKey().remoteCompId());
        return context == null ? AcceptorSessions.super.validationDictionary(session) :
            context.config.validationDictionary();
    }

    public void onValidationReject(final Session session, final ValidationFailure failure, final boolean sent)
    {
        metrics.messagesIn.incrementAndGet();
        if (sent)
        {
            metrics.sessionRejectsSent.incrementAndGet();
        }
        final ClientContext context = byCompId.get(session.compositeKey().remoteCompId());
        if (context != null && context.config.dialect() != null)
        {
            metrics.dialectRejects.incrementAndGet();
        }
    }

    public void onExecutionReport(final ExecutionReport report)
    {
        final ClientContext context = context(report.clientId);
        if (context != null && (!context.backlog.isEmpty() ||
            !send(context, context.encoding.encode(report, context.reportTags))))
        {
            delay(context, new ExecutionReport().copyFrom(report), "8", report.clOrdId);
        }
    }

    public void onCancelReject(final CancelReject reject)
    {
        final ClientContext context = context(reject.clientId);
        if (context != null && (!context.backlog.isEmpty() || !send(context, context.encoding.encode(reject))))
        {
            delay(context, new CancelReject().copyFrom(reject), "9", reject.clOrdId);
        }
    }

    /** Who acts on the clients' kill switch requests (the ops desk); until one is set they are refused. */
    public ClientSessions killSwitchRequests(final KillSwitchRequests requests)
    {
        this.killSwitchRequests = requests;
        return this;
    }

    private void onKillSwitchRequest(final KillSwitchRequest request)
    {
        final KillSwitchRequests requests = killSwitchRequests;
        if (requests == null)
        {
            killSwitchReported(KillSwitchReport.rejected(request, KillSwitchReport.NOT_SUPPORTED,
                "no kill switch desk is running"));
            return;
        }
        requests.onKillSwitchRequest(request);
    }

    /** The answer to a kill switch request, from any thread: sent on the core thread's next duty cycle. */
    public boolean killSwitchReported(final KillSwitchReport report)
    {
        if (!killSwitchReports.offer(report))
        {
            LOG.error("event=kill_switch_report_dropped client={} clOrdId={} reason=queue_full",
                report.request().compId(), report.request().clOrdId());
            return false;
        }
        return true;
    }

    /** Sends the kill switch reports waiting, as OrderMassCancelReports; core thread. @return the number sent. */
    public int sendKillSwitchReports()
    {
        int sent = 0;
        KillSwitchReport report;
        while ((report = killSwitchReports.peek()) != null)
        {
            final ClientContext context = context(report.request().clientId());
            if (context != null && !send(context, encode(report)))
            {
                break;
            }
            killSwitchReports.poll();
            sent++;
        }
        return sent;
    }

    private Encoder encode(final KillSwitchReport report)
    {
        final KillSwitchRequest request = report.request();
        final io.meridian.fix.codecs.builder.OrderMassCancelReportEncoder encoder = massCancelReport;
        encoder.reset();
        encoder.clOrdID(request.clOrdId())
            .orderID("KS-" + (++killSwitchReportCount) + "-" + request.clOrdId())
            .massCancelRequestType(request.massCancelRequestType())
            .massCancelResponse(report.massCancelResponse())
            .text(report.text());
        if (report.rejectReason() != KillSwitchReport.NONE)
        {
            encoder.massCancelRejectReason(report.rejectReason());
        }
        if (request.symbol() != null)
        {
            encoder.symbol(request.symbol());
        }
        if (request.level() != KillSwitchRequest.NO_LEVEL)
        {
            encoder.killSwitchLevel(request.level());
        }
        if (request.target() != null)
        {
            encoder.killSwitchTarget(request.target());
        }
        if (request.release())
        {
            encoder.killSwitchRelease(true);
        }
        return encoder;
    }

    /**
     * Sends what waits in the clients' backlogs, oldest first; called every duty cycle of the core
     * thread. @return the number of reports sent.
     */
    /**
     * The position in the library's publication just after the last message sent to a client (0 before the
     * first): once Artio's indexer is there ({@link FixRuntime#libraryIndexedPosition}), every number sent
     * is in its sequence index and every message in the archive it resends from.
     */
    public long lastSentPosition()
    {
        return lastSentPosition;
    }

    /** Reports waiting for a client that could not take them yet. */
    public int backlogged()
    {
        return backlogged;
    }

    public int sendBacklogs()
    {
        if (backlogged == 0)
        {
            return 0;
        }
        int sent = 0;
        for (final ClientContext context : contexts)
        {
            Object report;
            while ((report = context.backlog.peek()) != null)
            {
                final Encoder message = report instanceof ExecutionReport ?
                    context.encoding.encode((ExecutionReport)report, context.reportTags) :
                    context.encoding.encode((CancelReject)report);
                if (!send(context, message))
                {
                    break;
                }
                context.backlog.poll();
                backlogged--;
                sent++;
            }
        }
        return sent;
    }

    /**
     * Asks clients again for the messages Artio received beyond a gap but did not hand over, once the
     * session is active and no resend is pending in Artio (normally the client's answer to Artio's own
     * ResendRequest has brought them already, and nothing is owed); a session whose resend stays pending
     * while messages are owed is stuck in Artio and is disconnected with a logged reason, to be asked
     * again after its next logon. Core thread, every duty cycle (the same monotonic clock as the handler's
     * {@link InboundSequence#notProcessed}). @return the work done.
     */
    public int requestOwedMessages()
    {
        int work = 0;
        for (final ClientContext context : contexts)
        {
            if (context.restateOpenOrders &&
                orderEntry.orderStatus(restatement.allOpenOrders(context.clientId())))
            {
                context.restateOpenOrders = false;
                LOG.info("event=client_open_orders_restated client={} reason=sequence_reset", context.config);
                work++;
            }
            final InboundSequence inbound = context.inbound;
            final Session session = context.session;
            if (!inbound.owesMessages() || session == null || !session.isActive())
            {
                continue;
            }
            final long nowNs = System.nanoTime();
            if (nowNs - inbound.owedSinceNs() < OWED_GRACE_NS)
            {
                continue;
            }
            if (session.awaitingResend())
            {
                if (nowNs - inbound.owedSinceNs() > RESEND_STALL_NS)
                {
                    LOG.error("event=client_resend_stalled client={} firstOwed={} action=disconnect",
                        context.config, inbound.firstOwedSeqNum());
                    session.logoutAndDisconnect();
                    inbound.owedRequested(nowNs);
                    work++;
                }
                continue;
            }
            resendRequest.reset();
            resendRequest.beginSeqNo(inbound.firstOwedSeqNum()).endSeqNo(0);
            resendRequest.header().beginString(session.beginString());
            if (session.trySend(resendRequest) > 0)
            {
                LOG.warn("event=client_resend_requested client={} from={}", context.config, inbound.firstOwedSeqNum());
                inbound.owedRequested(nowNs);
                work++;
            }
        }
        return work;
    }

    private ClientContext context(final int clientId)
    {
        if (clientId >= 0 && clientId < contexts.length)
        {
            return contexts[clientId];
        }
        metrics.reportsUndeliverable.incrementAndGet();
        LOG.error("event=report_undeliverable clientId={} reason=unknown_client", clientId);
        return null;
    }

    /**
     * What a send does between its attempts while the library's publication is back pressured: spin by
     * default; lock-step, run the framer that drains it (FixRuntime#whileBackPressured).
     */
    public ClientSessions whileBackPressured(final Runnable whileBackPressured)
    {
        this.whileBackPressured = whileBackPressured;
        messageHandler.whileBackPressured(whileBackPressured);
        return this;
    }

    // a logged-out client's session is offline, not gone: what is sent on it is archived and resent
    // when the client logs on again and asks for the gap; no session yet (before the offline ones
    // are acquired) or back pressure: the report waits, in order, in the client's backlog
    private boolean send(final ClientContext context, final Encoder message)
    {
        final Session session = context.session;
        if (session == null)
        {
            return false;
        }
        message.header().beginString(session.beginString());
        for (int attempt = 0; attempt < SEND_ATTEMPTS; attempt++)
        {
            final long position = session.trySend(message);
            if (position > 0)
            {
                lastSentPosition = Math.max(lastSentPosition, position);
                metrics.reportsSent.incrementAndGet();
                context.refresh();
                return true;
            }
            whileBackPressured.run();
        }
        return false;
    }

    /**
     * Policy for a client that cannot take its reports (no session yet, or its connection back pressured
     * for long): up to {@code limit} reports wait, in order, and are sent first when it can take them;
     * beyond that each further report is counted undeliverable and logged at ERROR, and the client learns
     * the state of its orders by OrderStatusRequest or by the restatement sent at its next logon.
     */
    /** See {@link ClientMessageHandler#maxInboundDelay}; set before the sessions are acquired. */
    public ClientSessions maxInboundDelay(final long nanos, final org.agrona.concurrent.EpochNanoClock clock)
    {
        messageHandler.maxInboundDelay(nanos, clock);
        return this;
    }

    public ClientSessions backlogLimit(final int limit)
    {
        this.backlogLimit = limit;
        return this;
    }

    /** What waits for {@code clientId}, oldest first, as "msgType:ClOrdID" (diagnostics and tests). */
    List<String> backlog(final int clientId)
    {
        final List<String> held = new java.util.ArrayList<>();
        for (final Object report : contexts[clientId].backlog)
        {
            held.add(report instanceof ExecutionReport ? "8:" + ((ExecutionReport)report).clOrdId :
                "9:" + ((CancelReject)report).clOrdId);
        }
        return held;
    }

    private void delay(final ClientContext context, final Object report, final String msgType, final CharSequence clOrdId)
    {
        if (context.backlog.size() >= backlogLimit)
        {
            metrics.reportsUndeliverable.incrementAndGet();
            LOG.error("event=client_backlog_full client={} msgType={} clOrdId={} limit={} " +
                "note=\"report not delivered; the client recovers its orders by OrderStatusRequest or at its next logon\"",
                context.config, msgType, clOrdId, backlogLimit);
            return;
        }
        if (context.backlog.isEmpty())
        {
            LOG.warn("event=client_reports_delayed client={} msgType={} clOrdId={}", context.config, msgType, clOrdId);
        }
        context.backlog.add(report);
        backlogged++;
        metrics.reportsDelayed.incrementAndGet();
    }

    /** Starts a Logout on every logged-on client session (clean shutdown); on the library's thread. */
    public void logoutAll()
    {
        for (final ClientContext context : contexts)
        {
            final Session session = context.session;
            if (session != null && session.isActive())
            {
                session.startLogout();
            }
        }
    }

    /** A consistent-enough snapshot of every configured client session, for health and admin. */
    public List<ClientSessionStatus> status()
    {
        final List<ClientSessionStatus> status = new ArrayList<>(contexts.length);
        for (final ClientContext context : contexts)
        {
            status.add(new ClientSessionStatus(
                context.config.clientId(), context.config.clientCompId(), context.config.meridianCompId(),
                context.connected, context.lastSentSeqNum, context.lastReceivedSeqNum,
                context.config.dictionaryDescription()));
        }
        return status;
    }

    /** Per-client session state; written on the core thread, read (volatile fields) by admin. */
    static final class ClientContext
    {
        final ClientSessionConfig config;
        final ClientReportEncoding encoding;
        /**
         * tags of the client's orders copied into the commands' customFields: its configured carry-tags (to the
         * venue) and, for every client, the routing tags (for the router; never sent to a venue)
         */
        final IntHashSet carryTags = new IntHashSet();
        /** tags the client's dictionary allows on an ExecutionReport: venue fields beyond them are not sent */
        final IntHashSet reportTags = new IntHashSet();
        final ArrayDeque<Object> backlog = new ArrayDeque<>();
        final InboundSequence inbound = new InboundSequence();
        static final int NO_RESUME = -1;
        /** set at start when the journal lags Artio: the client's next logon resends from after it */
        int resumeFromSeqNum = NO_RESUME;
        /** Artio's sequence index when the session was last seen; -1 before */
        int knownSequenceIndex = -1;
        /** a logon reset the sequence numbers: restate the open orders (reports queued before are gone) */
        boolean restateOpenOrders;
        Session session;
        volatile boolean connected;
        volatile int lastSentSeqNum;
        volatile int lastReceivedSeqNum;

        ClientContext(final ClientSessionConfig config)
        {
            this.config = config;
            this.encoding = ClientReportEncoding.forVersion(config.beginString());
            for (final int tag : config.carryTags())
            {
                carryTags.add(tag);
            }
            for (final int tag : RoutingInstructionTags.all())
            {
                carryTags.add(tag);
            }
            for (final int tag : config.executionReportTags())
            {
                reportTags.add(tag);
            }
        }

        int clientId()
        {
            return config.clientId();
        }

        void refresh()
        {
            final Session session = this.session;
            if (session != null)
            {
                lastSentSeqNum = session.lastSentMsgSeqNum();
                lastReceivedSeqNum = session.lastReceivedMsgSeqNum();
            }
        }

        void disconnected()
        {
            refresh();
            connected = false;
        }
    }
}
