package io.meridian.gateway;

import io.meridian.fix.ExtraFields;
import io.meridian.fix42.codecs.builder.ExecutionReportEncoder;
import org.agrona.collections.IntHashSet;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;
import io.meridian.fix42.codecs.builder.OrderCancelRejectEncoder;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;

import java.util.concurrent.TimeUnit;

/**
 * Encodes the OMS's client reports as FIX 4.2 ExecutionReport / OrderCancelReject: ExecTransType
 * (20) New on every report, fills as ExecType 1 (partial fill) or 2 (fill) where FIX 4.4 has F
 * (trade), a status answer's ExecType is the order's OrdStatus (FIX 4.2 has no I), LastShares (32)
 * for the fill quantity, and no OrdStatusReqID (added in FIX 4.3).
 */
final class Fix42ClientReportEncoder implements ClientReportEncoding
{
    private final CarryingExecutionReportEncoder executionReport = new CarryingExecutionReportEncoder();
    private final OrderCancelRejectEncoder cancelReject = new OrderCancelRejectEncoder();
    private final UtcTimestampEncoder timestamp = new UtcTimestampEncoder();

    public ExecutionReportEncoder encode(final ExecutionReport report, final IntHashSet reportTags)
    {
        final CarryingExecutionReportEncoder er = executionReport;
        er.reset();
        er.extraFields.clear().append(report.customFields, reportTags);
        er.orderID(report.orderId)
            .execID(report.execId)
            .execTransType('0')
            .execType(execType(report))
            .ordStatus(report.ordStatus.fixValue())
            .symbol(report.symbol)
            .leavesQty(report.leavesQty, report.qtyScale)
            .cumQty(report.cumQty, report.qtyScale)
            .avgPx(report.avgPx, report.priceScale);
        if (report.side != null)
        {
            er.side(report.side.fixValue());
        }
        if (report.clOrdId.length() > 0)
        {
            er.clOrdID(report.clOrdId);
        }
        if (report.origClOrdId.length() > 0)
        {
            er.origClOrdID(report.origClOrdId);
        }
        if (report.account.length() > 0)
        {
            er.account(report.account);
        }
        if (report.orderQty > 0)
        {
            er.orderQty(report.orderQty, report.qtyScale);
        }
        if (report.ordType != null)
        {
            er.ordType(report.ordType.fixValue());
            if (report.ordType == OrdType.LIMIT && report.price > 0)
            {
                er.price(report.price, report.priceScale);
            }
        }
        if (report.timeInForce != null)
        {
            er.timeInForce(report.timeInForce.fixValue());
        }
        if (report.execType == ExecType.TRADE)
        {
            er.lastShares(report.lastQty, report.qtyScale).lastPx(report.lastPx, report.priceScale);
        }
        if (report.rejectReason != OrderRejectReason.NONE)
        {
            er.ordRejReason(report.rejectReason.fixOrdRejReason());
        }
        if (report.text.length() > 0)
        {
            er.text(report.text);
        }
        else if (report.rejectReason != OrderRejectReason.NONE)
        {
            er.text(report.rejectReason.text());
        }
        if (report.transactTimeNanos > 0)
        {
            final int length = timestamp.encodeFrom(report.transactTimeNanos, TimeUnit.NANOSECONDS);
            er.transactTime(timestamp.buffer(), length);
        }
        return er;
    }

    public OrderCancelRejectEncoder encode(final CancelReject reject)
    {
        final OrderCancelRejectEncoder cr = cancelReject;
        cr.reset();
        cr.orderID(reject.orderId.length() > 0 ? reject.orderId : "NONE")
            .clOrdID(reject.clOrdId)
            .origClOrdID(reject.origClOrdId)
            .ordStatus(reject.ordStatus.fixValue())
            .cxlRejResponseTo(reject.replace ? '2' : '1')
            .cxlRejReason(reject.reason.fixCxlRejReason())
            .text(reject.text.length() > 0 ? reject.text : reject.reason.text());
        if (reject.account.length() > 0)
        {
            cr.account(reject.account);
        }
        return cr;
    }

    private static char execType(final ExecutionReport report)
    {
        switch (report.execType)
        {
            case TRADE:
                return report.ordStatus == OrdStatus.FILLED ? '2' : '1';
            case ORDER_STATUS:
                return report.ordStatus.fixValue();
            default:
                return report.execType.fixValue();
        }
    }

    /** The FIX 4.2 ExecutionReport encoder plus carried venue fields appended to its body. */
    private static final class CarryingExecutionReportEncoder extends ExecutionReportEncoder
    {
        private final ExtraFields extraFields = new ExtraFields();

        public long encode(final MutableAsciiBuffer buffer, final int offset)
        {
            return extraFields.appendTo(buffer, super.encode(buffer, offset));
        }
    }
}
