package io.meridian.simulators.fix;

import io.meridian.simulators.matching.DecimalScale;
import io.meridian.simulators.matching.MatchingClock;
import io.meridian.simulators.matching.MatchingEngine;
import io.meridian.simulators.matching.OrderRequest;
import io.meridian.simulators.matching.OrderType;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import java.math.BigDecimal;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.ClOrdID;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.Symbol;

/**
 * Decodes client requests (D, F, G, H; AF and AN go to the {@link ReconciliationHandler}), checks
 * what only the FIX edge can check (ClOrdID uniqueness, decimals, supported enums) and drives the
 * engine; the engine's answers come back as reports through {@link ReportPublisher}. Called under
 * the venue lock.
 */
final class OrderEntryHandler {
    private final MatchingEngine engine;
    private final ClientOrderRegistry registry;
    private final ReportFactory reports;
    private final Outbox outbox;
    private final FaultInjector faults;
    private final CounterSet counters;
    private final DecimalScale scale;
    private final MatchingClock clock;
    private final VenueIds ids;
    private final ReconciliationHandler reconciliation;

    OrderEntryHandler(MatchingEngine engine, ClientOrderRegistry registry, ReportFactory reports, Outbox outbox,
                      FaultInjector faults, CounterSet counters, DecimalScale scale, MatchingClock clock, VenueIds ids,
                      ReconciliationHandler reconciliation) {
        this.reconciliation = reconciliation;
        this.engine = engine;
        this.registry = registry;
        this.reports = reports;
        this.outbox = outbox;
        this.faults = faults;
        this.counters = counters;
        this.scale = scale;
        this.clock = clock;
        this.ids = ids;
    }

    void onMessage(Message message, SessionID session) throws FieldNotFound, UnsupportedMessageType {
        String msgType = message.getHeader().getString(MsgType.FIELD);
        switch (msgType) {
            case MsgType.NEW_ORDER_SINGLE -> counters.newOrders++;
            case MsgType.ORDER_CANCEL_REQUEST -> counters.cancelRequests++;
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> counters.replaceRequests++;
            case MsgType.ORDER_STATUS_REQUEST -> counters.statusRequests++;
            case MsgType.ORDER_MASS_STATUS_REQUEST, MsgType.REQUEST_FOR_POSITIONS -> {
            }
            default -> throw new UnsupportedMessageType();
        }
        if (faults.takeDrop()) {
            counters.droppedMessages++;
            return;
        }
        switch (msgType) {
            case MsgType.NEW_ORDER_SINGLE -> onNewOrder(message, session);
            case MsgType.ORDER_CANCEL_REQUEST -> onCancel(message, session);
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> onReplace(message, session);
            case MsgType.ORDER_MASS_STATUS_REQUEST -> reconciliation.onMassStatus(message, session);
            case MsgType.REQUEST_FOR_POSITIONS -> reconciliation.onRequestForPositions(message, session);
            default -> onStatus(message, session);
        }
    }

    private void onNewOrder(Message message, SessionID session) throws FieldNotFound {
        NewOrderFields fields = NewOrderFields.from(message);
        if (registry.isClOrdIdUsed(session, fields.clOrdId())) {
            reject(new ClientOrder(ClientOrder.NO_ENGINE_ID, VenueIds.NONE, session, fields),
                OrdRejReason.DUPLICATE_ORDER, "duplicate ClOrdID " + fields.clOrdId());
            return;
        }
        String faultText = faults.takeReject();
        if (faultText != null) {
            rejectAndRemember(session, fields, OrdRejReason.BROKER_EXCHANGE_OPTION, faultText);
            return;
        }
        Side side = side(fields.side());
        OrderType type = orderType(fields.ordType());
        TimeInForce tif = timeInForce(fields.timeInForce());
        if (type == null || tif == null || side == null) {
            rejectAndRemember(session, fields, OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                "unsupported Side, OrdType or TimeInForce");
            return;
        }
        if (!isPositive(fields.orderQty())) {
            rejectAndRemember(session, fields, OrdRejReason.INCORRECT_QUANTITY,
                "OrderQty must be positive with at most " + scale.decimals() + " decimals");
            return;
        }
        if (type == OrderType.LIMIT && !isPositive(fields.price())) {
            rejectAndRemember(session, fields, OrdRejReason.OTHER,
                "limit order needs a positive Price with at most " + scale.decimals() + " decimals");
            return;
        }
        long engineId = engine.nextOrderId();
        ClientOrder order = new ClientOrder(engineId, ids.orderId(engineId), session, fields);
        registry.add(order);
        long price = type == OrderType.LIMIT ? scale.toScaled(fields.price()) : 0;
        engine.submit(new OrderRequest(engineId, fields.account() == null ? "" : fields.account(), fields.symbol(),
            side, type, tif, fields.postOnly(), price, scale.toScaled(fields.orderQty())));
    }

    private void onCancel(Message message, SessionID session) throws FieldNotFound {
        String clOrdId = message.getString(ClOrdID.FIELD);
        String origClOrdId = message.getString(OrigClOrdID.FIELD);
        ClientOrder order = find(session, origClOrdId, message);
        if (!checkChangeable(session, order, clOrdId, origClOrdId, CxlRejResponseTo.ORDER_CANCEL_REQUEST)) {
            return;
        }
        order.pending = new ClientOrder.PendingChange(clOrdId, origClOrdId, CxlRejResponseTo.ORDER_CANCEL_REQUEST, null);
        try {
            engine.cancel(order.symbol, order.engineOrderId);
        } finally {
            order.pending = null;
        }
    }

