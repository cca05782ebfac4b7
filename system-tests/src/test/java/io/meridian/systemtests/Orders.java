package io.meridian.systemtests;

import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Builders of client FIX messages and matchers of Meridian's answers, for system tests. */
final class Orders
{
    /** For a replace: leave TimeInForce out (the order keeps its own). */
    static final char NO_TIF = 0;

    private static final AtomicLong IDS = new AtomicLong();

    private Orders()
    {
    }

    static String nextClOrdId(final String prefix)
    {
        return prefix + "-" + IDS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    static NewOrderSingle limit(
        final String clOrdId, final char side, final String qty, final String symbol, final String price,
        final char tif)
    {
        final NewOrderSingle order = new NewOrderSingle(
            new ClOrdID(clOrdId), new Side(side), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
            new OrdType(OrdType.LIMIT));
        order.set(new Symbol(symbol));
        order.setString(OrderQty.FIELD, qty);
        if (price != null)
        {
            order.setString(Price.FIELD, price);
        }
        order.set(new TimeInForce(tif));
        return order;
    }

    static NewOrderSingle market(final String clOrdId, final char side, final String qty, final String symbol)
    {
        final NewOrderSingle order = new NewOrderSingle(
            new ClOrdID(clOrdId), new Side(side), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
            new OrdType(OrdType.MARKET));
        order.set(new Symbol(symbol));
        order.setString(OrderQty.FIELD, qty);
        return order;
    }

    static OrderCancelRequest cancel(
        final String clOrdId, final String origClOrdId, final char side, final String symbol, final String qty)
    {
        final OrderCancelRequest cancel = new OrderCancelRequest(
            new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId), new Side(side),
            new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        cancel.set(new Symbol(symbol));
        cancel.setString(OrderQty.FIELD, qty);
        return cancel;
    }

    static OrderCancelReplaceRequest replace(
        final String clOrdId, final String origClOrdId, final char side, final String symbol, final String qty,
        final String price, final char tif)
    {
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(
            new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId), new Side(side),
            new TransactTime(LocalDateTime.now(ZoneOffset.UTC)), new OrdType(OrdType.LIMIT));
        replace.set(new Symbol(symbol));
        replace.setString(OrderQty.FIELD, qty);
        replace.setString(Price.FIELD, price);
        if (tif != NO_TIF)
        {
            replace.set(new TimeInForce(tif));
        }
        return replace;
    }

    static OrderStatusRequest status(final String clOrdId, final char side, final String symbol)
    {
        final OrderStatusRequest status = new OrderStatusRequest(new ClOrdID(clOrdId), new Side(side));
        status.set(new Symbol(symbol));
        return status;
    }

    /** An ExecutionReport for {@code clOrdId} with ExecType {@code execType}. */
    static Predicate<Message> report(final String clOrdId, final char execType)
    {
        return message -> "8".equals(TestFixClient.msgType(message)) &&
            clOrdId.equals(TestFixClient.field(message, 11)) &&
            String.valueOf(execType).equals(TestFixClient.field(message, 150));
    }

    /** An OrderCancelReject for the request {@code clOrdId}. */
    static Predicate<Message> cancelReject(final String clOrdId)
    {
        return message -> "9".equals(TestFixClient.msgType(message)) && clOrdId.equals(TestFixClient.field(message, 11));
    }

    static BigDecimal decimal(final Message message, final int tag)
    {
        final String value = TestFixClient.field(message, tag);
        return value == null ? null : new BigDecimal(value);
    }
}
