package io.meridian.oms.api;

import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/**
 * An ExecutionReport for a client, as the sequencer emits it: a reused view, valid only during
 * the {@link ClientReports} call. Prices and quantities are scaled by the instrument's scales
 * ({@code priceScale}/{@code qtyScale}). {@code avgPx} is scaled by {@code priceScale}.
 */
public final class ExecutionReport
{
    public int clientId;
    public final StringBuilder orderId = new StringBuilder(16);
    public final StringBuilder execId = new StringBuilder(16);
    public final StringBuilder clOrdId = new StringBuilder(32);
    /** empty when not part of a cancel/replace chain */
    public final StringBuilder origClOrdId = new StringBuilder(32);
    public final StringBuilder statusReqId = new StringBuilder(16);
    public final StringBuilder account = new StringBuilder(16);
    public final StringBuilder symbol = new StringBuilder(16);
    public ExecType execType;
    public OrdStatus ordStatus;
    public Side side;
    public OrdType ordType;
    public TimeInForce timeInForce;
    public int priceScale;
    public int qtyScale;
    public long orderQty;
    /** 0 for market orders */
    public long price;
    public long lastQty;
    public long lastPx;
    public long cumQty;
    public long leavesQty;
    public long avgPx;
    public long transactTimeNanos;
    public OrderRejectReason rejectReason = OrderRejectReason.NONE;
    /** free text (58); empty when none */
    public final StringBuilder text = new StringBuilder(64);
    /**
     * Dialect fields carried through unchanged, raw {@code tag=value<SOH>} pairs (empty when none):
     * which tags travel is configured per client and per venue at the edges.
     */
    public final StringBuilder customFields = new StringBuilder(64);

    /** Copies every field of {@code other} (for the rare report that must wait to be sent). */
    public ExecutionReport copyFrom(final ExecutionReport other)
    {
        reset();
        clientId = other.clientId;
        orderId.append(other.orderId);
        execId.append(other.execId);
        clOrdId.append(other.clOrdId);
        origClOrdId.append(other.origClOrdId);
        statusReqId.append(other.statusReqId);
        account.append(other.account);
        symbol.append(other.symbol);
        execType = other.execType;
        ordStatus = other.ordStatus;
        side = other.side;
        ordType = other.ordType;
        timeInForce = other.timeInForce;
        priceScale = other.priceScale;
        qtyScale = other.qtyScale;
        orderQty = other.orderQty;
        price = other.price;
        lastQty = other.lastQty;
        lastPx = other.lastPx;
        cumQty = other.cumQty;
        leavesQty = other.leavesQty;
        avgPx = other.avgPx;
        transactTimeNanos = other.transactTimeNanos;
        rejectReason = other.rejectReason;
        text.append(other.text);
        customFields.append(other.customFields);
        return this;
    }

    public ExecutionReport reset()
    {
        clientId = 0;
        orderId.setLength(0);
        execId.setLength(0);
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        statusReqId.setLength(0);
        account.setLength(0);
        symbol.setLength(0);
        execType = null;
        ordStatus = null;
        side = null;
        ordType = null;
        timeInForce = null;
        priceScale = 0;
        qtyScale = 0;
        orderQty = 0;
        price = 0;
        lastQty = 0;
        lastPx = 0;
        cumQty = 0;
        leavesQty = 0;
        avgPx = 0;
        transactTimeNanos = 0;
        rejectReason = OrderRejectReason.NONE;
        text.setLength(0);
        customFields.setLength(0);
        return this;
    }
}
