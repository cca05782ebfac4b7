package io.meridian.venues.fix;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.meridian.fix.codecs.FixDictionaryImpl;
import io.meridian.fix.codecs.decoder.ExecutionReportDecoder;
import io.meridian.fix.codecs.decoder.BusinessMessageRejectDecoder;
import io.meridian.fix.codecs.decoder.OrderCancelRejectDecoder;
import io.meridian.fix.codecs.decoder.MarketDataIncrementalRefreshDecoder;
import io.meridian.fix.codecs.decoder.MarketDataRequestRejectDecoder;
import io.meridian.fix.codecs.decoder.MarketDataSnapshotFullRefreshDecoder;
import io.meridian.fix.codecs.decoder.PositionReportDecoder;
import io.meridian.fix.codecs.decoder.RequestForPositionsAckDecoder;
import io.meridian.fix.codecs.decoder.RejectDecoder;
import io.meridian.fix.codecs.decoder.ResendRequestDecoder;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBookTable;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.venues.view.VenueViewSource;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.Reply;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionAcquireHandler;
import uk.co.real_logic.artio.library.SessionAcquiredInfo;
import uk.co.real_logic.artio.library.SessionConfiguration;
import io.meridian.fix.ExtensibleFixDictionary;
import org.agrona.collections.IntHashSet;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * Connects to FIX venues as an Artio initiator, keeps the sessions up (reconnecting with
 * persistent sequence numbers), sends the OMS's child orders and hands the venues' reports back
 * to the OMS as normalised events stamped with local receipt time. Runs on the core thread as an
 * {@link Agent} beside the library and the sequencer. Reconciliation asks each venue for its own
 * view through {@link #viewSources()} (a {@link FixVenueView} per venue, on this same thread).
 */
public final class FixVenueBridge implements Agent, VenueOrders, SessionAcquireHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(FixVenueBridge.class);
    // back pressure clears as soon as the engine thread drains the library's publication: wait for
    // it a bounded time rather than drop a message
    private static final long SEND_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /** after a Logon past skipped numbers: how long to wait for the venue's ResendRequest before counting as up */
    private static final long SETTLE_WITHOUT_RESEND_MS = 1_000;
    /** and after that ResendRequest, for Artio's answer to go out */
    private static final long SETTLE_AFTER_RESEND_MS = 500;
    private Runnable whileBackPressured = Thread::onSpinWait;

    private final Venue[] venues;
    private final InstrumentRegistry instruments;
    private final Supplier<FixLibrary> library;
    private final EpochClock clock;
    private final EpochNanoClock nanoClock;
    private final VenueBridgeMetrics metrics;
    private final VenueOrderEncoder encoder = new VenueOrderEncoder();
    private final VenueReportDecoder decoder;
    private final MutableAsciiBuffer asciiBuffer = new MutableAsciiBuffer();
    private VenueEvents events;
    private volatile boolean running = true;

    /**
     * @param library supplies the process's FIX library once it is connected.
     */
    public FixVenueBridge(
        final List<FixVenueConfig> venues,
        final InstrumentRegistry instruments,
        final Supplier<FixLibrary> library,
        final EpochClock clock,
        final EpochNanoClock nanoClock,
        final VenueBridgeMetrics metrics)
    {
        int maxId = -1;
        for (final FixVenueConfig venue : venues)
        {
            maxId = Math.max(maxId, venue.venueId());
        }
        this.venues = new Venue[maxId + 1];
        for (final FixVenueConfig venue : venues)
        {
            if (this.venues[venue.venueId()] != null)
            {
                throw new IllegalArgumentException("duplicate venue id " + venue.venueId());
            }
            this.venues[venue.venueId()] = new Venue(venue);
        }
        this.instruments = instruments;
        this.library = library;
        this.clock = clock;
        this.nanoClock = nanoClock;
        for (final Venue venue : this.venues)
        {
            if (venue != null)
            {
                venue.symbols = new VenueSymbols(instruments, venue.config.venueId(), venue.config.symbols());
                venue.view = new FixVenueView(venue.config.venueId(), venue.config.name(), venue.symbols, nanoClock,
                    () -> venue.connected, venue::sendForView);
                venue.marketData = venue.config.marketData() ?
                    new VenueMarketData(venue.config.name(), venue.symbols, instruments.size()) : null;
            }
        }
        this.metrics = metrics;
        this.decoder = new VenueReportDecoder();
    }

    /** @return what the venues' dialects add to our Logon; install it in the FIX library's configuration. */
    public static VenueLogonCustomisation logonCustomisation(final List<FixVenueConfig> venues)
    {
        return new VenueLogonCustomisation(venues);
    }

    /**
     * After an unclean stop: the first MsgSeqNum a venue session may send, past what the dead process may
     * have sent unrecorded (the gateway's SentSequenceFloors); the next Logon starts there and the venue's
     * ResendRequest for the skipped numbers gets a gap fill. Set before the agent starts.
     */
    public void firstSentSeqNumAfterUncleanStop(final java.util.function.ToIntFunction<FixVenueConfig> nextSafeSeqNum)
    {
        for (final Venue venue : venues)
        {
            if (venue != null && venue.config.dialect() != VenueDialect.BINANCE_SPOT)
            {
                venue.firstSentSeqNum = nextSafeSeqNum.applyAsInt(venue.config);
            }
        }
    }

    /**
     * What reconciliation asks each FIX venue ({@link VenueViewSource#requestView}): its open orders by
     * OrderMassStatusRequest and its positions by RequestForPositions, answered off this bridge's thread.
     */
    public List<VenueViewSource> viewSources()
    {
        final List<VenueViewSource> sources = new ArrayList<>();
        for (final Venue venue : venues)
        {
            if (venue != null)
            {
                sources.add(venue.view);
            }
        }
        return sources;
    }

    /** The reconciliation view of one FIX venue, or null when the bridge has no such venue. */
    public VenueViewSource viewSource(final int venueId)
    {
        final Venue venue = venue(venueId);
        return venue == null ? null : venue.view;
    }

    /**
     * The accounts whose positions reconciliation asks a venue for (one RequestForPositions each); with
     * none (the default) one request without Account asks for the session's default account.
     */
    public void positionAccounts(final int venueId, final List<String> accounts)
    {
        final Venue venue = venue(venueId);
        if (venue == null)
        {
            throw new IllegalArgumentException("no FIX venue " + venueId);
        }
        venue.view.accounts(accounts);
    }

    /**
     * Where the books of venues with {@code market-data} are published (top of book and the top
     * {@value VenueMarketData#DEPTH} levels); set before the agent starts. Without it nothing is subscribed.
     */
    public FixVenueBridge marketData(final TopOfBookTable tops, final DepthTable depths)
    {
        for (final Venue venue : venues)
        {
            if (venue != null && venue.marketData != null)
            {
                venue.marketData.tables(tops, depths);
            }
        }
        return this;
    }

    /** Where venue events go (the OMS); set before the agent starts. */
    public void venueEvents(final VenueEvents events)
    {
        this.events = events;
    }

    public int doWork()
    {
        if (!running)
        {
            return 0;
        }
        int work = 0;
        final long nowMs = clock.time();
        for (final Venue venue : venues)
        {
            if (venue != null)
            {
                work += venue.maintain(nowMs) + venue.view.doWork();
            }
        }
        return work;
    }

    public String roleName()
    {
        return "fix-venue-bridge";
    }

    public void onClose()
    {
        logoutAll();
    }

    /** Stops reconnecting and logs out of every venue; on the thread that polls the library. */
    public void logoutAll()
    {
        if (!running)
        {
            return;
        }
        running = false;
        for (final Venue venue : venues)
        {
            if (venue != null && venue.session != null && venue.session.isActive())
            {
                // wait for the venue's Logout (the caller keeps polling) so that the received
                // sequence number persisted is the venue's last, and the next logon opens no gap
                venue.session.startLogout();
            }
        }
    }

    public boolean isConnected(final int venueId)
    {
        final Venue venue = venue(venueId);
        return venue != null && venue.session != null && venue.session.isActive();
    }

    public boolean sendNewOrder(final VenueOrder order)
    {
        final boolean sent = send(order.venueId, encoder.newOrder(order, venueSymbol(order)), order.clOrdId, 'D', order.origClOrdId);
        if (sent)
        {
            metrics.ordersSent.incrementAndGet();
        }
        return sent;
    }

    public boolean sendCancel(final VenueOrder cancel)
    {
        final boolean sent = send(cancel.venueId, encoder.cancel(cancel, venueSymbol(cancel)), cancel.clOrdId, 'F', cancel.origClOrdId);
        if (sent)
        {
            metrics.cancelsSent.incrementAndGet();
        }
        return sent;
    }

    public boolean sendReplace(final VenueOrder replace)
    {
        final boolean sent = send(replace.venueId, encoder.replace(replace, venueSymbol(replace)), replace.clOrdId, 'G', replace.origClOrdId);
        if (sent)
        {
            metrics.replacesSent.incrementAndGet();
        }
        return sent;
    }

    public boolean sendStatusRequest(final VenueOrder order)
    {
        final boolean sent = send(order.venueId, encoder.status(order, venueSymbol(order)), order.clOrdId, 'H', order.origClOrdId);
        if (sent)
        {
            LOG.info("event=venue_status_query venueId={} clOrdId={}", order.venueId, order.clOrdId);
        }
        return sent;
    }

    private CharSequence venueSymbol(final VenueOrder order)
    {
        final Venue venue = venue(order.venueId);
        return venue == null ? order.symbol : venue.symbols.venueSymbol(order.symbol);
    }

    private boolean send(
        final int venueId, final Encoder message, final CharSequence clOrdId, final char msgType,
        final CharSequence origClOrdId)
    {
        final Venue venue = venue(venueId);
        final Session session = venue == null ? null : venue.session;
        if (session == null || !session.isActive())
        {
            metrics.sendFailures.incrementAndGet();
            LOG.warn("event=venue_send_failed venueId={} clOrdId={} reason=not_connected", venueId, clOrdId);
            return false;
        }
        final long sendDeadlineNs = System.nanoTime() + SEND_TIMEOUT_NS;
        do
        {
            if (session.trySend(message) > 0)
            {
                venue.sent.record(session.lastSentMsgSeqNum(), msgType, clOrdId, origClOrdId);
                venue.refresh();
                return true;
            }
            whileBackPressured.run();
        }
        while (System.nanoTime() < sendDeadlineNs);
        metrics.sendFailures.incrementAndGet();
        LOG.error("event=venue_send_failed venueId={} clOrdId={} reason=back_pressure", venueId, clOrdId);
        return false;
    }

    /**
     * What a send does while the library's publication is back pressured, before it tries again (up to
     * 20 ms): by default it spins; lock-step, the framer that drains that publication runs on this very
     * thread and must be run (FixRuntime#whileBackPressured).
     */
    public FixVenueBridge whileBackPressured(final Runnable whileBackPressured)
    {
        this.whileBackPressured = whileBackPressured;
        return this;
    }

    public SessionHandler onSessionAcquired(final Session session, final SessionAcquiredInfo acquiredInfo)
    {
        final Venue venue = byCompIds(session.compositeKey().localCompId(), session.compositeKey().remoteCompId());
        if (venue == null)
        {
            LOG.error("event=unknown_initiator_session key={}", session.compositeKey());
            session.requestDisconnect();
            return new NoVenueHandler();
        }
        venue.session = session;
        venue.settling = venue.firstSentSeqNum > 0;
        venue.firstSentSeqNum = 0;
        venue.refresh();
        if (session.isActive() && venue.settling)
        {
            venue.startSettling();
        }
        else if (session.isActive())
        {
            venue.connected = true;
            venue.stateToPublish = true;
        }
        LOG.info("event=venue_session_acquired venue={} sessionId={} lastSent={} lastReceived={}",
            venue.config.name(), session.id(), session.lastSentMsgSeqNum(), session.lastReceivedMsgSeqNum());
        return venue;
    }

    /** Snapshot of every venue connection, safe to call from any thread. */
    public List<VenueStatus> status()
    {
        final List<VenueStatus> status = new ArrayList<>(venues.length);
        for (final Venue venue : venues)
        {
            if (venue != null)
            {
                status.add(new VenueStatus(
                    venue.config.venueId(), venue.config.name(), venue.config.host(), venue.config.port(),
                    venue.connected, venue.lastSentSeqNum, venue.lastReceivedSeqNum, venue.connectAttempts,
                    venue.config.dialect().name()));
            }
        }
        return status;
    }

    private Venue venue(final int venueId)
    {
        return venueId >= 0 && venueId < venues.length ? venues[venueId] : null;
    }

    // both CompIDs: one venue can have several sessions (accounts, order entry and drop copy) under one TargetCompID
    private Venue byCompIds(final String senderCompId, final String targetCompId)
    {
        for (final Venue venue : venues)
        {
            if (venue != null && venue.config.targetCompId().equals(targetCompId) &&
                venue.config.senderCompId().equals(senderCompId))
            {
                return venue;
            }
        }
        return null;
    }

    /** One venue's connection state and its session handler. */
    private final class Venue implements SessionHandler
    {
        final FixVenueConfig config;
        /** ExecutionReport tags carried back to clients; null when none */
        final IntHashSet carryTags;
        Session session;
        Reply<Session> pendingConnect;
        long nextAttemptMs;
        boolean stateToPublish;
        volatile boolean connected;
        volatile int lastSentSeqNum;
        volatile int lastReceivedSeqNum;
        volatile long connectAttempts;
        final SentRequests sent = new SentRequests();
        FixVenueView view;
        VenueSymbols symbols;
        /** null without market-data */
        VenueMarketData marketData;
        private final StringBuilder refType = new StringBuilder(4);
        private final StringBuilder rejectText = new StringBuilder(128);
        private final VenueExecution refusedOrder = new VenueExecution();
        private final VenueCancelReject refusedCancel = new VenueCancelReject();
        private final StringBuilder refusedText = new StringBuilder(128);
        private final StringBuilder refId = new StringBuilder(32);
        /** 0, or the MsgSeqNum the first Logon after an unclean stop must carry */
        int firstSentSeqNum;
        /**
         * Logged on past skipped numbers: the venue asks for them again, and Artio answers from its archive,
         * which must already hold everything sent since the Logon. A burst sent before that answer (the
         * status queries of a first connect) can outrun the archive's recording under load, and Artio's
         * answer then reuses a number (the venue logs the session out). So the session counts as up only
         * once the venue's ResendRequest was answered, or none came.
         */
        boolean settling;
        long settleUntilMs;

        Venue(final FixVenueConfig config)
        {
            this.config = config;
            if (config.carryTags().length == 0)
            {
                carryTags = null;
            }
            else
            {
                carryTags = new IntHashSet();
                for (final int tag : config.carryTags())
                {
                    carryTags.add(tag);
                }
            }
        }

        void startSettling()
        {
            settleUntilMs = clock.time() + SETTLE_WITHOUT_RESEND_MS;
            LOG.info("event=venue_session_settling venue={} reason=sequence_skipped_after_unclean_stop", config.name());
        }

        int maintain(final long nowMs)
        {
            if (settling && session != null && settleUntilMs > 0 && nowMs >= settleUntilMs)
            {
                settling = false;
                settleUntilMs = 0;
                connected = true;
                stateToPublish = true;
                LOG.info("event=venue_session_settled venue={}", config.name());
            }
            if (stateToPublish && events != null)
            {
                stateToPublish = !events.onVenueSessionState(config.venueId(), connected);
            }
            if (connected && marketData != null && marketData.enabled() && !marketData.subscribed() && session != null)
            {
                return marketData.subscribe(this::sendForView);
            }
            if (pendingConnect != null)
            {
                if (pendingConnect.isExecuting())
                {
                    return 0;
                }
                if (!pendingConnect.hasCompleted())
                {
                    LOG.warn("event=venue_connect_failed venue={} state={} error={}", config.name(),
                        pendingConnect.state(), pendingConnect.error() == null ? "-" : pendingConnect.error().toString());
                    nextAttemptMs = nowMs + config.reconnectIntervalMs();
                }
                pendingConnect = null;
                return 1;
            }
            if (session == null && nowMs >= nextAttemptMs)
            {
                connectAttempts++;
                final SessionConfiguration.Builder builder = SessionConfiguration.builder()
                    .address(config.host(), config.port())
                    .senderCompId(config.senderCompId())
                    .targetCompId(config.targetCompId())
                    .timeoutInMs(5_000);
                if (config.dialect() == VenueDialect.BINANCE_SPOT)
                {
                    // Binance requires ResetSeqNumFlag=Y on every logon and never resends: its orders are
                    // reconciled by status queries and the drop copy, not by FIX sequence recovery
                    builder.sequenceNumbersPersistent(false).resetSeqNum(true).fixDictionary(ExtensibleFixDictionary.class);
                }
                else
                {
                    builder.sequenceNumbersPersistent(true).fixDictionary(FixDictionaryImpl.class);
                    if (firstSentSeqNum > 0)
                    {
                        LOG.warn("event=venue_sent_sequence_skipped venue={} nextMsgSeqNum={} reason=unclean_stop",
                            config.name(), firstSentSeqNum);
                        builder.initialSentSequenceNumber(firstSentSeqNum);
                    }
                }
                if (config.username() != null && !config.username().isBlank())
                {
                    builder.credentials(config.username(), config.password());
                }
                pendingConnect = library.get().initiate(builder.build());
                return 1;
            }
            return 0;
        }

        /** Sends a reconciliation request (cold path, bridge thread). @return its MsgSeqNum, or -1 when not sent. */
        int sendForView(final Encoder message)
        {
            final Session session = this.session;
            if (session == null || !session.isActive())
            {
                return -1;
            }
            final long sendDeadlineNs = System.nanoTime() + SEND_TIMEOUT_NS;
            do
            {
                if (session.trySend(message) > 0)
                {
                    refresh();
                    return session.lastSentMsgSeqNum();
                }
                whileBackPressured.run();
            }
            while (System.nanoTime() < sendDeadlineNs);
            LOG.error("event=venue_send_failed venue={} msgType={} reason=back_pressure", config.name(),
                message.getClass().getSimpleName());
            return -1;
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

        public Action onMessage(
            final DirectBuffer buffer, final int offset, final int length, final int libraryId,
            final Session session, final int sequenceIndex, final long messageType, final long timestampInNs,
            final long position, final OnMessageInfo messageInfo)
        {
            // Artio flags a report that opened a sequence gap as invalid, then dedupes its resend:
            // skipping it would lose a fill. Venue reports are applied whatever the session layer
            // thinks of their sequencing; the OMS dedupes fills by venue ExecID and its state
            // machine ignores repeated acks and cancels.
            if (events == null)
            {
                return CONTINUE;
            }
            asciiBuffer.wrap(buffer);
            try
            {
                return onVenueMessage(offset, length, messageType);
            }
            catch (final RuntimeException e)
            {
                metrics.unusableMessages.incrementAndGet();
                LOG.error("event=venue_report_unparseable venue={} error=\"{}\"", config.name(), e.toString());
                return CONTINUE;
            }
        }

        private Action onVenueMessage(final int offset, final int length, final long messageType)
        {
            if (messageType == ResendRequestDecoder.MESSAGE_TYPE && settling)
            {
                // Artio's engine answers it from the archive: give that answer time to go out first
                settleUntilMs = clock.time() + SETTLE_AFTER_RESEND_MS;
                return CONTINUE;
            }
            final long receivedNanos = nanoClock.nanoTime();
            if (messageType == ExecutionReportDecoder.MESSAGE_TYPE)
            {
                final ExecutionReportDecoder report = decoder.decodeExecutionReport(asciiBuffer, offset, length);
                if (report.hasMassStatusReqID())
                {
                    // the venue's view for reconciliation (150=I), not an execution: the sequencer never sees it
                    view.onMassStatusReport(report);
                    refresh();
                    return CONTINUE;
                }
                final VenueExecution execution = decoder.execution(
                    symbols, config.venueId(), asciiBuffer, offset, length, receivedNanos, carryTags);
                if (execution == null)
                {
                    metrics.unusableMessages.incrementAndGet();
                    LOG.error("event=venue_report_unusable venue={} problem=\"{}\"", config.name(), decoder.problem());
                    return CONTINUE;
                }
                // the sequencer shares this thread: a full ring drains on the next duty cycle, and
                // ABORT makes the library redeliver this report then, so nothing is dropped
                if (!events.onExecution(execution))
                {
                    return ABORT;
                }
                metrics.executionsIn.incrementAndGet();
            }
            else if (messageType == OrderCancelRejectDecoder.MESSAGE_TYPE)
            {
                final VenueCancelReject reject = decoder.cancelReject(
                    config.venueId(), asciiBuffer, offset, length, receivedNanos);
                if (reject == null)
                {
                    metrics.unusableMessages.incrementAndGet();
                    LOG.error("event=venue_report_unusable venue={} problem=\"{}\"", config.name(), decoder.problem());
                    return CONTINUE;
                }
                if (!events.onCancelReject(reject))
                {
                    return ABORT;
                }
                metrics.cancelRejectsIn.incrementAndGet();
            }
            else if (messageType == MarketDataIncrementalRefreshDecoder.MESSAGE_TYPE)
            {
                if (marketData != null)
                {
                    marketData.onIncremental(asciiBuffer, offset, length, clock.time());
                }
            }
            else if (messageType == MarketDataSnapshotFullRefreshDecoder.MESSAGE_TYPE)
            {
                if (marketData != null)
                {
                    marketData.onSnapshot(asciiBuffer, offset, length, clock.time());
                }
            }
            else if (messageType == MarketDataRequestRejectDecoder.MESSAGE_TYPE)
            {
                if (marketData != null)
                {
                    marketData.onReject(asciiBuffer, offset, length, clock.time());
                }
            }
            else if (messageType == RequestForPositionsAckDecoder.MESSAGE_TYPE)
            {
                view.onPositionAck(asciiBuffer, offset, length);
            }
            else if (messageType == PositionReportDecoder.MESSAGE_TYPE)
            {
                view.onPositionReport(asciiBuffer, offset, length);
            }
            else if (messageType == RejectDecoder.MESSAGE_TYPE)
            {
                // a session-level Reject names the refused message by its MsgSeqNum only
                final int refSeqNum = intField(offset, length, 45);
                final int slot = sent.find(refSeqNum);
                if (slot >= 0 && !refused(slot, offset, length, receivedNanos, "session Reject"))
                {
                    return ABORT;
                }
                if (slot < 0 && view.onSessionReject(refSeqNum, text(offset, length)))
                {
                    refresh();
                    return CONTINUE;
                }
            }
            else if (messageType == BusinessMessageRejectDecoder.MESSAGE_TYPE)
            {
                final char refMsgType = charField(offset, length, 372);
                refId.setLength(0);
                copyField(offset, length, 379, refId);
                refType.setLength(0);
                // reconciliation's requests (AF, AN) are the two-character message types this bridge sends
                if (copyField(offset, length, 372, refType) == 2 &&
                    view.onBusinessReject(refType, refId, text(offset, length)))
                {
                    refresh();
                    return CONTINUE;
                }
                if (refMsgType == 'V' && marketData != null)
                {
                    marketData.onRefused(refId, clock.time());
                }
                final int slot = refMsgType == 0 || refId.length() == 0 ? -1 : sent.findByClOrdId(refMsgType, refId);
                if (slot >= 0 && !refused(slot, offset, length, receivedNanos, "BusinessMessageReject"))
                {
                    return ABORT;
                }
            }
            refresh();
            return CONTINUE;
        }

        /**
         * The venue refused a request at the session or business layer, before its order logic saw it:
         * a NewOrderSingle is rejected to the client (else it would stay PendingNew), a cancel or replace
         * is refused with an OrderCancelReject. Status requests are only logged.
         * @return false when the OMS ring is full (retry the message).
         */
        private boolean refused(
            final int slot, final int offset, final int length, final long receivedNanos, final String layer)
        {
            refusedText.setLength(0);
            refusedText.append(config.name()).append(' ').append(layer).append(": ");
            if (copyField(offset, length, 58, refusedText) == 0)
            {
                refusedText.append("refused (reason ").append(intField(offset, length, 373)).append(')');
            }
            final char msgType = sent.msgType(slot);
            LOG.warn("event=venue_request_refused venue={} msgType={} clOrdId={} text=\"{}\"", config.name(), msgType,
                sent.clOrdId(slot), refusedText);
            if (msgType == 'D')
            {
                final VenueExecution e = refusedOrder.reset();
                e.venueId = config.venueId();
                e.clOrdId.append(sent.clOrdId(slot));
                e.execType = ExecType.REJECTED;
                e.ordStatus = OrdStatus.REJECTED;
                e.receivedNanos = receivedNanos;
                e.text.append(refusedText);
                if (!events.onExecution(e))
                {
                    return false;
                }
                metrics.executionsIn.incrementAndGet();
            }
            else if (msgType == 'F' || msgType == 'G')
            {
                final VenueCancelReject r = refusedCancel.reset();
                r.venueId = config.venueId();
                r.clOrdId.append(sent.clOrdId(slot));
                r.origClOrdId.append(sent.origClOrdId(slot));
                r.replace = msgType == 'G';
                r.receivedNanos = receivedNanos;
                r.text.append(refusedText);
                if (!events.onCancelReject(r))
                {
                    return false;
                }
                metrics.cancelRejectsIn.incrementAndGet();
            }
            sent.forget(slot);
            return true;
        }

        private int valueStart(final int offset, final int length, final int tag)
        {
            final int end = offset + length;
            int fieldStart = offset;
            while (fieldStart < end)
            {
                int parsed = 0;
                int index = fieldStart;
                byte b;
                while (index < end && (b = asciiBuffer.getByte(index)) != '=')
                {
                    parsed = b >= '0' && b <= '9' ? parsed * 10 + (b - '0') : -1_000_000;
                    index++;
                }
                if (parsed == tag)
                {
                    return index + 1;
                }
                while (index < end && asciiBuffer.getByte(index) != 1)
                {
                    index++;
                }
                fieldStart = index + 1;
            }
            return -1;
        }

        private int intField(final int offset, final int length, final int tag)
        {
            final int start = valueStart(offset, length, tag);
            int value = 0;
            for (int i = start; start >= 0 && i < offset + length; i++)
            {
                final byte b = asciiBuffer.getByte(i);
                if (b < '0' || b > '9')
                {
                    break;
                }
                value = value * 10 + (b - '0');
            }
            return start < 0 ? -1 : value;
        }

        private char charField(final int offset, final int length, final int tag)
        {
            final int start = valueStart(offset, length, tag);
            return start < 0 || start >= offset + length ? 0 : (char)asciiBuffer.getByte(start);
        }

        /** Cold path: a reject's Text (58), or its reason code (373 / 380) when it has none. */
        private CharSequence text(final int offset, final int length)
        {
            rejectText.setLength(0);
            if (copyField(offset, length, 58, rejectText) == 0)
            {
                final int reason = intField(offset, length, 380);
                rejectText.append("reason ").append(reason >= 0 ? reason : intField(offset, length, 373));
            }
            return rejectText;
        }

        /** @return the number of characters appended. */
        private int copyField(final int offset, final int length, final int tag, final StringBuilder into)
        {
            final int start = valueStart(offset, length, tag);
            int copied = 0;
            for (int i = start; start >= 0 && i < offset + length; i++)
            {
                final byte b = asciiBuffer.getByte(i);
                if (b == 1)
                {
                    break;
                }
                into.append((char)b);
                copied++;
            }
            return copied;
        }

        public void onTimeout(final int libraryId, final Session session)
        {
        }

        public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
        {
            LOG.warn("event=venue_slow_status venue={} slow={}", config.name(), hasBecomeSlow);
        }

        public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
        {
            LOG.warn("event=venue_disconnected venue={} reason={}", config.name(), reason);
            view.onDisconnect();
            if (marketData != null)
            {
                marketData.onDisconnect(clock.time());
            }
            refresh();
            this.session = null;
            settling = false;
            settleUntilMs = 0;
            connected = false;
            stateToPublish = true;
            nextAttemptMs = clock.time() + config.reconnectIntervalMs();
            return CONTINUE;
        }

        public void onSessionStart(final Session session)
        {
            LOG.info("event=venue_session_active venue={}", config.name());
            if (settling)
            {
                startSettling();
            }
            else
            {
                connected = true;
                stateToPublish = true;
            }
            refresh();
        }
    }

    private static final class NoVenueHandler implements SessionHandler
    {
        public Action onMessage(
            final DirectBuffer buffer, final int offset, final int length, final int libraryId,
            final Session session, final int sequenceIndex, final long messageType, final long timestampInNs,
            final long position, final OnMessageInfo messageInfo)
        {
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
    }
}
