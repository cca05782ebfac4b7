package io.meridian.oms;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.FillListener;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderStateListener;
import io.meridian.oms.api.ParentOrders;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.PreTradeCheck;
import io.meridian.oms.api.PreTradeRequest;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.ErrorHandler;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2ObjectHashMap;
import org.agrona.collections.ObjectHashSet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order state machine: applies sequenced inputs to the orders and emits client reports and
 * child orders. Single-threaded (the sequencer). Its state depends only on the inputs and on the
 * outcomes of the external decisions it takes (risk check, venue connected, venue send accepted),
 * which are reported through {@link #outcome()} so the journal can record them and a replay takes
 * the same decisions without asking again. See docs/order-lifecycle.md for the rules.
 */
final class OrderStateMachine
{
    static final int RISK_MASK = 0xFF;
    static final int RISK_RECORDED = 1 << 8;
    static final int CONNECTED_RECORDED = 1 << 9;
    static final int CONNECTED = 1 << 10;
    static final int SEND_RECORDED = 1 << 11;
    static final int SEND_OK = 1 << 12;

    static final String NOT_CURRENT_TEXT = "OrigClOrdID is not the order's current ClOrdID";
    static final String UNKNOWN_ORDER_TEXT = "unknown order";

    private static final int SEND_NEW = 0;
    private static final int SEND_CANCEL = 1;
    private static final int SEND_REPLACE = 2;

    private final String orderIdPrefix;
    private final int maxOrders;
    private final InstrumentRegistry instruments;
    private final PreTradeCheck risk;
    private final ClientReports reports;
    private final VenueOrders venues;
    private final FillListener fills;
    private final OmsMetrics metrics;
    private final ErrorHandler errorHandler;

    private final Long2ObjectHashMap<Order> ordersByNumber;
    /** a routed order's routing instructions (its new order's carried fields), by order number: few orders have them */
    private final Long2ObjectHashMap<String> routingFields = new Long2ObjectHashMap<>();
    /** every ClOrdID ever received per client, to the order it named (NO_ORDER when none) */
    private final Object2ObjectHashMap<IdKey, Order> clOrdIds;
    /** venue trade ids of fills applied since the last day roll, and of the day before it */
    private ObjectHashSet<IdKey> venueExecIds;
    private ObjectHashSet<IdKey> previousVenueExecIds;
    private final IdKey lookupKey = new IdKey();
    private final Order noOrder;

    private final ExecutionReport executionReport = new ExecutionReport();
    private final CancelReject cancelReject = new CancelReject();
    private final VenueOrder venueOrder = new VenueOrder();
    private final PreTradeRequest preTradeRequest = new PreTradeRequest();
    /** the dialect fields of the venue execution being applied, copied onto the reports it causes */
    private CharSequence venueCustomFields;

    private long lastOrderNumber;
    private long lastExecId;
    private int storedOrders;
    private boolean[] venueSessionUp = new boolean[16];
    private boolean[] venueSessionKnown = new boolean[16];

    private boolean replaying;
    private int recordedOutcome;
    private int outcome;
    private int resolvedChild;
    private OrderStateListener stateListener = OrderStateListener.NONE;
    /** the order the input being applied changed, reported to the state listener once applied */
    private Order touched;
    /** the parent order a child's fill filled in the same input */
    private Order touchedParent;
    /** {@code 30=<venue name><SOH>} by venue id: the LastMkt of a parent's fill names its child's venue */
    private final String[] lastMarketFields;
    private final VenueExecution parentFill = new VenueExecution();
    private final StringBuilder parentFillFields = new StringBuilder(32);

    OrderStateMachine(
        final String orderIdPrefix, final int maxOrders, final InstrumentRegistry instruments, final PreTradeCheck risk,
        final ClientReports reports, final VenueOrders venues, final FillListener fills, final OmsMetrics metrics,
        final ErrorHandler errorHandler, final List<String> venueNames)
    {
        lastMarketFields = new String[venueNames.size()];
        for (int i = 0; i < lastMarketFields.length; i++)
        {
            lastMarketFields[i] = "30=" + venueNames.get(i) + '\u0001';
        }
        this.orderIdPrefix = orderIdPrefix;
        this.maxOrders = maxOrders;
        this.instruments = instruments;
        this.risk = risk;
        this.reports = reports;
        this.venues = venues;
        this.fills = fills;
        this.metrics = metrics;
        this.errorHandler = errorHandler;
        ordersByNumber = new Long2ObjectHashMap<>(maxOrders, 0.65f);
        clOrdIds = new Object2ObjectHashMap<>(maxOrders, 0.65f);
        venueExecIds = new ObjectHashSet<>(Math.min(maxOrders, 1 << 20), 0.65f);
        previousVenueExecIds = new ObjectHashSet<>(Math.min(maxOrders, 1 << 20), 0.65f);
        noOrder = new Order(0, "NONE", 0, "", "", null, "", null, null, null, 0, 0, 0);
        noOrder.base = OrdStatus.REJECTED;
    }

    /** Starts applying one input; {@code recorded} is the journaled outcome when replaying. */
    void begin(final boolean replaying, final int recorded)
    {
        this.replaying = replaying;
        this.recordedOutcome = recorded;
        this.outcome = 0;
        this.touched = null;
        this.touchedParent = null;
    }

    void stateListener(final OrderStateListener listener)
    {
        this.stateListener = listener;
    }

    /** Tells the state listener of the order the last input changed; call after it was applied. */
    void publishTouched()
    {
        final Order o = touched;
        if (o != null)
        {
            touched = null;
            stateListener.onOrderUpdated(o);
        }
        final Order parent = touchedParent;
        if (parent != null)
        {
            touchedParent = null;
            stateListener.onOrderUpdated(parent);
        }
    }

    /** @return the external decisions taken while applying the last input, 0 when none. */
    int outcome()
    {
        return outcome;
    }

    // ------------------------------------------------------------------------------------ new order

    void onNewOrder(final NewOrderCommand c, final long nowNanos)
    {
        metrics.commandIn();
        metrics.newOrderIn();
        final long number = ++lastOrderNumber;
        final Instrument instrument = c.instrumentId >= 0 ? instruments.byId(c.instrumentId) : null;
        final boolean hasClOrdId = c.clOrdId.length() > 0;
        final boolean duplicate = hasClOrdId && clOrdIds.containsKey(lookupKey.set(c.clientId, c.clOrdId));
        final String clOrdId = c.clOrdId.toString();
        final Order o = new Order(
            number, orderIdPrefix + number, c.clientId, clOrdId, c.account.toString(), instrument,
            instrument != null ? instrument.symbol() : c.symbol.toString(), c.side, c.ordType,
            c.timeInForce != null ? c.timeInForce : TimeInForce.DAY, c.qty, c.price, nowNanos);
        o.riskAccountId = instrument != null ? risk.accountId(o.account) : -1;
        o.createdLive = !replaying;
        if (instrument != null && instrument.routed() && c.customFields.length() > 0)
        {
            routingFields.put(number, c.customFields.toString());
        }
        final boolean routerChild = c.clientId == ParentOrders.ROUTER_CLIENT_ID;

        OrderRejectReason reason = OrderRejectReason.NONE;
        if (c.edgeReject != OrderRejectReason.NONE)
        {
            reason = c.edgeReject;
        }
        else if (duplicate)
        {
            reason = OrderRejectReason.DUPLICATE_CLORDID;
        }
        else if (storedOrders >= maxOrders)
        {
            reason = OrderRejectReason.CAPACITY;
        }
        else if (instrument == null)
        {
            reason = OrderRejectReason.UNKNOWN_SYMBOL;
        }
        else if (c.side == null || c.ordType == null)
        {
            reason = OrderRejectReason.MISSING_FIELD;
        }
        else if (routerChild && parentOf(c.clOrdId, instrument, c.side) == null)
        {
            reason = OrderRejectReason.NOT_A_CHILD_ORDER;
        }
        else
        {
            final PreTradeRequest request = preTradeRequest.set(
                c.clientId, o.riskAccountId, instrument, c.side, c.ordType, c.qty, c.price, nowNanos);
            request.routedChild = routerChild;
            reason = preTradeCheck(request);
            if (reason == OrderRejectReason.NONE && !venueConnected(o.venueId))
            {
                reason = OrderRejectReason.VENUE_UNAVAILABLE;
            }
        }

        if (reason != OrderRejectReason.CAPACITY && storedOrders < maxOrders)
        {
            ordersByNumber.put(number, o);
            storedOrders++;
            o.stored = true;
            touched = o;
            if (hasClOrdId && !duplicate)
            {
                clOrdIds.put(lookupKey.set(c.clientId, c.clOrdId).copy(clOrdId), o);
            }
        }

        if (reason != OrderRejectReason.NONE)
        {
            reject(o, reason, reason.text(), nowNanos);
            return;
        }

        o.base = OrdStatus.PENDING_NEW;
        o.leavesQty = o.orderQty;
        o.lastChild = 1;
        o.currentChild = 1;
        executionReport(o, ExecType.PENDING_NEW, o.clOrdId, null, nowNanos);

        final VenueOrder child = venueOrder(o, 1, 0, o.orderQty, o.price, o.ordType, o.timeInForce, nowNanos);
        child.customFields.append(c.customFields);
        if (!send(SEND_NEW, child))
        {
            reject(o, OrderRejectReason.VENUE_SEND_FAILED, OrderRejectReason.VENUE_SEND_FAILED.text(), nowNanos);
        }
    }

    private void reject(final Order o, final OrderRejectReason reason, final String text, final long nowNanos)
    {
        o.base = OrdStatus.REJECTED;
        o.rejectReason = reason;
        o.text = text;
        o.leavesQty = 0;
        o.updatedNanos = nowNanos;
        metrics.reject(reason);
        executionReport(o, ExecType.REJECTED, o.clOrdId, null, nowNanos);
    }

    // ------------------------------------------------------------------------------------ cancel

    void onCancel(final CancelOrderCommand c, final long nowNanos)
    {
        metrics.commandIn();
        final Order o = checkCancelOrReplace(
            c.clientId, c.clOrdId, c.origClOrdId, c.orderId, c.symbol, c.side, false, nowNanos);
        if (o == null)
        {
            return;
        }
        if (!venueConnected(o.venueId))
        {
            rejectCancel(c.clientId, o, c.clOrdId, c.origClOrdId, false, CancelRejectReason.VENUE_UNAVAILABLE, null);
            return;
        }

        final String origClOrdId = o.clOrdId;
        o.pending = Order.PENDING_CANCEL;
        o.pendingClOrdId = registeredClOrdId;
        o.pendingChild = ++o.lastChild;
        o.updatedNanos = nowNanos;
        executionReport(o, ExecType.PENDING_CANCEL, o.pendingClOrdId, origClOrdId, nowNanos);

        final VenueOrder cancel = venueOrder(
            o, o.pendingChild, o.currentChild, o.orderQty, o.price, o.ordType, o.timeInForce, nowNanos);
        if (!send(SEND_CANCEL, cancel))
        {
            final String pendingClOrdId = o.pendingClOrdId;
            o.clearPending();
            rejectCancel(c.clientId, o, pendingClOrdId, origClOrdId, false, CancelRejectReason.VENUE_UNAVAILABLE, null);
        }
    }

    // ------------------------------------------------------------------------------------ mass cancel

    /**
     * Cancels every open order in scope at its venue (kill switch, venue halt): unsolicited for the
     * client, which sees PendingCancel then Canceled with its order's own ClOrdID. Orders already
     * pending a cancel are in flight already; orders whose venue is down stay open and in flight.
     */
    void onMassCancel(
        final io.meridian.oms.model.MassCancelScope scope, final int id, final CharSequence account, final long nowNanos)
    {
        metrics.commandIn();
        if (scope == null)
        {
            metrics.anomaly();
            return;
        }
        for (long n = 1; n <= lastOrderNumber; n++)
        {
            final Order o = ordersByNumber.get(n);
            if (o == null || o.isTerminal() || o.pending == Order.PENDING_CANCEL || !inScope(o, scope, id, account) ||
                !venueConnected(o.venueId))
            {
                continue;
            }
            if (o.pending != Order.NO_PENDING)
            {
                // a replace in flight: cancel what it leaves when it is answered (a later mass cancel)
                continue;
            }
            o.pending = Order.PENDING_CANCEL;
            o.pendingClOrdId = o.clOrdId;
            o.pendingChild = ++o.lastChild;
            o.updatedNanos = nowNanos;
            executionReport(o, ExecType.PENDING_CANCEL, o.clOrdId, null, nowNanos);
            final VenueOrder cancel = venueOrder(
                o, o.pendingChild, o.currentChild, o.orderQty, o.price, o.ordType, o.timeInForce, nowNanos);
            if (!send(SEND_CANCEL, cancel))
            {
                o.clearPending();
            }
        }
    }

    private static boolean inScope(
        final Order o, final io.meridian.oms.model.MassCancelScope scope, final int id, final CharSequence account)
    {
        switch (scope)
        {
            case VENUE: return o.venueId == id;
            case INSTRUMENT: return o.instrument.id() == id;
            case CLIENT: return o.clientId == id;
            case ACCOUNT: return account.length() > 0 && o.account != null && o.account.contentEquals(account);
            default: return true;
        }
    }

    // ------------------------------------------------------------------------------------ replace

    void onReplace(final ReplaceOrderCommand c, final long nowNanos)
    {
        metrics.commandIn();
        final Order o = checkCancelOrReplace(
            c.clientId, c.clOrdId, c.origClOrdId, c.orderId, c.symbol, c.side, true, nowNanos);
        if (o == null)
        {
            return;
        }
        final OrdType ordType = c.ordType != null ? c.ordType : o.ordType;
        final TimeInForce timeInForce = c.timeInForce != null ? c.timeInForce : o.timeInForce;
        OrderRejectReason reason = c.edgeReject;
        if (reason == OrderRejectReason.NONE && c.qty <= o.cumQty)
        {
            reason = OrderRejectReason.REPLACE_QTY_BELOW_CUM_QTY;
        }
        if (reason == OrderRejectReason.NONE)
        {
            final PreTradeRequest request = preTradeRequest.set(
                o.clientId, o.riskAccountId, o.instrument, o.side, ordType, c.qty, c.price, nowNanos);
            request.replace = true;
            request.replacedOpenQty = o.riskOpenQty;
            request.cumQty = o.cumQty;
            reason = preTradeCheck(request);
        }
        if (reason != OrderRejectReason.NONE)
        {
            rejectCancel(
                c.clientId, o, c.clOrdId, c.origClOrdId, true, CancelRejectReason.REPLACE_REJECTED, reason.text());
            return;
        }
        if (!venueConnected(o.venueId))
        {
            rejectCancel(c.clientId, o, c.clOrdId, c.origClOrdId, true, CancelRejectReason.VENUE_UNAVAILABLE, null);
            return;
        }

        final String origClOrdId = o.clOrdId;
        o.pending = Order.PENDING_REPLACE;
        o.pendingClOrdId = registeredClOrdId;
        o.pendingChild = ++o.lastChild;
        o.pendingQty = c.qty;
        o.pendingPrice = c.price;
        o.pendingOrdType = ordType;
        o.pendingTimeInForce = timeInForce;
        o.updatedNanos = nowNanos;
        executionReport(o, ExecType.PENDING_REPLACE, o.pendingClOrdId, origClOrdId, nowNanos);

        final VenueOrder replace = venueOrder(
            o, o.pendingChild, o.currentChild, c.qty, c.price, ordType, timeInForce, nowNanos);
        replace.customFields.append(c.customFields);
        if (!send(SEND_REPLACE, replace))
        {
            final String pendingClOrdId = o.pendingClOrdId;
            o.clearPending();
            rejectCancel(c.clientId, o, pendingClOrdId, origClOrdId, true, CancelRejectReason.VENUE_UNAVAILABLE, null);
        }
    }

    private String registeredClOrdId;

    /**
     * The checks common to cancel and replace, in order: duplicate ClOrdID, unknown order, not the
     * current ClOrdID, OrderID mismatch, side/symbol mismatch, order done, already pending.
     *
     * @return the order when all pass (its new ClOrdID is in {@link #registeredClOrdId}), else
     * null after answering the client.
     */
    private Order checkCancelOrReplace(
        final int clientId, final StringBuilder clOrdId, final StringBuilder origClOrdId, final StringBuilder orderId,
        final StringBuilder symbol, final Side side, final boolean replace, final long nowNanos)
    {
        Order o = origClOrdId.length() > 0 ? clOrdIds.get(lookupKey.set(clientId, origClOrdId)) : null;
        if (o == noOrder)
        {
            o = null;
        }
        final boolean hasClOrdId = clOrdId.length() > 0;
        if (hasClOrdId && clOrdIds.containsKey(lookupKey.set(clientId, clOrdId)))
        {
            rejectCancel(clientId, o, clOrdId, origClOrdId, replace, CancelRejectReason.DUPLICATE_CLORDID, null);
            return null;
        }
        registeredClOrdId = clOrdId.toString();
        if (hasClOrdId)
        {
            clOrdIds.put(lookupKey.set(clientId, clOrdId).copy(registeredClOrdId), o != null ? o : noOrder);
        }
        if (o == null)
        {
            rejectCancel(clientId, null, clOrdId, origClOrdId, replace, CancelRejectReason.UNKNOWN_ORDER, null);
            return null;
        }
        if (!o.clOrdId.contentEquals(origClOrdId))
        {
            rejectCancel(clientId, o, clOrdId, origClOrdId, replace, CancelRejectReason.UNKNOWN_ORDER, NOT_CURRENT_TEXT);
            return null;
        }
        if ((orderId.length() > 0 && !o.orderId.contentEquals(orderId)) ||
            (side != null && side != o.side) ||
            (symbol.length() > 0 && !o.symbol.contentEquals(symbol)))
        {
            rejectCancel(clientId, o, clOrdId, origClOrdId, replace, CancelRejectReason.ORDER_MISMATCH, null);
            return null;
        }
        if (o.isTerminal())
        {
            rejectCancel(clientId, o, clOrdId, origClOrdId, replace, CancelRejectReason.TOO_LATE_TO_CANCEL, null);
            return null;
        }
        if (o.pending != Order.NO_PENDING)
        {
            rejectCancel(clientId, o, clOrdId, origClOrdId, replace, CancelRejectReason.ALREADY_PENDING, null);
            return null;
        }
        touched = o;
        return o;
    }

    // ------------------------------------------------------------------------------------ status

    void onStatus(final OrderStatusCommand c, final long nowNanos)
    {
        metrics.commandIn();
        if (c.isAllOpenOrders())
        {
            restateOpenOrders(c.clientId, nowNanos);
            return;
        }
        Order o = null;
        if (c.clOrdId.length() > 0)
        {
            o = clOrdIds.get(lookupKey.set(c.clientId, c.clOrdId));
            if (o == noOrder)
            {
                o = null;
            }
            if (o != null && c.orderId.length() > 0 && !o.orderId.contentEquals(c.orderId))
            {
                o = null;
            }
        }
        else if (c.orderId.length() > 0)
        {
            o = byOrderId(c.orderId);
            if (o != null && o.clientId != c.clientId)
            {
                o = null;
            }
        }

        final ExecutionReport r = executionReport.reset();
        r.clientId = c.clientId;
        nextExecId(r.execId);
        r.statusReqId.append(c.statusReqId);
        r.execType = ExecType.ORDER_STATUS;
        r.transactTimeNanos = nowNanos;
        if (o == null)
        {
            r.orderId.append("NONE");
            r.clOrdId.append(c.clOrdId);
            r.symbol.append(c.symbol);
            r.side = c.side;
            r.ordStatus = OrdStatus.REJECTED;
            r.text.append(UNKNOWN_ORDER_TEXT);
        }
        else
        {
            fillOrderFields(r, o);
            r.clOrdId.append(c.clOrdId.length() > 0 ? c.clOrdId : o.clOrdId);
            r.rejectReason = o.rejectReason;
            r.text.append(o.text);
        }
        emit(o, r);
    }

    /** One status report (ExecType I) per open order of the client, oldest first. */
    private void restateOpenOrders(final int clientId, final long nowNanos)
    {
        for (long n = 1; n <= lastOrderNumber; n++)
        {
            final Order o = ordersByNumber.get(n);
            if (o == null || o.clientId != clientId || o.isTerminal())
            {
                continue;
            }
            final ExecutionReport r = executionReport.reset();
            r.clientId = clientId;
            nextExecId(r.execId);
            r.execType = ExecType.ORDER_STATUS;
            r.transactTimeNanos = nowNanos;
            fillOrderFields(r, o);
            r.clOrdId.append(o.clOrdId);
            r.rejectReason = o.rejectReason;
            r.text.append(o.text);
            emit(o, r);
        }
    }

    // ------------------------------------------------------------------------------------ venue events

    void onVenueExecution(final VenueExecution e, final long nowNanos)
    {
        venueCustomFields = e.customFields;
        try
        {
            applyVenueExecution(e, nowNanos);
        }
        finally
        {
            venueCustomFields = null;
        }
    }

    private void applyVenueExecution(final VenueExecution e, final long nowNanos)
    {
        metrics.venueEventIn();
        Order o = resolveVenueClOrdId(e.venueId, e.clOrdId);
        if (o == null)
        {
            o = resolveVenueClOrdId(e.venueId, e.origClOrdId);
        }
        if (o == null || e.execType == null)
        {
            metrics.unknownVenueEvent();
            if (e.execType != null)
            {
                stateListener.onVenueReport(null, e);
                if (e.execType == ExecType.TRADE)
                {
                    unknownOrderFill(e);
                }
            }
            return;
        }
        touched = o;
        stateListener.onVenueReport(o, e);
        if (e.venueOrderId.length() > 0 && !o.venueOrderId.contentEquals(e.venueOrderId))
        {
            o.venueOrderId = e.venueOrderId.toString();
            o.updatedNanos = nowNanos;
        }

        switch (e.execType)
        {
            case NEW:
                if (o.base == OrdStatus.PENDING_NEW)
                {
                    if (o.createdLive && !replaying)
                    {
                        metrics.venueAck(o.venueId, nowNanos - o.createdNanos);
                    }
                    o.base = OrdStatus.NEW;
                    o.updatedNanos = nowNanos;
                    executionReport(o, ExecType.NEW, o.clOrdId, null, nowNanos);
                }
                break;

            case TRADE:
                onTrade(o, e, nowNanos);
                break;

            case CANCELED:
                venueCanceled(o, nowNanos);
                break;

            case EXPIRED:
                venueExpired(o, nowNanos);
                break;

            case REPLACED:
                if (o.pending != Order.PENDING_REPLACE || o.isTerminal())
                {
                    metrics.anomaly();
                }
                else
                {
                    final String origClOrdId = o.clOrdId;
                    o.clOrdId = o.pendingClOrdId;
                    o.currentChild = o.pendingChild;
                    o.orderQty = o.pendingQty;
                    o.price = o.pendingPrice;
                    o.ordType = o.pendingOrdType;
                    o.timeInForce = o.pendingTimeInForce;
                    o.clearPending();
                    o.leavesQty = Math.max(0, o.orderQty - o.cumQty);
                    o.base = o.cumQty == 0 ? OrdStatus.NEW :
                        o.leavesQty == 0 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
                    o.updatedNanos = nowNanos;
                    executionReport(o, ExecType.REPLACED, o.clOrdId, origClOrdId, nowNanos);
                }
                break;

            case REJECTED:
                if (o.base == OrdStatus.PENDING_NEW)
                {
                    reject(o, OrderRejectReason.VENUE_REJECTED,
                        e.text.length() > 0 ? e.text.toString() : OrderRejectReason.VENUE_REJECTED.text(), nowNanos);
                }
                else if (o.pending != Order.NO_PENDING && resolvedChild == o.pendingChild)
                {
                    // some venues refuse a cancel/replace with an ExecutionReport 150=8 instead of a 35=9:
                    // the order itself is still working
                    venueRefusedPending(o, e.text, nowNanos);
                }
                else
                {
                    metrics.anomaly();
                    if (!o.isTerminal())
                    {
                        unsolicitedCancel(o, nowNanos);
                    }
                }
                break;

            case ORDER_STATUS:
                onVenueStatus(o, e, nowNanos);
                break;

            default:
                // PENDING_* carry nothing we act on
                break;
        }
    }

    /**
     * A venue's answer to a status query (or an unsolicited status). Fills and cancels reach us as their
     * own reports (a FIX venue resends them after a reconnect, before answering the query), so a status
     * only settles what nothing else will: an order the venue acknowledges but we never saw acked, and
     * a request the venue never received.
     */
    private void onVenueStatus(final Order o, final VenueExecution e, final long nowNanos)
    {
        final boolean venueDoesNotKnow = e.ordStatus == OrdStatus.REJECTED;
        if (o.base == OrdStatus.PENDING_NEW && resolvedChild == o.currentChild)
        {
            if (venueDoesNotKnow)
            {
                reject(o, OrderRejectReason.NOT_RECEIVED_BY_VENUE, OrderRejectReason.NOT_RECEIVED_BY_VENUE.text(),
                    nowNanos);
            }
            else if (e.ordStatus != null && e.ordStatus != OrdStatus.PENDING_NEW)
            {
                o.base = OrdStatus.NEW;
                o.updatedNanos = nowNanos;
                executionReport(o, ExecType.NEW, o.clOrdId, null, nowNanos);
            }
        }
        else if (o.pending != Order.NO_PENDING && resolvedChild == o.pendingChild && venueDoesNotKnow)
        {
            venueRefusedPending(o, "not received by the venue (lost at a restart or disconnect): send it again",
                nowNanos);
        }
        if (venueDoesNotKnow || o.isTerminal() || e.ordStatus == null ||
            (resolvedChild != o.currentChild && resolvedChild != o.pendingChild))
        {
            return;
        }
        // the venue's own record: what it did that its reports never brought us
        if (e.cumQty > o.cumQty && e.cumQty <= o.orderQty && e.lastPx > 0)
        {
            missedFillsFromStatus(o, e, nowNanos);
        }
        if (!o.isTerminal() && e.ordStatus == OrdStatus.CANCELED)
        {
            venueCanceled(o, nowNanos);
        }
        else if (!o.isTerminal() && e.ordStatus == OrdStatus.EXPIRED)
        {
            venueExpired(o, nowNanos);
        }
    }

    private void venueCanceled(final Order o, final long nowNanos)
    {
        if (o.isTerminal())
        {
            metrics.anomaly();
        }
        else if (o.pending == Order.PENDING_CANCEL)
        {
            // an operator's cancel keeps the order's ClOrdID: no OrigClOrdID, the client sent no request
            final String origClOrdId = o.pendingClOrdId.equals(o.clOrdId) ? null : o.clOrdId;
            o.clOrdId = o.pendingClOrdId;
            o.currentChild = o.pendingChild;
            o.clearPending();
            done(o, OrdStatus.CANCELED, nowNanos);
            executionReport(o, ExecType.CANCELED, o.clOrdId, origClOrdId, nowNanos);
        }
        else
        {
            unsolicitedCancel(o, nowNanos);
        }
    }

    private void venueExpired(final Order o, final long nowNanos)
    {
        if (o.isTerminal())
        {
            metrics.anomaly();
        }
        else
        {
            done(o, OrdStatus.EXPIRED, nowNanos);
            executionReport(o, ExecType.EXPIRED, o.clOrdId, null, nowNanos);
        }
    }

    private final VenueExecution statusFill = new VenueExecution();

    /**
     * What the venue's status says it executed beyond the fills its reports brought: booked as one fill
     * at the price that makes our average the venue's (AvgPx). A report the session received before a
     * kill -9 but the journal had not is never resent by the venue (the engine counted it), and a FIX
     * venue resends anything else before it answers a status query; so the difference is final. The
     * fill's id is {@code status:<venue order id>:<venue CumQty>}, once per level reached.
     */
    private void missedFillsFromStatus(final Order o, final VenueExecution e, final long nowNanos)
    {
        final long missing = e.cumQty - o.cumQty;
        // venue notional (AvgPx x CumQty) minus ours, over the missing quantity, in 128 bits
        final long venueHi = Math.multiplyHigh(e.lastPx, e.cumQty);
        final long venueLo = e.lastPx * e.cumQty;
        final long lo = venueLo - o.notionalLo;
        final long hi = venueHi - o.notionalHi - (Long.compareUnsigned(venueLo, o.notionalLo) < 0 ? 1 : 0);
        final long price = hi < 0 ? 0 : averagePrice(hi, lo, missing);
        if (price <= 0)
        {
            metrics.anomaly();
            return;
        }
        final VenueExecution fill = statusFill.reset();
        fill.venueId = e.venueId;
        fill.clOrdId.append(e.clOrdId);
        fill.venueOrderId.append(e.venueOrderId);
        fill.venueExecId.append("status:").append(e.venueOrderId).append(':').append(e.cumQty);
        fill.execType = ExecType.TRADE;
        fill.ordStatus = e.ordStatus;
        fill.lastQty = missing;
        fill.lastPx = price;
        fill.cumQty = e.cumQty;
        fill.leavesQty = e.leavesQty;
        fill.venueTimeNanos = e.venueTimeNanos;
        fill.receivedNanos = e.receivedNanos;
        onTrade(o, fill, nowNanos);
    }

    private void unsolicitedCancel(final Order o, final long nowNanos)
    {
        done(o, OrdStatus.CANCELED, nowNanos);
        executionReport(o, ExecType.CANCELED, o.clOrdId, null, nowNanos);
    }

    private void done(final Order o, final OrdStatus status, final long nowNanos)
    {
        o.base = status;
        o.leavesQty = 0;
        o.updatedNanos = nowNanos;
    }

    /**
     * A fill the venue reports for an order Meridian does not know: handed on for the ledger (which
     * keeps it once per venue trade id) and reconciliation; the order state is untouched.
     */
    private void unknownOrderFill(final VenueExecution e)
    {
        if (e.venueExecId.length() > 0 && e.lastQty > 0 && e.lastPx > 0)
        {
            stateListener.onFill(null, e, sequence);
        }
    }

    private long sequence;

    /** The local sequence number of the input being applied. */
    void sequence(final long sequence)
    {
        this.sequence = sequence;
    }

    private void onTrade(final Order o, final VenueExecution e, final long nowNanos)
    {
        final boolean hasExecId = e.venueExecId.length() > 0;
        if (hasExecId && (venueExecIds.contains(lookupKey.set(e.venueId, e.venueExecId)) ||
            previousVenueExecIds.contains(lookupKey)))
        {
            metrics.duplicateFillIgnored();
            return;
        }
        if (e.lastQty <= 0 || e.lastPx <= 0)
        {
            metrics.anomaly();
            return;
        }
        if (hasExecId)
        {
            venueExecIds.add(lookupKey.set(e.venueId, e.venueExecId).copy());
        }
        else
        {
            metrics.anomaly();
        }

        final boolean wasTerminal = o.isTerminal();
        o.cumQty += e.lastQty;
        addNotional(o, e.lastQty, e.lastPx);
        o.avgPx = averagePrice(o.notionalHi, o.notionalLo, o.cumQty);
        if (wasTerminal)
        {
            metrics.anomaly();
        }
        else
        {
            o.leavesQty = Math.max(0, o.orderQty - o.cumQty);
            o.base = o.leavesQty == 0 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
        }
        if (o.cumQty > o.orderQty)
        {
            metrics.overfill();
        }
        o.updatedNanos = nowNanos;
        metrics.fill();

        final ExecutionReport r = executionReport(o, ExecType.TRADE, o.clOrdId, null, e.lastQty, e.lastPx, nowNanos);
        emit(o, r);
        if (!o.instrument.routed())
        {
            // a parent's fill is its child's, which the fill listener and the store take at the child's venue
            fills.onFill(o.account, o.instrument, o.side, e.lastQty, e.lastPx, e.venueId, e.venueExecId);
            stateListener.onFill(o, e, sequence);
        }
        final boolean routerChild = o.clientId == ParentOrders.ROUTER_CLIENT_ID;
        if (!routerChild)
        {
            // risk counts a routed order once: as the parent
            risk.onFill(o.clientId, o.riskAccountId, o.instrument, o.side, e.lastQty, e.lastPx, nowNanos);
        }
        risk.onTrade(o.instrument, e.lastPx);
        if (routerChild)
        {
            fillParent(o, e, nowNanos);
        }
    }

    /**
     * A child's fill is its parent's in the same input: the parent's client sees it at once, with the
     * child's venue as LastMkt, and no crash can separate the two. Its trade id is the child's OrderID and
     * venue trade id, so it counts once like the child's.
     */
    private void fillParent(final Order child, final VenueExecution e, final long nowNanos)
    {
        // the parent a child was accepted for (its ClOrdID names it); gone only if it ended before its child did
        final int length = ParentOrders.parentOrderIdLength(child.firstClOrdId);
        final Order parent = length > 0 ? byOrderId(child.firstClOrdId, length) : null;
        if (parent == null)
        {
            metrics.anomaly();
            return;
        }
        final VenueExecution fill = parentFill.reset();
        fill.venueId = parent.venueId;
        parent.appendChildClOrdId(fill.clOrdId, parent.currentChild);
        fill.venueOrderId.append(parent.venueOrderId);
        fill.venueExecId.append(child.orderId).append(':').append(e.venueExecId);
        fill.execType = ExecType.TRADE;
        fill.lastQty = e.lastQty;
        fill.lastPx = e.lastPx;
        fill.venueTimeNanos = e.venueTimeNanos;
        fill.receivedNanos = e.receivedNanos;
        final CharSequence childFields = venueCustomFields;
        parentFillFields.setLength(0);
        if (child.venueId >= 0 && child.venueId < lastMarketFields.length)
        {
            parentFillFields.append(lastMarketFields[child.venueId]);
        }
        venueCustomFields = parentFillFields;
        try
        {
            onTrade(parent, fill, nowNanos);
        }
        finally
        {
            venueCustomFields = childFields;
        }
        touchedParent = parent;
    }

    /**
     * The working parent a router child's ClOrdID names ({@code <parent OrderID>.<n>}), of the child's
     * side and with the child's instrument among its legs; null when none.
     */
    private Order parentOf(final CharSequence childClOrdId, final Instrument leg, final Side side)
    {
        final int length = ParentOrders.parentOrderIdLength(childClOrdId);
        if (length <= 0 || leg == null)
        {
            return null;
        }
        final Order parent = byOrderId(childClOrdId, length);
        if (parent == null || parent.isTerminal() || parent.side != side || parent.instrument == null)
        {
            return null;
        }
        for (int i = 0; i < parent.instrument.legCount(); i++)
        {
            if (parent.instrument.leg(i) == leg.id())
            {
                return parent;
            }
        }
        return null;
    }

    void onVenueCancelReject(final VenueCancelReject r, final long nowNanos)
    {
        metrics.venueEventIn();
        final Order o = resolveVenueClOrdId(r.venueId, r.clOrdId);
        if (o == null || o.pending == Order.NO_PENDING || resolvedChild != o.pendingChild)
        {
            metrics.unknownVenueEvent();
            return;
        }
        venueRefusedPending(o, r.text, nowNanos);
    }

    private void venueRefusedPending(final Order o, final CharSequence venueText, final long nowNanos)
    {
        final boolean replace = o.pending == Order.PENDING_REPLACE;
        final String pendingClOrdId = o.pendingClOrdId;
        o.clearPending();
        o.updatedNanos = nowNanos;
        final CancelRejectReason reason = o.isTerminal() ?
            CancelRejectReason.TOO_LATE_TO_CANCEL : CancelRejectReason.VENUE_REJECTED;
        rejectCancel(o.clientId, o, pendingClOrdId, o.clOrdId, replace, reason,
            venueText.length() > 0 ? venueText : null);
    }

    private long dayRolls;

    /**
     * The trading day's end: done orders leave memory (the journal and the store keep them), so capacity
     * is bounded by live orders and the day's orders, not by every order since the first start; the
     * ClOrdID window restarts holding only the live orders' ids (a done order's ClOrdID may be used
     * again); fill dedupe keeps the ending day's trade ids beside the new day's, so a late resend of
     * yesterday's fill on a live order still counts once. Order and execution ids go on.
     */
    void onDayRoll(final long nowNanos)
    {
        int archived = 0;
        for (final java.util.Iterator<Order> it = ordersByNumber.values().iterator(); it.hasNext(); )
        {
            final Order done = it.next();
            if (done.isTerminal())
            {
                routingFields.remove(done.number);
                it.remove();
                archived++;
            }
        }
        storedOrders -= archived;
        for (final java.util.Iterator<Order> it = clOrdIds.values().iterator(); it.hasNext(); )
        {
            final Order o = it.next();
            if (o == noOrder || o.isTerminal())
            {
                it.remove();
            }
        }
        final ObjectHashSet<IdKey> ended = previousVenueExecIds;
        previousVenueExecIds = venueExecIds;
        ended.clear();
        venueExecIds = ended;
        dayRolls++;
        metrics.dayRoll(archived);
    }

    long dayRolls()
    {
        return dayRolls;
    }

    /** A balance the venue reported: for the store only, no order changes. */
    void onVenueBalance(final int venueId, final CharSequence asset, final long amount, final long nowNanos)
    {
        metrics.venueEventIn();
        stateListener.onReportedBalance(venueId, asset, amount, nowNanos);
    }

    void onVenueSessionState(final int venueId, final boolean connected, final long nowNanos)
    {
        metrics.venueEventIn();
        if (venueId < 0 || venueId > 65535)
        {
            metrics.anomaly();
            return;
        }
        if (venueId >= venueSessionUp.length)
        {
            final int length = Integer.highestOneBit(venueId) << 1;
            venueSessionUp = Arrays.copyOf(venueSessionUp, length);
            venueSessionKnown = Arrays.copyOf(venueSessionKnown, length);
        }
        venueSessionUp[venueId] = connected;
        venueSessionKnown[venueId] = true;
        if (connected && !replaying)
        {
            if (venueId >= venueAskedSinceStart.length)
            {
                venueAskedSinceStart = Arrays.copyOf(venueAskedSinceStart, venueSessionUp.length);
            }
            // the first connect of this process asks about every open order: what the venue reported just
            // before a kill -9 may have reached the session and not the journal, and is never resent
            queryVenue(venueId, !venueAskedSinceStart[venueId], nowNanos);
            venueAskedSinceStart[venueId] = true;
        }
    }

    /** per venue, whether this process has asked it about its orders since the start (not journaled: sends only) */
    private boolean[] venueAskedSinceStart = new boolean[16];

    /**
     * Asks the venue about every order of it whose fate is open ({@code everyOpenOrder}: every open
     * order): a new order never acknowledged, a cancel or replace never answered. After a crash the
     * request may never have left (journaled, not sent), or the venue's answer reached the session but
     * not the journal; after a disconnect it may have been lost. The answers (ORDER_STATUS reports)
     * settle them, fills and cancels included; a venue that cannot be asked leaves them as they are.
     * Venue connects are rare: a scan is fine.
     */
    private void queryVenue(final int venueId, final boolean everyOpenOrder, final long nowNanos)
    {
        for (final Order o : ordersByNumber.values())
        {
            if (o.venueId != venueId || o.isTerminal() ||
                (!everyOpenOrder && o.base != OrdStatus.PENDING_NEW && o.pending == Order.NO_PENDING))
            {
                continue;
            }
            final VenueOrder query;
            if (o.pending == Order.PENDING_REPLACE)
            {
                query = venueOrder(o, o.pendingChild, o.currentChild, o.pendingQty, o.pendingPrice, o.pendingOrdType,
                    o.pendingTimeInForce, nowNanos);
                query.queried = VenueOrder.QUERIED_REPLACE;
            }
            else if (o.pending == Order.PENDING_CANCEL)
            {
                query = venueOrder(o, o.pendingChild, o.currentChild, o.leavesQty, o.price, o.ordType, o.timeInForce,
                    nowNanos);
                query.queried = VenueOrder.QUERIED_CANCEL;
            }
            else
            {
                query = venueOrder(o, o.currentChild, 0, o.leavesQty, o.price, o.ordType, o.timeInForce, nowNanos);
                query.queried = VenueOrder.QUERIED_ORDER;
            }
            if (venues.sendStatusRequest(query))
            {
                metrics.venueStatusQuery();
            }
        }
    }

    /** @return the last session state a venue bridge reported: 1 up, 0 down, -1 never reported. */
    int venueSessionState(final int venueId)
    {
        if (venueId < 0 || venueId >= venueSessionUp.length || !venueSessionKnown[venueId])
        {
            return -1;
        }
        return venueSessionUp[venueId] ? 1 : 0;
    }

    // ------------------------------------------------------------------------------------ decisions

    private OrderRejectReason preTradeCheck(final PreTradeRequest request)
    {
        OrderRejectReason reason;
        if (replaying && (recordedOutcome & RISK_RECORDED) != 0)
        {
            reason = OrderRejectReason.fromCode(recordedOutcome & RISK_MASK);
            if (reason == null)
            {
                reason = OrderRejectReason.NONE;
                metrics.anomaly();
            }
        }
        else
        {
            reason = risk.check(request);
            if (reason == null)
            {
                reason = OrderRejectReason.NONE;
            }
        }
        outcome |= RISK_RECORDED | reason.code();
        return reason;
    }

    /**
     * Tells the risk gate how the quantity the order keeps open at its venue changed. While a replace is
     * pending the worst case counts: the larger of what is open now and what the replace would leave open.
     * An order counts as an open order while it keeps a quantity open (a working order always does: one with
     * nothing left is filled). Runs live and in replay (every order change goes through a report), so the
     * gate's exposure is rebuilt.
     */
    private void syncOpenQty(final Order o)
    {
        if (o.instrument == null || o.clientId == ParentOrders.ROUTER_CLIENT_ID)
        {
            // a child's quantity is its parent's: counted once, as the parent's
            return;
        }
        long openQty = 0;
        if (!o.isTerminal())
        {
            openQty = o.leavesQty;
            if (o.pending == Order.PENDING_REPLACE)
            {
                openQty = Math.max(openQty, o.pendingQty - o.cumQty);
            }
        }
        final long deltaQty = openQty - o.riskOpenQty;
        if (deltaQty != 0)
        {
            final boolean wasOpen = o.riskOpenQty > 0;
            final boolean open = openQty > 0;
            o.riskOpenQty = openQty;
            risk.onOpenQty(o.clientId, o.riskAccountId, o.instrument, o.side, deltaQty,
                open == wasOpen ? 0 : open ? 1 : -1);
        }
    }

    private boolean venueConnected(final int venueId)
    {
        final boolean connected;
        if (replaying)
        {
            connected = (recordedOutcome & CONNECTED_RECORDED) == 0 || (recordedOutcome & CONNECTED) != 0;
        }
        else
        {
            connected = venues.isConnected(venueId);
        }
        outcome |= CONNECTED_RECORDED | (connected ? CONNECTED : 0);
        return connected;
    }

    private boolean send(final int kind, final VenueOrder order)
    {
        final boolean sent;
        if (replaying)
        {
            sent = (recordedOutcome & SEND_RECORDED) == 0 || (recordedOutcome & SEND_OK) != 0;
        }
        else
        {
            sent = trySend(kind, order);
        }
        outcome |= SEND_RECORDED | (sent ? SEND_OK : 0);
        return sent;
    }

    private boolean trySend(final int kind, final VenueOrder order)
    {
        try
        {
            switch (kind)
            {
                case SEND_NEW:
                    return venues.sendNewOrder(order);
                case SEND_CANCEL:
                    return venues.sendCancel(order);
                default:
                    return venues.sendReplace(order);
            }
        }
        catch (final RuntimeException ex)
        {
            // recorded as not sent, exactly what a replay will assume
            outputFailed(ex);
            return false;
        }
    }

    // ------------------------------------------------------------------------------------ outputs

    private VenueOrder venueOrder(
        final Order o, final int child, final int origChild, final long qty, final long price, final OrdType ordType,
        final TimeInForce timeInForce, final long nowNanos)
    {
        final VenueOrder v = venueOrder.reset();
        if (replaying)
        {
            return v;
        }
        v.venueId = o.venueId;
        o.appendChildClOrdId(v.clOrdId, child);
        if (origChild > 0)
        {
            o.appendChildClOrdId(v.origClOrdId, origChild);
        }
        v.venueOrderId.append(o.venueOrderId);
        v.account.append(o.account);
        v.symbol.append(o.symbol);
        v.side = o.side;
        v.ordType = ordType;
        v.timeInForce = timeInForce;
        v.priceScale = o.priceScale();
        v.qtyScale = o.qtyScale();
        v.qty = qty;
        v.price = price;
        v.transactTimeNanos = nowNanos;
        return v;
    }

    private void executionReport(
        final Order o, final ExecType execType, final String clOrdId, final String origClOrdId, final long nowNanos)
    {
        final ExecutionReport r = executionReport(o, execType, clOrdId, origClOrdId, 0, 0, nowNanos);
        emit(o, r);
    }

    private ExecutionReport executionReport(
        final Order o, final ExecType execType, final String clOrdId, final String origClOrdId, final long lastQty,
        final long lastPx, final long nowNanos)
    {
        syncOpenQty(o);
        // built in a replay too: the state listener records every report (the store's report history)
        final ExecutionReport r = executionReport.reset();
        nextExecId(r.execId);
        fillOrderFields(r, o);
        r.execType = execType;
        r.clOrdId.append(clOrdId);
        if (origClOrdId != null)
        {
            r.origClOrdId.append(origClOrdId);
        }
        r.lastQty = lastQty;
        r.lastPx = lastPx;
        r.transactTimeNanos = nowNanos;
        if (venueCustomFields != null)
        {
            r.customFields.append(venueCustomFields);
        }
        if (execType == ExecType.REJECTED)
        {
            r.rejectReason = o.rejectReason;
            r.text.append(o.text);
        }
        return r;
    }

    private static void fillOrderFields(final ExecutionReport r, final Order o)
    {
        r.clientId = o.clientId;
        r.orderId.append(o.orderId);
        r.account.append(o.account);
        r.symbol.append(o.symbol);
        r.ordStatus = o.status();
        r.side = o.side;
        r.ordType = o.ordType;
        r.timeInForce = o.timeInForce;
        r.priceScale = o.priceScale();
        r.qtyScale = o.qtyScale();
        r.orderQty = o.orderQty;
        r.price = o.price;
        r.cumQty = o.cumQty;
        r.leavesQty = o.leavesQty;
        r.avgPx = o.avgPx;
    }

    private void rejectCancel(
        final int clientId, final Order o, final CharSequence clOrdId, final CharSequence origClOrdId,
        final boolean replace, final CancelRejectReason reason, final CharSequence text)
    {
        metrics.cancelReject(reason);
        if (o != null)
        {
            syncOpenQty(o); // a refused or unsendable replace no longer counts its larger quantity
        }
        if (replaying)
        {
            return;
        }
        final CancelReject r = cancelReject.reset();
        r.clientId = clientId;
        r.orderId.append(o != null ? o.orderId : "NONE");
        r.clOrdId.append(clOrdId);
        r.origClOrdId.append(origClOrdId);
        if (o != null)
        {
            r.account.append(o.account);
        }
        r.ordStatus = o != null ? o.status() : OrdStatus.REJECTED;
        r.replace = replace;
        r.reason = reason;
        r.text.append(text != null ? text : reason.text());
        try
        {
            reports.onCancelReject(r);
        }
        catch (final RuntimeException ex)
        {
            outputFailed(ex);
        }
    }

    /**
     * Hands a report, live, to the client side, then (for an order the sequencer keeps, live and in a
     * replay) to the state listener. A failure to send must not leave the order half-updated, nor make
     * live state differ from a replay (where outputs are muted): counted and reported, the state change
     * goes on.
     *
     * @param o the order reported on, null when unknown.
     */
    private void emit(final Order o, final ExecutionReport r)
    {
        if (!replaying)
        {
            try
            {
                reports.onExecutionReport(r);
            }
            catch (final RuntimeException ex)
            {
                outputFailed(ex);
            }
        }
        if (o != null && o.stored)
        {
            // after the send: copying the report for the store does not delay the client's
            stateListener.onClientReport(o, r, ++o.reports);
        }
    }

    private void outputFailed(final RuntimeException ex)
    {
        metrics.error();
        errorHandler.onError(ex);
    }

    private void nextExecId(final StringBuilder dst)
    {
        dst.append('E').append(++lastExecId);
    }

    // ------------------------------------------------------------------------------------ ids

    /** Parses "prefix" + number + "-" + child; sets {@link #resolvedChild}. */
    private Order resolveVenueClOrdId(final int venueId, final CharSequence venueClOrdId)
    {
        final int prefixLength = orderIdPrefix.length();
        final int length = venueClOrdId.length();
        if (length <= prefixLength + 2 || !startsWithPrefix(venueClOrdId))
        {
            return null;
        }
        long number = 0;
        int i = prefixLength;
        int digits = 0;
        char c;
        while (i < length && (c = venueClOrdId.charAt(i)) >= '0' && c <= '9' && digits < 18)
        {
            number = number * 10 + (c - '0');
            i++;
            digits++;
        }
        if (digits == 0 || i >= length - 1 || venueClOrdId.charAt(i) != '-')
        {
            return null;
        }
        i++;
        int child = 0;
        digits = 0;
        while (i < length && (c = venueClOrdId.charAt(i)) >= '0' && c <= '9' && digits < 9)
        {
            child = child * 10 + (c - '0');
            i++;
            digits++;
        }
        if (i != length)
        {
            return null;
        }
        final Order o = ordersByNumber.get(number);
        if (o == null || o.venueId != venueId || child < 1 || child > o.lastChild)
        {
            return null;
        }
        resolvedChild = child;
        return o;
    }

    private static boolean sameChars(final String a, final CharSequence b, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (a.charAt(i) != b.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithPrefix(final CharSequence s)
    {
        for (int i = 0, n = orderIdPrefix.length(); i < n; i++)
        {
            if (s.charAt(i) != orderIdPrefix.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    Order byOrderId(final CharSequence orderId)
    {
        return byOrderId(orderId, orderId.length());
    }

    /** The order whose OrderID is the first {@code length} characters of {@code orderId}. */
    private Order byOrderId(final CharSequence orderId, final int length)
    {
        final int prefixLength = orderIdPrefix.length();
        if (length <= prefixLength || length - prefixLength > 18 || !startsWithPrefix(orderId))
        {
            return null;
        }
        long number = 0;
        for (int i = prefixLength; i < length; i++)
        {
            final char c = orderId.charAt(i);
            if (c < '0' || c > '9')
            {
                return null;
            }
            number = number * 10 + (c - '0');
        }
        final Order o = ordersByNumber.get(number);
        return o != null && o.orderId.length() == length &&
            sameChars(o.orderId, orderId, length) ? o : null;
    }

    // ------------------------------------------------------------------------------------ arithmetic

    private static void addNotional(final Order o, final long qty, final long price)
    {
        final long hi = Math.multiplyHigh(qty, price);
        final long lo = qty * price;
        final long sum = o.notionalLo + lo;
        final long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        o.notionalLo = sum;
        o.notionalHi += hi + carry;
    }

    /** notional / qty rounded half-even; exact 128-bit notional, BigDecimal only past 2^63. */
    static long averagePrice(final long notionalHi, final long notionalLo, final long qty)
    {
        if (qty <= 0)
        {
            return 0;
        }
        if (notionalHi == 0 && notionalLo >= 0)
        {
            final long quotient = notionalLo / qty;
            final long remainder = notionalLo % qty;
            final long rest = qty - remainder;
            if (remainder > rest || (remainder == rest && (quotient & 1) != 0))
            {
                return quotient + 1;
            }
            return quotient;
        }
        BigInteger notional = BigInteger.valueOf(notionalHi).shiftLeft(64);
        notional = notional.add(new BigInteger(Long.toUnsignedString(notionalLo)));
        return new BigDecimal(notional).divide(BigDecimal.valueOf(qty), 0, RoundingMode.HALF_EVEN).longValue();
    }

    // ------------------------------------------------------------------------------------ queries

    OrderSnapshot snapshot(final CharSequence orderId)
    {
        final Order o = byOrderId(orderId);
        return o == null ? null : snapshot(o);
    }

    List<OrderSnapshot> snapshots(final boolean openOnly)
    {
        final List<OrderSnapshot> list = new ArrayList<>();
        for (long n = 1; n <= lastOrderNumber; n++)
        {
            final Order o = ordersByNumber.get(n);
            if (o != null && (!openOnly || !o.isTerminal()))
            {
                list.add(snapshot(o));
            }
        }
        return list;
    }

    private OrderSnapshot snapshot(final Order o)
    {
        final String fields = routingFields.get(o.number);
        return o.snapshot(fields != null ? fields : "");
    }

    long lastOrderNumber()
    {
        return lastOrderNumber;
    }

    long lastExecId()
    {
        return lastExecId;
    }

    /** A hash of all order state and id counters: equal inputs give equal hashes. */
    long stateHash()
    {
        long h = 0xcbf29ce484222325L;
        h = mix(h, lastOrderNumber);
        h = mix(h, lastExecId);
        h = mix(h, storedOrders);
        h = mix(h, clOrdIds.size());
        h = mix(h, venueExecIds.size());
        if (dayRolls > 0)
        {
            // only then: a journal without day rolls keeps the hash it had before they existed
            h = mix(h, previousVenueExecIds.size());
            h = mix(h, dayRolls);
        }
        for (long n = 1; n <= lastOrderNumber; n++)
        {
            final Order o = ordersByNumber.get(n);
            if (o == null)
            {
                continue;
            }
            h = mix(h, n);
            h = mix(h, o.clientId);
            h = mix(h, o.orderId.hashCode());
            h = mix(h, o.clOrdId.hashCode());
            h = mix(h, o.firstClOrdId.hashCode());
            h = mix(h, o.account.hashCode());
            h = mix(h, o.symbol.hashCode());
            h = mix(h, o.instrument == null ? -1 : o.instrument.id());
            h = mix(h, ordinal(o.side));
            h = mix(h, ordinal(o.ordType));
            h = mix(h, ordinal(o.timeInForce));
            h = mix(h, o.orderQty);
            h = mix(h, o.price);
            h = mix(h, o.cumQty);
            h = mix(h, o.leavesQty);
            h = mix(h, o.avgPx);
            h = mix(h, o.notionalHi);
            h = mix(h, o.notionalLo);
            h = mix(h, o.base.ordinal());
            h = mix(h, o.pending);
            h = mix(h, o.pendingClOrdId == null ? 0 : o.pendingClOrdId.hashCode());
            h = mix(h, o.pendingChild);
            h = mix(h, o.pendingQty);
            h = mix(h, o.pendingPrice);
            h = mix(h, ordinal(o.pendingOrdType));
            h = mix(h, ordinal(o.pendingTimeInForce));
            h = mix(h, o.currentChild);
            h = mix(h, o.lastChild);
            h = mix(h, o.venueOrderId.hashCode());
            h = mix(h, o.createdNanos);
            h = mix(h, o.updatedNanos);
            h = mix(h, o.rejectReason.ordinal());
            h = mix(h, o.text.hashCode());
        }
        for (int v = 0; v < venueSessionUp.length; v++)
        {
            h = mix(h, venueSessionState(v));
        }
        return h;
    }

    private static int ordinal(final Enum<?> value)
    {
        return value == null ? -1 : value.ordinal();
    }

    private static long mix(final long h, final long value)
    {
        long x = (h ^ value) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        return x * 0xBF58476D1CE4E5B9L;
    }
}
