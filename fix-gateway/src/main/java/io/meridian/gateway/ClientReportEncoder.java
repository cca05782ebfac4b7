package io.meridian.gateway;

import io.meridian.fix.ExtensibleExecutionReportEncoder;
import org.agrona.collections.IntHashSet;
import io.meridian.fix.codecs.builder.ExecutionReportEncoder;
import io.meridian.fix.codecs.builder.OrderCancelRejectEncoder;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;

import java.util.concurrent.TimeUnit;

/**
 * Encodes the OMS's client reports into reused FIX 4.4 ExecutionReport / OrderCancelReject encoders
 * (also used for FIXT.1.1 / FIX 5.0 SP2 sessions: the same fields, with the session's BeginString).
 */
final class ClientReportEncoder implements ClientReportEncoding
{
    private final ExtensibleExecutionReportEncoder executionReport = new ExtensibleExecutionReportEncoder();
    private final OrderCancelRejectEncoder cancelReject = new OrderCancelRejectEncoder();
    private final UtcTimestampEncoder timestamp = new UtcTimestampEncoder();

    /** @param reportTags the tags the client may receive: carried venue fields outside them are left out. */
    public ExecutionReportEncoder encode(final ExecutionReport report, final IntHashSet reportTags)
    {
        final ExtensibleExecutionReportEncoder er = executionReport;
        er.reset();
        er.extraFields().clear().append(report.customFields, reportTags);
        er.orderID(report.orderId)
            .execID(report.execId)
            .execType(report.execType.fixValue())
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
        if (report.statusReqId.length() > 0)
        {
            er.ordStatusReqID(report.statusReqId);
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
            er.lastQty(report.lastQty, report.qtyScale).lastPx(report.lastPx, report.priceScale);
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
}
