package io.meridian.gateway;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.meridian.fix.Decimals;
import io.meridian.fix.codecs.builder.BusinessMessageRejectEncoder;
import io.meridian.fix.CarriedFields;
import io.meridian.fix.codecs.builder.RejectEncoder;
import io.meridian.fix.codecs.decoder.NewOrderSingleDecoder;
import io.meridian.fix.codecs.decoder.OrderCancelReplaceRequestDecoder;
import io.meridian.fix.codecs.decoder.OrderCancelRequestDecoder;
import io.meridian.fix.codecs.decoder.OrderMassCancelRequestDecoder;
import io.meridian.fix.codecs.decoder.OrderStatusRequestDecoder;
import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import io.meridian.router.RoutingInstructionError;
import io.meridian.router.RoutingInstructions;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.builder.Decoder;
import uk.co.real_logic.artio.fields.ReadOnlyDecimalFloat;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.concurrent.TimeUnit;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * Decodes client application messages once, at the edge, into OMS commands. Malformed messages
 * get a session Reject (35=3) naming the tag and reason; unsupported message types get a
 * BusinessMessageReject (35=j). One instance serves all client sessions on the core thread, so
 * decoders and commands are reused without allocation.
 */
final class ClientMessageHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(ClientMessageHandler.class);
    // back pressure clears as soon as the engine thread drains the library's publication: wait for
    // it a bounded time rather than drop a message
    private static final long SEND_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(20);
    private Runnable whileBackPressured = Thread::onSpinWait;

    private final InstrumentRegistry instruments;
    private final OrderEntry orderEntry;
    private final GatewayMetrics metrics;
    private final KillSwitchRequests killSwitchRequests;

    private final MutableAsciiBuffer asciiBuffer = new MutableAsciiBuffer();
    private final NewOrderSingleDecoder newOrderSingle = new NewOrderSingleDecoder();
    private final OrderCancelRequestDecoder cancelRequest = new OrderCancelRequestDecoder();
    private final OrderCancelReplaceRequestDecoder replaceRequest = new OrderCancelReplaceRequestDecoder();
    private final OrderStatusRequestDecoder statusRequest = new OrderStatusRequestDecoder();
    private final OrderMassCancelRequestDecoder massCancelRequest = new OrderMassCancelRequestDecoder();
    private final UtcTimestampDecoder timestampDecoder = new UtcTimestampDecoder(true);
    private final RejectEncoder reject = new RejectEncoder();
    private final BusinessMessageRejectEncoder businessReject = new BusinessMessageRejectEncoder();

    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelOrderCommand cancel = new CancelOrderCommand();
    private final ReplaceOrderCommand replace = new ReplaceOrderCommand();
    private final OrderStatusCommand status = new OrderStatusCommand();
    private final RoutingInstructions routing = new RoutingInstructions();
    private final char[] msgTypeChars = new char[8];
    // where the message being handled sits in its session: stamped on the command it becomes
    private int sessionSequenceIndex;
    private int msgSeqNum;
    // when the engine read it from the socket (the engine's clock, the one below)
    private long receivedNanos;
    private EpochNanoClock clock;
    private long maxInboundDelayNanos;

    ClientMessageHandler(
        final InstrumentRegistry instruments, final OrderEntry orderEntry, final GatewayMetrics metrics,
        final KillSwitchRequests killSwitchRequests)
    {
        this.instruments = instruments;
        this.orderEntry = orderEntry;
        this.metrics = metrics;
        this.killSwitchRequests = killSwitchRequests;
    }

    /**
     * A NewOrderSingle that waited longer than {@code nanos} between the engine reading it and this handler
     * is refused ({@link OrderRejectReason#STALE_ORDER}): over capacity the backlog is shed with a reason
     * instead of growing until clients time out. Cancels, replaces and status requests always pass. 0: off.
     */
    void maxInboundDelay(final long nanos, final EpochNanoClock clock)
    {
        if (nanos < 0)
        {
            throw new IllegalArgumentException("max inbound delay must not be negative: " + nanos);
        }
        this.maxInboundDelayNanos = nanos;
        this.clock = clock;
    }

    SessionHandler forClient(final ClientSessions.ClientContext context)
    {
        return new Handler(context);
    }

    SessionHandler forUnknownClient()
    {
        return new Handler(null);
    }

    private final class Handler implements SessionHandler
    {
        private final ClientSessions.ClientContext context;

        Handler(final ClientSessions.ClientContext context)
        {
            this.context = context;
        }

        public Action onMessage(
            final DirectBuffer buffer, final int offset, final int length, final int libraryId,
            final Session session, final int sequenceIndex, final long messageType, final long timestampInNs,
            final long position, final OnMessageInfo messageInfo)
        {
            if (context == null)
            {
                return CONTINUE;
            }
            if (isSessionMessage(messageType))
            {
                context.refresh();
                return CONTINUE;
            }
            asciiBuffer.wrap(buffer);
            final int msgSeqNum = seqNumOf(offset, length);
            if (!messageInfo.isValid())
            {
                onNotProcessed(context, session, msgSeqNum, offset, length);
                return CONTINUE;
            }
            if (context.inbound.isDuplicate(sequenceIndex, msgSeqNum))
            {
                // a resend of what was processed already (PossDup after a gap, or after a restart): doing it
                // again would answer twice (a duplicate-ClOrdID reject for an order that is live)
                metrics.duplicatesIgnored.incrementAndGet();
                LOG.info("event=client_duplicate_ignored client={} seqNum={} sequenceIndex={}",
                    context.config, msgSeqNum, sequenceIndex);
                return CONTINUE;
            }
            ClientMessageHandler.this.sessionSequenceIndex = sequenceIndex;
            ClientMessageHandler.this.msgSeqNum = msgSeqNum;
            ClientMessageHandler.this.receivedNanos = timestampInNs;
            try
            {
                if (!onApplicationMessage(context, session, messageType, offset, length))
                {
                    // the sequencer shares this thread and drains the ring on its next duty cycle;
                    // ABORT has the library deliver this message again then: back pressure, no loss
                    return ABORT;
                }
            }
            catch (final RuntimeException e)
            {
                // the generated decoders parse numbers eagerly and throw on garbage: that is a
                // malformed message, answered with a Reject, never a reason to stop the core thread
                rejectUnparseable(session, offset, length, e);
            }
            context.inbound.processed(sequenceIndex, msgSeqNum);
            context.refresh();
            return CONTINUE;
        }

        public void onTimeout(final int libraryId, final Session session)
        {
        }

        public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
        {
            LOG.warn("event=client_slow_status sessionId={} slow={}", session.id(), hasBecomeSlow);
        }

        public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
        {
            if (context != null)
            {
                context.disconnected();
                LOG.info("event=client_disconnected client={} reason={}", context.config, reason);
            }
            return CONTINUE;
        }

        public void onSessionStart(final Session session)
        {
            if (context != null)
            {
                context.connected = true;
                // logged on: Artio has asked for whatever lay beyond the journal
                context.resumeFromSeqNum = ClientSessions.ClientContext.NO_RESUME;
                if (context.knownSequenceIndex >= 0 && session.sequenceIndex() > context.knownSequenceIndex)
                {
                    // a Logon with ResetSeqNumFlag=Y: what was queued for the client in the old sequence
                    // is not resent, so each open order's current state is sent as a status report
                    context.restateOpenOrders = true;
                }
                context.knownSequenceIndex = session.sequenceIndex();
                context.refresh();
            }
        }
    }

    /**
     * Artio hands over, flagged invalid, what it does not process: a message beyond a sequence gap it has
     * asked to be filled, or one it answered itself (Reject, Logout). Never silently: counted, logged, and
     * owed until the client resends it. Beyond a gap Artio counts it as received although nobody processed
     * it: a GapFill that ends below it would then leave Artio awaiting a resend forever and ignoring every
     * later message, and nothing would ask for it again. Moving Artio's count back keeps it owed, so the
     * client's answer to the pending (open-ended) ResendRequest brings it again, processable.
     */
    private void onNotProcessed(
        final ClientSessions.ClientContext context, final Session session, final int msgSeqNum, final int offset,
        final int length)
    {
        metrics.outOfSequence.incrementAndGet();
        final boolean countedBeyondGap = session.awaitingResend() && session.lastReceivedMsgSeqNum() == msgSeqNum;
        if (countedBeyondGap)
        {
            ReceivedSequenceNumbers.rewind(session, msgSeqNum - 1);
        }
        context.inbound.notProcessed(msgSeqNum, System.nanoTime());
        LOG.warn("event=client_message_not_processed client={} seqNum={} msgType={} awaitingResend={} " +
            "expected={} owed=true", context.config, msgSeqNum, new String(msgTypeChars, 0, msgTypeOf(offset, length)),
            session.awaitingResend(), session.lastReceivedMsgSeqNum() + 1);
    }

    /** @return false when the OMS ring is full: the message is then redelivered by the library. */
    private boolean onApplicationMessage(
        final ClientSessions.ClientContext context, final Session session, final long messageType,
        final int offset, final int length)
    {
        // the message passed the full dictionary of the client's version (ClientMessageValidation): what
        // Meridian does not trade (other messages, a dialect's custom ones) gets a BusinessMessageReject
        final boolean handled;
        if (messageType == NewOrderSingleDecoder.MESSAGE_TYPE)
        {
            handled = onNewOrderSingle(context, session, offset, length);
        }
        else if (messageType == OrderCancelRequestDecoder.MESSAGE_TYPE)
        {
            handled = onCancelRequest(context, session, offset, length);
        }
        else if (messageType == OrderCancelReplaceRequestDecoder.MESSAGE_TYPE)
        {
            handled = onReplaceRequest(context, session, offset, length);
        }
        else if (messageType == OrderStatusRequestDecoder.MESSAGE_TYPE)
        {
            handled = onStatusRequest(context, session, offset, length);
        }
        else if (messageType == OrderMassCancelRequestDecoder.MESSAGE_TYPE)
        {
            handled = onMassCancelRequest(context, session, offset, length);
        }
        else if (!isSessionMessage(messageType))
        {
            rejectUnsupported(session, offset, length);
            handled = true;
        }
        else
        {
            return true;
        }
        if (handled)
        {
            metrics.messagesIn.incrementAndGet();
        }
        return handled;
    }

    private static boolean isSessionMessage(final long messageType)
    {
        // 0 Heartbeat, 1 TestRequest, 2 ResendRequest, 3 Reject, 4 SequenceReset, 5 Logout, A Logon
        return messageType == '0' || messageType == '1' || messageType == '2' || messageType == '3' ||
            messageType == '4' || messageType == '5' || messageType == 'A';
    }

    private boolean onNewOrderSingle(
        final ClientSessions.ClientContext context, final Session session, final int offset, final int length)
    {
        final NewOrderSingleDecoder decoder = newOrderSingle;
        if (!decodedAndValid(decoder, session, offset, length, "D") ||
            !supportedSide(decoder.side(), decoder, session, "D"))
        {
            return true;
        }

        final NewOrderCommand command = newOrder.reset();
        command.clientId = context.clientId();
        command.sessionSequenceIndex = sessionSequenceIndex;
        command.msgSeqNum = msgSeqNum;
        command.clOrdId.append(decoder.clOrdID(), 0, decoder.clOrdIDLength());
        if (decoder.hasAccount())
        {
            command.account.append(decoder.account(), 0, decoder.accountLength());
        }
        command.symbol.append(decoder.symbol(), 0, decoder.symbolLength());
        command.transactTimeNanos = transactTime(decoder.transactTime(), decoder.transactTimeLength());
        command.side = Side.fromFix(decoder.side());
        command.ordType = OrdType.fromFix(decoder.ordType());
        command.timeInForce = decoder.hasTimeInForce() ? TimeInForce.fromFix(decoder.timeInForce()) : TimeInForce.DAY;

        final Instrument instrument = instruments.bySymbol(decoder.symbol(), decoder.symbolLength());
        command.instrumentId = instrument == null ? -1 : instrument.id();
        command.edgeReject = orderShapeReject(command.ordType, command.timeInForce);
        if (instrument != null && command.edgeReject == OrderRejectReason.NONE)
        {
            command.edgeReject = scaleQtyAndPrice(
                instrument, decoder.hasOrderQty() ? decoder.orderQty() : null,
                decoder.hasPrice() ? decoder.price() : null, command.ordType);
            command.qty = scaledQty;
            command.price = scaledPrice;
        }
        copyCarriedFields(context, offset, length, command.customFields);
        if (instrument != null && command.edgeReject == OrderRejectReason.NONE)
        {
            command.edgeReject = routingReject(instrument, command.qty, command.customFields, session, command.clOrdId);
        }
        if (command.edgeReject == OrderRejectReason.NONE && maxInboundDelayNanos > 0 &&
            clock.nanoTime() - receivedNanos > maxInboundDelayNanos)
        {
            command.edgeReject = OrderRejectReason.STALE_ORDER;
        }
        return offered(orderEntry.newOrder(command), session, command.clOrdId);
    }

    private boolean onReplaceRequest(
        final ClientSessions.ClientContext context, final Session session, final int offset, final int length)
    {
        final OrderCancelReplaceRequestDecoder decoder = replaceRequest;
        if (!decodedAndValid(decoder, session, offset, length, "G") ||
            !supportedSide(decoder.side(), decoder, session, "G"))
        {
            return true;
        }

        final ReplaceOrderCommand command = replace.reset();
        command.clientId = context.clientId();
        command.sessionSequenceIndex = sessionSequenceIndex;
        command.msgSeqNum = msgSeqNum;
        command.clOrdId.append(decoder.clOrdID(), 0, decoder.clOrdIDLength());
        command.origClOrdId.append(decoder.origClOrdID(), 0, decoder.origClOrdIDLength());
        if (decoder.hasOrderID())
        {
            command.orderId.append(decoder.orderID(), 0, decoder.orderIDLength());
        }
        command.symbol.append(decoder.symbol(), 0, decoder.symbolLength());
        command.transactTimeNanos = transactTime(decoder.transactTime(), decoder.transactTimeLength());
        command.side = Side.fromFix(decoder.side());
        command.ordType = OrdType.fromFix(decoder.ordType());
        // absent on a replace: the order keeps its time in force
        command.timeInForce = decoder.hasTimeInForce() ? TimeInForce.fromFix(decoder.timeInForce()) : null;
        command.edgeReject = orderShapeReject(
            command.ordType, decoder.hasTimeInForce() ? command.timeInForce : TimeInForce.DAY);
        copyCarriedFields(context, offset, length, command.customFields);

        final Instrument instrument = instruments.bySymbol(decoder.symbol(), decoder.symbolLength());
        if (instrument == null)
        {
            // the order's symbol may not change; the OMS answers ORDER_MISMATCH / UNKNOWN_ORDER
            command.qty = 0;
        }
        else if (command.edgeReject == OrderRejectReason.NONE)
        {
            command.edgeReject = scaleQtyAndPrice(
                instrument, decoder.hasOrderQty() ? decoder.orderQty() : null,
                decoder.hasPrice() ? decoder.price() : null, command.ordType);
            command.qty = scaledQty;
            command.price = scaledPrice;
            if (command.edgeReject == OrderRejectReason.NONE)
            {
                command.edgeReject = routingReject(
                    instrument, command.qty, command.customFields, session, command.clOrdId);
            }
        }
        return offered(orderEntry.replaceOrder(command), session, command.clOrdId);
    }

    private boolean onCancelRequest(
        final ClientSessions.ClientContext context, final Session session, final int offset, final int length)
    {
        final OrderCancelRequestDecoder decoder = cancelRequest;
        if (!decodedAndValid(decoder, session, offset, length, "F") ||
            !supportedSide(decoder.side(), decoder, session, "F"))
        {
            return true;
        }

        final CancelOrderCommand command = cancel.reset();
        command.clientId = context.clientId();
        command.sessionSequenceIndex = sessionSequenceIndex;
        command.msgSeqNum = msgSeqNum;
        command.clOrdId.append(decoder.clOrdID(), 0, decoder.clOrdIDLength());
        command.origClOrdId.append(decoder.origClOrdID(), 0, decoder.origClOrdIDLength());
        if (decoder.hasOrderID())
        {
            command.orderId.append(decoder.orderID(), 0, decoder.orderIDLength());
        }
        command.symbol.append(decoder.symbol(), 0, decoder.symbolLength());
        command.side = Side.fromFix(decoder.side());
        command.transactTimeNanos = transactTime(decoder.transactTime(), decoder.transactTimeLength());
        return offered(orderEntry.cancelOrder(command), session, command.clOrdId);
    }

    private boolean onStatusRequest(
        final ClientSessions.ClientContext context, final Session session, final int offset, final int length)
    {
        final OrderStatusRequestDecoder decoder = statusRequest;
        if (!decodedAndValid(decoder, session, offset, length, "H") ||
            !supportedSide(decoder.side(), decoder, session, "H"))
        {
            return true;
        }

        final OrderStatusCommand command = status.reset();
        command.clientId = context.clientId();
        command.sessionSequenceIndex = sessionSequenceIndex;
        command.msgSeqNum = msgSeqNum;
        command.clOrdId.append(decoder.clOrdID(), 0, decoder.clOrdIDLength());
        if (decoder.hasOrderID())
        {
            command.orderId.append(decoder.orderID(), 0, decoder.orderIDLength());
        }
        if (decoder.hasOrdStatusReqID())
        {
            command.statusReqId.append(decoder.ordStatusReqID(), 0, decoder.ordStatusReqIDLength());
        }
        command.symbol.append(decoder.symbol(), 0, decoder.symbolLength());
        command.side = Side.fromFix(decoder.side());
        return offered(orderEntry.orderStatus(command), session, command.clOrdId);
    }

    /**
     * The kill switch from a FIX session: rare, so a request object is allocated; it goes to the ops desk on
     * another thread (halts, files, audit, alerts), which answers with an OrderMassCancelReport later.
     */
    private boolean onMassCancelRequest(
        final ClientSessions.ClientContext context, final Session session, final int offset, final int length)
    {
        final OrderMassCancelRequestDecoder decoder = massCancelRequest;
        if (!decodedAndValid(decoder, session, offset, length, "q"))
        {
            return true;
        }
        final KillSwitchRequest request = new KillSwitchRequest(
            context.clientId(), context.config.clientCompId(), context.config.ops(), decoder.clOrdIDAsString(),
            decoder.massCancelRequestType(), decoder.hasSymbol() ? decoder.symbolAsString() : null,
            decoder.hasKillSwitchLevel() ? decoder.killSwitchLevel() : KillSwitchRequest.NO_LEVEL,
            decoder.hasKillSwitchTarget() ? decoder.killSwitchTargetAsString() : null,
            decoder.hasKillSwitchRelease() && decoder.killSwitchRelease());
        LOG.info("event=kill_switch_requested client={} clOrdId={} type={} level={} target={} symbol={} release={}",
            context.config, request.clOrdId(), request.massCancelRequestType(),
            request.level() == KillSwitchRequest.NO_LEVEL ? "-" : String.valueOf(request.level()), request.target(),
            request.symbol(), request.release());
        killSwitchRequests.onKillSwitchRequest(request);
        return true;
    }

    private static OrderRejectReason orderShapeReject(final OrdType ordType, final TimeInForce tif)
    {
        if (ordType == null)
        {
            return OrderRejectReason.UNSUPPORTED_ORD_TYPE;
        }
        if (tif == null)
        {
            return OrderRejectReason.UNSUPPORTED_TIME_IN_FORCE;
        }
        return OrderRejectReason.NONE;
    }

    private long scaledQty;
    private long scaledPrice;

    /** Sets {@link #scaledQty}/{@link #scaledPrice}; returns why they are unacceptable, or NONE. */
    private OrderRejectReason scaleQtyAndPrice(
        final Instrument instrument, final ReadOnlyDecimalFloat qty, final ReadOnlyDecimalFloat price,
        final OrdType ordType)
    {
        scaledQty = 0;
        scaledPrice = 0;
        if (qty == null)
        {
            return OrderRejectReason.MISSING_FIELD;
        }
        scaledQty = Decimals.toScaled(qty, instrument.qtyScale());
        if (scaledQty == Decimals.NOT_REPRESENTABLE)
        {
            scaledQty = 0;
            return OrderRejectReason.QTY_PRECISION;
        }
        if (ordType == OrdType.LIMIT && price != null)
        {
            scaledPrice = Decimals.toScaled(price, instrument.priceScale());
            if (scaledPrice == Decimals.NOT_REPRESENTABLE)
            {
                scaledPrice = 0;
                return OrderRejectReason.PRICE_PRECISION;
            }
        }
        return OrderRejectReason.NONE;
    }

    /**
     * Reads the order's routing tags (carried in its customFields) as the router will: instructions it could not
     * follow are refused here, the reason logged. Unknown venue names are left to the router, which knows the venues.
     */
    private OrderRejectReason routingReject(
        final Instrument instrument, final long qty, final CharSequence customFields, final Session session,
        final CharSequence clOrdId)
    {
        if (routing.parse(customFields, instrument.qtyScale(), qty) == RoutingInstructionError.NONE)
        {
            return OrderRejectReason.NONE;
        }
        LOG.warn("event=routing_instruction_invalid sessionId={} clOrdId={} error={} tag={}",
            session.id(), clOrdId, routing.error(), routing.errorTag());
        return OrderRejectReason.INVALID_ROUTING_INSTRUCTION;
    }

    private long transactTime(final byte[] bytes, final int length)
    {
        if (length <= 0)
        {
            return 0;
        }
        final long millis = timestampDecoder.decode(bytes, length);
        return millis == Long.MIN_VALUE ? 0 : TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Decodes into the reused decoder; a message that fails validation is answered with a Reject. */
    private boolean decodedAndValid(
        final Decoder decoder, final Session session, final int offset, final int length, final String msgType)
    {
        decoder.reset();
        decoder.decode(asciiBuffer, offset, length);
        if (!decoder.validate())
        {
            sendReject(session, decoder, msgType, decoder.invalidTagId(), decoder.rejectReason());
            return false;
        }
        return true;
    }

    /** Sides other than Buy, Sell and Sell short are not in Meridian's dictionary: value incorrect. */
    private boolean supportedSide(final char side, final Decoder decoder, final Session session, final String msgType)
    {
        if (Side.fromFix(side) == null)
        {
            sendReject(session, decoder, msgType, 54, 5);
            return false;
        }
        return true;
    }

    private void sendReject(
        final Session session, final Decoder decoder, final String refMsgType, final int tag, final int reason)
    {
        reject.reset();
        reject.refSeqNum(decoder.header().msgSeqNum())
            .refMsgType(refMsgType)
            .text(rejectText(reason, tag));
        // FIX 4.2 defines SessionRejectReason 0..11 only
        if (reason <= 11 || !ClientSessionConfig.FIX_4_2.equals(session.beginString()))
        {
            reject.sessionRejectReason(reason);
        }
        if (tag > 0)
        {
            reject.refTagID(tag);
        }
        if (trySend(session, reject))
        {
            metrics.sessionRejectsSent.incrementAndGet();
        }
        LOG.warn("event=message_rejected sessionId={} msgType={} seqNum={} tag={} reason={}",
            session.id(), refMsgType, decoder.header().msgSeqNum(), tag, reason);
    }

    private static String rejectText(final int reason, final int tag)
    {
        switch (reason)
        {
            case 0: return "Invalid tag number " + tag;
            case 1: return "Required tag missing " + tag;
            case 2: return "Tag not defined for this message type " + tag;
            case 4: return "Tag specified without a value " + tag;
            case 5: return "Value is incorrect (out of range) for this tag " + tag;
            case 6: return "Incorrect data format for value " + tag;
            case 11: return "Invalid MsgType";
            case 13: return "Tag appears more than once " + tag;
            default: return "Invalid message, tag " + tag;
        }
    }

    private void rejectUnparseable(final Session session, final int offset, final int length, final Exception e)
    {
        final int msgTypeLength = msgTypeOf(offset, length);
        reject.reset();
        reject.refMsgType(msgTypeChars, msgTypeLength)
            .sessionRejectReason(6)
            .text("Incorrect data format: " + e.getMessage());
        final int seqNum = seqNumOf(offset, length);
        reject.refSeqNum(seqNum);
        if (trySend(session, reject))
        {
            metrics.sessionRejectsSent.incrementAndGet();
        }
        LOG.warn("event=message_unparseable sessionId={} seqNum={} error=\"{}\"", session.id(), seqNum, e.toString());
    }

    private void rejectUnsupported(final Session session, final int offset, final int length)
    {
        final int msgTypeLength = msgTypeOf(offset, length);
        businessReject.reset();
        ReverseRoute.apply(businessReject.header(), asciiBuffer, offset, length);
        businessReject.refMsgType(msgTypeChars, msgTypeLength)
            .businessRejectReason(3)
            .text("Unsupported message type");
        final int seqNum = seqNumOf(offset, length);
        if (seqNum > 0)
        {
            businessReject.refSeqNum(seqNum);
        }
        if (trySend(session, businessReject))
        {
            metrics.businessRejectsSent.incrementAndGet();
        }
        LOG.warn("event=unsupported_message sessionId={} msgType={}", session.id(),
            new String(msgTypeChars, 0, msgTypeLength));
    }

    private boolean offered(final boolean accepted, final Session session, final CharSequence clOrdId)
    {
        if (!accepted)
        {
            metrics.commandsRefused.incrementAndGet();
            LOG.warn("event=command_back_pressured sessionId={} clOrdId={}", session.id(), clOrdId);
        }
        return accepted;
    }

    void whileBackPressured(final Runnable whileBackPressured)
    {
        this.whileBackPressured = whileBackPressured;
    }

    private boolean trySend(final Session session, final uk.co.real_logic.artio.builder.Encoder encoder)
    {
        // one set of session-message encoders for every version: the fields are the same
        encoder.header().beginString(session.beginString());
        final long sendDeadlineNs = System.nanoTime() + SEND_TIMEOUT_NS;
        do
        {
            if (session.trySend(encoder) > 0)
            {
                return true;
            }
            whileBackPressured.run();
        }
        while (System.nanoTime() < sendDeadlineNs);
        LOG.error("event=session_send_failed sessionId={}", session.id());
        return false;
    }

    /**
     * Copies, raw and in message order, the fields the client's configuration carries to the venue and the routing
     * tags (for the router: the venue side leaves them out).
     */
    private void copyCarriedFields(
        final ClientSessions.ClientContext context, final int offset, final int length, final StringBuilder into)
    {
        CarriedFields.copy(asciiBuffer, offset, length, context.carryTags, into);
    }

    /** Copies tag 35's value into {@link #msgTypeChars}; returns its length. */
    private int msgTypeOf(final int offset, final int length)
    {
        final int valueStart = valueOf(35, offset, length);
        if (valueStart < 0)
        {
            return 0;
        }
        int i = 0;
        final int end = offset + length;
        for (int index = valueStart; index < end && i < msgTypeChars.length; index++)
        {
            final byte b = asciiBuffer.getByte(index);
            if (b == 1)
            {
                break;
            }
            msgTypeChars[i++] = (char)b;
        }
        return i;
    }

    private int seqNumOf(final int offset, final int length)
    {
        final int valueStart = valueOf(34, offset, length);
        if (valueStart < 0)
        {
            return 0;
        }
        int value = 0;
        final int end = offset + length;
        for (int index = valueStart; index < end; index++)
        {
            final byte b = asciiBuffer.getByte(index);
            if (b < '0' || b > '9')
            {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** Index of the first byte of the value of {@code tag}, or -1. */
    private int valueOf(final int tag, final int offset, final int length)
    {
        final int end = offset + length;
        int fieldStart = offset;
        while (fieldStart < end)
        {
            int parsedTag = 0;
            int index = fieldStart;
            byte b;
            while (index < end && (b = asciiBuffer.getByte(index)) != '=')
            {
                parsedTag = parsedTag * 10 + (b - '0');
                index++;
            }
            if (parsedTag == tag)
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
}
