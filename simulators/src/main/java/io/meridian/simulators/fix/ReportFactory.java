package io.meridian.simulators.fix;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastLiquidityInd;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;

/** Builds FIX 4.4 ExecutionReports (8) and OrderCancelRejects (9) from a {@link ClientOrder}. */
final class ReportFactory {
    private final VenueIds ids;

    ReportFactory(VenueIds ids) {
        this.ids = ids;
    }

    /** An ExecutionReport with the order's current state and echoed fields; ClOrdID is the order's current one. */
    ExecutionReport report(ClientOrder order, char execType, long transactNanos) {
        ExecutionReport report = new ExecutionReport();
        report.setString(OrderID.FIELD, order.orderId);
        report.setString(ExecID.FIELD, ids.nextExecId());
        report.setChar(ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, order.ordStatus);
        report.setString(ClOrdID.FIELD, order.clOrdId);
        if (order.account != null) {
            report.setString(Account.FIELD, order.account);
        }
        report.setString(Symbol.FIELD, order.symbol);
        report.setChar(Side.FIELD, order.side);
        if (order.orderQty != null) {
            report.setDecimal(OrderQty.FIELD, order.orderQty);
        }
        report.setChar(OrdType.FIELD, order.ordType);
        if (order.price != null) {
            report.setDecimal(Price.FIELD, order.price);
        }
        if (order.timeInForce != 0) {
            report.setChar(TimeInForce.FIELD, order.timeInForce);
        }
        report.setDecimal(LeavesQty.FIELD, order.leavesQty);
        report.setDecimal(CumQty.FIELD, order.cumQty);
        report.setDecimal(AvgPx.FIELD, order.avgPx());
        report.set(new TransactTime(toUtc(transactNanos)));
        return report;
    }

    ExecutionReport trade(ClientOrder order, BigDecimal lastQty, BigDecimal lastPx, boolean maker, long transactNanos) {
        ExecutionReport report = report(order, ExecType.TRADE, transactNanos);
        report.setDecimal(LastQty.FIELD, lastQty);
        report.setDecimal(LastPx.FIELD, lastPx);
        report.setInt(LastLiquidityInd.FIELD, maker ? LastLiquidityInd.ADDED_LIQUIDITY : LastLiquidityInd.REMOVED_LIQUIDITY);
        return report;
    }

    ExecutionReport rejected(ClientOrder order, int ordRejReason, String text, long transactNanos) {
        ExecutionReport report = report(order, ExecType.REJECTED, transactNanos);
        report.setInt(OrdRejReason.FIELD, ordRejReason);
        report.setString(Text.FIELD, text);
        return report;
    }

    ExecutionReport status(ClientOrder order, String ordStatusReqId, long transactNanos) {
        ExecutionReport report = report(order, ExecType.ORDER_STATUS, transactNanos);
        if (ordStatusReqId != null) {
            report.setString(OrdStatusReqID.FIELD, ordStatusReqId);
        }
        return report;
    }

    /** Answer to a status request for an order the venue does not know. */
    ExecutionReport unknownOrderStatus(String clOrdId, String orderId, String symbol, char side, String ordStatusReqId, long transactNanos) {
        ExecutionReport report = new ExecutionReport();
        report.setString(OrderID.FIELD, orderId == null ? VenueIds.NONE : orderId);
        report.setString(ExecID.FIELD, ids.nextExecId());
        report.setChar(ExecType.FIELD, ExecType.ORDER_STATUS);
        report.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
        report.setInt(OrdRejReason.FIELD, OrdRejReason.UNKNOWN_ORDER);
        report.setString(ClOrdID.FIELD, clOrdId);
        if (ordStatusReqId != null) {
            report.setString(OrdStatusReqID.FIELD, ordStatusReqId);
        }
        report.setString(Symbol.FIELD, symbol);
        report.setChar(Side.FIELD, side);
        report.setDecimal(LeavesQty.FIELD, BigDecimal.ZERO);
        report.setDecimal(CumQty.FIELD, BigDecimal.ZERO);
        report.setDecimal(AvgPx.FIELD, BigDecimal.ZERO);
        report.setString(Text.FIELD, "unknown order");
        report.set(new TransactTime(toUtc(transactNanos)));
        return report;
    }

    /**
     * An OrderCancelReject. {@code order} may be null (unknown order): OrderID is then NONE and
     * OrdStatus Rejected, as FIX 4.4 asks.
     */
    OrderCancelReject cancelReject(ClientOrder order, String clOrdId, String origClOrdId, char responseTo,
                                   int reason, String text) {
        OrderCancelReject reject = new OrderCancelReject();
        reject.setString(OrderID.FIELD, order == null ? VenueIds.NONE : order.orderId);
        reject.setString(ClOrdID.FIELD, clOrdId);
        reject.setString(OrigClOrdID.FIELD, origClOrdId);
        reject.setChar(OrdStatus.FIELD, order == null ? OrdStatus.REJECTED : order.ordStatus);
        if (order != null && order.account != null) {
            reject.setString(Account.FIELD, order.account);
        }
        reject.setChar(CxlRejResponseTo.FIELD, responseTo);
        reject.setInt(CxlRejReason.FIELD, reason);
        reject.setString(Text.FIELD, text);
        return reject;
    }

    static LocalDateTime toUtc(long epochNanos) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            (int) Math.floorMod(epochNanos, 1_000_000_000L), ZoneOffset.UTC);
    }
}