    private void onReplace(Message message, SessionID session) throws FieldNotFound {
        NewOrderFields fields = NewOrderFields.from(message);
        String origClOrdId = message.getString(OrigClOrdID.FIELD);
        ClientOrder order = find(session, origClOrdId, message);
        char responseTo = CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST;
        if (!checkChangeable(session, order, fields.clOrdId(), origClOrdId, responseTo)) {
            return;
        }
        String problem = replaceProblem(order, fields);
        if (problem != null) {
            outbox.send(reports.cancelReject(order, fields.clOrdId(), origClOrdId, responseTo, CxlRejReason.OTHER, problem),
                session);
            return;
        }
        order.pending = new ClientOrder.PendingChange(fields.clOrdId(), origClOrdId, responseTo, fields);
        try {
            engine.replace(order.symbol, order.engineOrderId, scale.toScaled(fields.orderQty()), scale.toScaled(fields.price()));
        } finally {
            order.pending = null;
        }
    }

    private void onStatus(Message message, SessionID session) throws FieldNotFound {
        String clOrdId = message.getString(ClOrdID.FIELD);
        String reqId = message.isSetField(OrdStatusReqID.FIELD) ? message.getString(OrdStatusReqID.FIELD) : null;
        ClientOrder order = find(session, clOrdId, message);
        long now = clock.epochNanos();
        if (order == null) {
            String orderId = message.isSetField(OrderID.FIELD) ? message.getString(OrderID.FIELD) : null;
            outbox.send(reports.unknownOrderStatus(clOrdId, orderId, message.getString(Symbol.FIELD),
                message.getChar(quickfix.field.Side.FIELD), reqId, now), session);
            return;
        }
        outbox.send(reports.status(order, reqId, now), session);
    }

    /** The order by ClOrdID, else by OrderID (37) if the client sent one; only this session's orders. */
    private ClientOrder find(SessionID session, String clOrdId, Message message) throws FieldNotFound {
        ClientOrder order = registry.byClOrdId(session, clOrdId);
        if (order == null && message.isSetField(OrderID.FIELD)) {
            ClientOrder byOrderId = registry.byOrderId(message.getString(OrderID.FIELD));
            if (byOrderId != null && byOrderId.session.equals(session)) {
                order = byOrderId;
            }
        }
        return order;
    }

    /** Sends the OrderCancelReject and returns false when a cancel/replace cannot go to the engine. */
    private boolean checkChangeable(SessionID session, ClientOrder order, String clOrdId, String origClOrdId, char responseTo) {
        int reason;
        String text;
        if (registry.isClOrdIdUsed(session, clOrdId)) {
            reason = CxlRejReason.DUPLICATE_CLORDID_RECEIVED;
            text = "duplicate ClOrdID " + clOrdId;
        } else if (order == null || order.engineOrderId == ClientOrder.NO_ENGINE_ID) {
            reason = CxlRejReason.UNKNOWN_ORDER;
            text = "unknown order " + origClOrdId;
        } else if (!order.isLive()) {
            reason = CxlRejReason.TOO_LATE_TO_CANCEL;
            text = "order is done (OrdStatus " + order.ordStatus + ")";
        } else {
            return true;
        }
        ClientOrder known = order != null && order.engineOrderId != ClientOrder.NO_ENGINE_ID ? order : null;
        outbox.send(reports.cancelReject(known, clOrdId, origClOrdId, responseTo, reason, text), session);
        return false;
    }

    private String replaceProblem(ClientOrder order, NewOrderFields fields) {
        if (fields.side() != order.side || !fields.symbol().equals(order.symbol) || fields.ordType() != order.ordType) {
            return "cannot change Side, Symbol or OrdType";
        }
        if (fields.timeInForce() != 0 && timeInForce(fields.timeInForce()) != timeInForce(order.timeInForce)) {
            return "cannot change TimeInForce";
        }
        if (!isPositive(fields.orderQty())) {
            return "OrderQty must be positive with at most " + scale.decimals() + " decimals";
        }
        if (!isPositive(fields.price())) {
            return "limit order needs a positive Price with at most " + scale.decimals() + " decimals";
        }
        return null;
    }

    private void rejectAndRemember(SessionID session, NewOrderFields fields, int ordRejReason, String text) {
        ClientOrder order = new ClientOrder(ClientOrder.NO_ENGINE_ID, VenueIds.NONE, session, fields);
        registry.add(order);
        reject(order, ordRejReason, text);
    }

    private void reject(ClientOrder order, int ordRejReason, String text) {
        order.ordStatus = OrdStatus.REJECTED;
        outbox.send(reports.rejected(order, ordRejReason, text, clock.epochNanos()), order.session);
    }

    private boolean isPositive(BigDecimal value) {
        return value != null && value.signum() > 0 && scale.isRepresentable(value);
    }

    private static Side side(char fixSide) {
        return switch (fixSide) {
            case quickfix.field.Side.BUY -> Side.BUY;
            case quickfix.field.Side.SELL, quickfix.field.Side.SELL_SHORT -> Side.SELL;
            default -> null;
        };
    }

    private static OrderType orderType(char ordType) {
        return switch (ordType) {
            case quickfix.field.OrdType.LIMIT -> OrderType.LIMIT;
            case quickfix.field.OrdType.MARKET -> OrderType.MARKET;
            default -> null;
        };
    }

    /** TimeInForce absent means DAY, FIX's default. */
    private static TimeInForce timeInForce(char tif) {
        return switch (tif) {
            case 0, quickfix.field.TimeInForce.DAY -> TimeInForce.DAY;
            case quickfix.field.TimeInForce.GOOD_TILL_CANCEL -> TimeInForce.GTC;
            case quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL -> TimeInForce.IOC;
            case quickfix.field.TimeInForce.FILL_OR_KILL -> TimeInForce.FOK;
            default -> null;
        };
    }
}
